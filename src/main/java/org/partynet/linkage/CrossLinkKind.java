package org.partynet.linkage;

/** Kinds of link outside the party tree, as the org chart draws them beside it. */
public enum CrossLinkKind {

	PART_TIME_MEMBER("兼职委员", "Part-time member"), CO_BUILDING("共驻共建", "Co-building"),
	REGISTERED("双报到", "Dual registration"), ALLIANCE_LEADER("领导联盟", "Leads alliance"),
	ALLIANCE_MEMBER("联盟成员", "Alliance member"), ALLIANCE_SITE("联盟覆盖", "Alliance covers"), SITE("所在网格", "Site in grid"),
	INSTRUCTOR("党建指导员", "Instructor");

	private final String chinese;

	private final String english;

	CrossLinkKind(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

}
