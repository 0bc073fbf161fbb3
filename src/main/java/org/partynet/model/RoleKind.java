package org.partynet.model;

/**
 * Kinds of role a person has; see {@code RoleKind} in schema.graphqls. Declared in
 * display order. The first five are posts held in an organization ({@code HOLDS} with
 * {@code role}); the others are read from memberships and links.
 */
public enum RoleKind {

	SECRETARY("书记", "Secretary"), DEPUTY_SECRETARY("副书记", "Deputy secretary"),
	COMMITTEE_MEMBER("委员", "Committee member"), PART_TIME_MEMBER("兼职委员", "Part-time member"),
	GROUP_LEADER("党小组组长", "Group leader"), PARTY_MEMBER("党员", "Party member"), GROUP_MEMBER("党小组成员", "Group member"),
	BUILDING_HEAD("党员楼长", "Building head"), GRID_WORKER("专职网格员", "Grid worker"), INSTRUCTOR("党建指导员", "Instructor"),
	EMPLOYEE("在职", "Employee"), REGISTERED("双报到", "Registered");

	private final String chinese;

	private final String english;

	RoleKind(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

	/** The post of this name; {@code null} when the name is no post's. */
	public static RoleKind post(String name) {
		for (RoleKind role : values()) {
			if (role.isPost() && role.name().equals(name)) {
				return role;
			}
		}
		return null;
	}

	/**
	 * Whether this is a post held in an organization ({@code assignRole}, the roles
	 * sheet).
	 */
	public boolean isPost() {
		return ordinal() <= GROUP_LEADER.ordinal();
	}

}
