package org.partynet.linkage;

/**
 * Kinds of link between an outside unit and the party network, in the order reports list
 * them.
 */
public enum LinkKind {

	PART_TIME_MEMBER("兼职委员", "Part-time member"), CO_BUILDING("共驻共建", "Co-building"),
	UNIT_REGISTERED("单位双报到", "Unit registered"), MEMBER_REGISTERED("在职党员双报到", "Member registered"),
	ALLIANCE_MEMBER("联盟成员", "Alliance member");

	private final String chinese;

	private final String english;

	LinkKind(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

	public String kindName() {
		return this.chinese + " " + this.english;
	}

}
