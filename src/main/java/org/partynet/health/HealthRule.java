package org.partynet.health;

/** The checks, each with its severity and the rule it comes from. */
public enum HealthRule {

	BRANCH_TOO_SMALL(Severity.ERROR, "支部正式党员不足", "Branch below the minimum of full members", "《中国共产党支部工作条例（试行）》第四条"),
	SHOULD_BE_GENERAL_BRANCH(Severity.WARNING, "党员人数宜设党总支", "Members enough for a general branch",
			"《中国共产党支部工作条例（试行）》第四条；《中国共产党章程》第三十条"),
	SHOULD_BE_GRASSROOTS_COMMITTEE(Severity.WARNING, "党员人数宜设基层党委", "Members enough for a grassroots committee",
			"《中国共产党章程》第三十条"),
	JOINT_BRANCH_TOO_MANY_UNITS(Severity.WARNING, "联合党支部覆盖单位过多", "Joint branch covers too many units",
			"《中国共产党支部工作条例（试行）》第四条"),
	COMMITTEE_MISSING(Severity.WARNING, "应设支部委员会", "Branch committee missing or of the wrong size",
			"《中国共产党支部工作条例（试行）》第二十条"),
	COMMITTEE_INCOMPLETE(Severity.WARNING, "支委分工不全",
			"Branch committee lacks a member for organization, propaganda or discipline", "《中国共产党支部工作条例（试行）》第二十条"),
	NO_SECRETARY(Severity.ERROR, "网格党支部无书记", "Grid branch without a secretary", "《中国共产党支部工作条例（试行）》第二十条"),
	NO_GROUP_LEADER(Severity.WARNING, "楼院党小组无组长", "Building group without a leader", "《中国共产党支部工作条例（试行）》第十三条"),
	HEAD_NOT_MEMBER(Severity.ERROR, "楼长不是党员", "Building head is not a party member", "四级党建网络：党员楼长（甘州区街道管理体制改革，2020）"),
	TERM_OVERDUE(Severity.ERROR, "换届逾期", "Term overdue", "《中国共产党支部工作条例（试行）》第二十一条"),
	TERM_DUE_SOON(Severity.WARNING, "即将届满（3个月内）", "Term ends within the second reminder", "《中国共产党支部工作条例（试行）》第二十一条"),
	TERM_DUE(Severity.INFO, "即将届满（6个月内）", "Term ends within the first reminder", "《中国共产党支部工作条例（试行）》第二十一条");

	/** How serious a finding is. */
	public enum Severity {

		ERROR("错误", "Error"), WARNING("警告", "Warning"), INFO("提示", "Info");

		private final String chinese;

		private final String english;

		Severity(String chinese, String english) {
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

	private final Severity severity;

	private final String chinese;

	private final String english;

	private final String source;

	HealthRule(Severity severity, String chinese, String english, String source) {
		this.severity = severity;
		this.chinese = chinese;
		this.english = english;
		this.source = source;
	}

	public Severity severity() {
		return this.severity;
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

	public String ruleName() {
		return this.chinese + " / " + this.english;
	}

	public String source() {
		return this.source;
	}

}
