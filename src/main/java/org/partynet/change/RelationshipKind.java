package org.partynet.change;

import java.util.Set;

/**
 * The relationships {@code addLink} and {@code endLink} handle, with their type in the graph and
 * the labels either end may have (checked before anything is written).
 */
enum RelationshipKind {

	HEAD_OF("HEAD_OF", Set.of("Person"), Set.of("Building"), "党员楼长"),
	WORKS_FOR("WORKS_FOR", Set.of("Person"), Set.of("Grid"), "专职网格员"),
	INSTRUCTS("INSTRUCTS", Set.of("Person"), Set.of("CommercialBuilding", "Market"), "党建指导员"),
	EMPLOYED_BY("EMPLOYED_BY", Set.of("Person"), Set.of("Unit"), "在职"),
	ALLIANCE_MEMBER("MEMBER_OF", Set.of("Unit"), Set.of("Alliance"), "联盟成员"),
	CO_BUILDS("CO_BUILDS", Set.of("Unit"), Set.of("CommunityCommittee"), "共驻共建"),
	REGISTERED_AT("REGISTERED_AT", Set.of("Unit", "Person"), Set.of("Community"), "双报到"),
	IN_GROUP("IN_GROUP", Set.of("Person"), Set.of("BuildingGroup"), "党小组成员");

	private final String type;

	private final Set<String> from;

	private final Set<String> to;

	private final String chinese;

	RelationshipKind(String type, Set<String> from, Set<String> to, String chinese) {
		this.type = type;
		this.from = from;
		this.to = to;
		this.chinese = chinese;
	}

	String type() {
		return this.type;
	}

	Set<String> from() {
		return this.from;
	}

	Set<String> to() {
		return this.to;
	}

	String chinese() {
		return this.chinese;
	}

}
