package org.partynet.unit;

/** Categories of outside units (驻区单位), as the source lists them. */
public enum UnitCategory {

	AGENCY("机关"), ENTERPRISE_INSTITUTION("企事业单位"), PROPERTY_MANAGEMENT("物业服务公司"), NON_PUBLIC_ENTERPRISE("非公企业"),
	SOCIAL_ORGANIZATION("社会组织");

	private final String chinese;

	UnitCategory(String chinese) {
		this.chinese = chinese;
	}

	public String chinese() {
		return this.chinese;
	}

}
