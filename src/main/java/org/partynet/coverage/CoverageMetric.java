package org.partynet.coverage;

/** The coverage figures (全覆盖); see {@code CoverageMetric} in schema.graphqls. */
public enum CoverageMetric {

	GRID("网格覆盖", "Grid coverage", "无网格党支部覆盖 / no grid branch covers it"),
	BUILDING_GROUP("楼院党小组覆盖", "Building-group coverage", "无楼院党小组覆盖 / no building group covers it"),
	BUILDING_HEAD("党员楼长覆盖", "Building-head coverage", "无党员楼长 / no building head"),
	COMMERCIAL("商务楼宇与商圈市场覆盖", "Commercial coverage", "无党建联盟或指导员 / no alliance or instructor"),
	DUAL_NET("双网合一", "Dual-net integration", ""),
	ORGANIZATION("社区党组织覆盖", "Organization coverage", "未建立社区党委 / no community committee");

	private final String chinese;

	private final String english;

	private final String gapReason;

	CoverageMetric(String chinese, String english, String gapReason) {
		this.chinese = chinese;
		this.english = english;
		this.gapReason = gapReason;
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

	String gapReason() {
		return this.gapReason;
	}

}
