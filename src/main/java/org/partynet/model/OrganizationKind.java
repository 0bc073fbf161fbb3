package org.partynet.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four levels of the party network: each with the kind that leads it ({@code LEADS}),
 * the kind of area it governs or covers, and how its members belong to it.
 */
public enum OrganizationKind implements Labelled {

	STREET_WORKING_COMMITTEE(NodeLabel.STREET_WORKING_COMMITTEE, null, AreaKind.STREET),
	COMMUNITY_COMMITTEE(NodeLabel.COMMUNITY_COMMITTEE, STREET_WORKING_COMMITTEE, AreaKind.COMMUNITY),
	GRID_BRANCH(NodeLabel.GRID_BRANCH, COMMUNITY_COMMITTEE, AreaKind.GRID),
	BUILDING_GROUP(NodeLabel.BUILDING_GROUP, GRID_BRANCH, AreaKind.BUILDING);

	/**
	 * Every organization label in the graph (each node also has
	 * {@code PartyOrganization}).
	 */
	public static final Set<String> LABELS = Arrays.stream(values())
		.map(OrganizationKind::label)
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * An alliance (党建联盟) is led by a street working committee and covers the commercial
	 * sites; it is not one of the four levels, so it has no kind of its own here.
	 */
	public static final OrganizationKind ALLIANCE_PARENT = STREET_WORKING_COMMITTEE;

	/** The kinds of area an alliance covers. */
	public static final Set<AreaKind> ALLIANCE_AREAS = Set.of(AreaKind.COMMERCIAL_BUILDING, AreaKind.MARKET);

	private static final Map<String, OrganizationKind> BY_LABEL = Kinds.byLabel(values(), OrganizationKind::label);

	private final NodeLabel node;

	private final OrganizationKind parent;

	private final AreaKind area;

	OrganizationKind(NodeLabel node, OrganizationKind parent, AreaKind area) {
		this.node = node;
		this.parent = parent;
		this.area = area;
	}

	@Override
	public NodeLabel node() {
		return this.node;
	}

	/** The kind that leads one of this kind; {@code null} at the top. */
	public OrganizationKind parent() {
		return this.parent;
	}

	/** The kind of area this kind governs or covers. */
	public AreaKind area() {
		return this.area;
	}

	/**
	 * Street and community organizations govern ({@code GOVERNS}); branches and groups
	 * cover ({@code COVERS}).
	 */
	public String areaRelationship() {
		return (this == STREET_WORKING_COMMITTEE || this == COMMUNITY_COMMITTEE) ? "GOVERNS" : "COVERS";
	}

	/**
	 * Members of a building group are assigned to it ({@code IN_GROUP}); of others,
	 * members ({@code MEMBER_OF}).
	 */
	public String membershipType() {
		return (this == BUILDING_GROUP) ? "IN_GROUP" : "MEMBER_OF";
	}

	/** The kind of this label; {@code null} when the label is not one of these kinds'. */
	public static OrganizationKind ofLabel(String label) {
		return BY_LABEL.get(label);
	}

	/** The kind of a node, from its labels. */
	public static OrganizationKind fromLabels(Iterable<String> labels) {
		OrganizationKind kind = Kinds.first(labels, BY_LABEL);
		if (kind == null) {
			throw new IllegalArgumentException("Not a party organization: " + labels);
		}
		return kind;
	}

	public static boolean isLabel(String label) {
		return ofLabel(label) != null;
	}

}
