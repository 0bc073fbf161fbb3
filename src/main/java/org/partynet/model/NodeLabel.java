package org.partynet.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every label of a node with a code (and so an id), with its Chinese name. Each has a
 * uniqueness constraint on {@code code} (cypher/migrations).
 */
public enum NodeLabel {

	DISTRICT("District", "区", "District"), STREET("Street", "街道", "Street"), COMMUNITY("Community", "社区", "Community"),
	GRID("Grid", "网格", "Grid"), BUILDING("Building", "楼院", "Building"),
	COMMERCIAL_BUILDING("CommercialBuilding", "商务楼宇", "Commercial building"), MARKET("Market", "商圈市场", "Market"),
	STREET_WORKING_COMMITTEE("StreetWorkingCommittee", "街道党工委", "Street working committee"),
	COMMUNITY_COMMITTEE("CommunityCommittee", "社区党委", "Community committee"),
	GRID_BRANCH("GridBranch", "网格党支部", "Grid branch"), BUILDING_GROUP("BuildingGroup", "楼院党小组", "Building group"),
	ALLIANCE("Alliance", "党建联盟", "Alliance"), PERSON("Person", "人员", "Person"), UNIT("Unit", "驻区单位", "Outside unit"),
	INSTITUTION("Institution", "街道机构", "Street institution");

	/** Every label's name in the graph. */
	public static final Set<String> LABELS = Arrays.stream(values())
		.map(NodeLabel::label)
		.collect(Collectors.toUnmodifiableSet());

	private static final Map<String, NodeLabel> BY_LABEL = Kinds.byLabel(values(), NodeLabel::label);

	private final String label;

	private final String chinese;

	private final String english;

	NodeLabel(String label, String chinese, String english) {
		this.label = label;
		this.chinese = chinese;
		this.english = english;
	}

	/** The label in the graph, {@code GridBranch}. */
	public String label() {
		return this.label;
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

	/**
	 * The label every node of this kind shares with its kin: {@code Area} for the areas,
	 * {@code PartyOrganization} for the four levels, its own label for the others. Codes
	 * are looked up, and parents found, within a family.
	 */
	public String family() {
		if (AreaKind.ofLabel(this.label) != null) {
			return "Area";
		}
		return (OrganizationKind.ofLabel(this.label) != null) ? "PartyOrganization" : this.label;
	}

	/**
	 * The relationship from a node's parent to it: {@code HAS} for an area (in the area
	 * above), {@code LEADS} for an organization or an alliance (led by the one above);
	 * {@code null} for the others, which have no parent.
	 */
	public String parentRelationship() {
		if (AreaKind.ofLabel(this.label) != null) {
			return RelationshipType.HAS.name();
		}
		return (OrganizationKind.ofLabel(this.label) != null || this == ALLIANCE) ? RelationshipType.LEADS.name()
				: null;
	}

	/**
	 * The parent relationship of the nodes of a family ({@link #family()}); {@code null}
	 * when they have none.
	 */
	public static String parentRelationship(String family) {
		for (NodeLabel value : values()) {
			if (value.family().equals(family) && value.parentRelationship() != null) {
				return value.parentRelationship();
			}
		}
		return null;
	}

	/** Every family, in the order of the labels. */
	public static Set<String> families() {
		return Arrays.stream(values())
			.map(NodeLabel::family)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
	}

	/**
	 * The kind of a node among its labels (not its family label); {@code null} when none
	 * is one.
	 */
	public static NodeLabel fromLabels(Iterable<String> labels) {
		return Kinds.first(labels, BY_LABEL);
	}

	/** The node label of this name; {@code null} for a label that has no code. */
	public static NodeLabel of(String label) {
		return BY_LABEL.get(label);
	}

}
