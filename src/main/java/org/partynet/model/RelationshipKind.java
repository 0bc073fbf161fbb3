package org.partynet.model;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The links {@code addLink} and {@code endLink} handle and the bulk workbook's links
 * sheet holds (there with party memberships beside them): the relationship type in the
 * graph and the labels either end may have, checked before anything is written.
 */
public enum RelationshipKind {

	HEAD_OF(RelationshipType.HEAD_OF, Set.of("Person"), Set.of("Building"), "党员楼长"),
	WORKS_FOR(RelationshipType.WORKS_FOR, Set.of("Person"), Set.of("Grid"), "专职网格员"),
	INSTRUCTS(RelationshipType.INSTRUCTS, Set.of("Person"), sites(), "党建指导员"),
	EMPLOYED_BY(RelationshipType.EMPLOYED_BY, Set.of("Person"), Set.of("Unit"), "在职"),
	ALLIANCE_MEMBER(RelationshipType.MEMBER_OF, Set.of("Unit"), Set.of("Alliance"), "联盟成员"),
	CO_BUILDS(RelationshipType.CO_BUILDS, Set.of("Unit"), Set.of("CommunityCommittee"), "共驻共建"),
	REGISTERED_AT(RelationshipType.REGISTERED_AT, Set.of("Unit", "Person"), Set.of("Community"), "双报到"),
	IN_GROUP(RelationshipType.IN_GROUP, Set.of("Person"), Set.of("BuildingGroup"), "党小组成员");

	private final RelationshipType type;

	private final Set<String> from;

	private final Set<String> to;

	private final String chinese;

	RelationshipKind(RelationshipType type, Set<String> from, Set<String> to, String chinese) {
		this.type = type;
		this.from = from;
		this.to = to;
		this.chinese = chinese;
	}

	/** The relationship's type in the graph. */
	public String type() {
		return this.type.name();
	}

	/** The labels the start node may have. */
	public Set<String> from() {
		return this.from;
	}

	/** The labels the end node may have. */
	public Set<String> to() {
		return this.to;
	}

	public String chinese() {
		return this.chinese;
	}

	/** The kind of this name; {@code null} when there is none. */
	public static RelationshipKind of(String name) {
		for (RelationshipKind kind : values()) {
			if (kind.name().equals(name)) {
				return kind;
			}
		}
		return null;
	}

	// An enum's constants may call its static methods, not read its static fields.
	private static Set<String> sites() {
		return OrganizationKind.ALLIANCE_AREAS.stream().map(AreaKind::label).collect(Collectors.toUnmodifiableSet());
	}

}
