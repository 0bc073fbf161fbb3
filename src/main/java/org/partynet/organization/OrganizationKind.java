package org.partynet.organization;

import java.util.Arrays;

/** The four levels of the party network, with their labels in the graph. */
public enum OrganizationKind {

	STREET_WORKING_COMMITTEE("StreetWorkingCommittee", "街道党工委"),
	COMMUNITY_COMMITTEE("CommunityCommittee", "社区党委"),
	GRID_BRANCH("GridBranch", "网格党支部"),
	BUILDING_GROUP("BuildingGroup", "楼院党小组");

	private final String label;

	private final String chinese;

	OrganizationKind(String label, String chinese) {
		this.label = label;
		this.chinese = chinese;
	}

	public String label() {
		return this.label;
	}

	public String chinese() {
		return this.chinese;
	}

	public static OrganizationKind fromLabels(Iterable<String> labels) {
		for (String label : labels) {
			for (OrganizationKind kind : values()) {
				if (kind.label.equals(label)) {
					return kind;
				}
			}
		}
		throw new IllegalArgumentException("Not a party organization: " + labels);
	}

	public static boolean isLabel(String label) {
		return Arrays.stream(values()).anyMatch(kind -> kind.label.equals(label));
	}

}
