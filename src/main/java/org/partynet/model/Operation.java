package org.partynet.model;

/**
 * The changes the audit trail records, by the name of the mutation (or import) that made
 * them.
 */
public enum Operation {

	CREATE_AREA("createArea", "新建区域"), UPDATE_AREA("updateArea", "修改区域"), TRANSFER_AREA("transferArea", "区域调整"),
	CREATE_ORGANIZATION("createOrganization", "新建党组织"), UPDATE_ORGANIZATION("updateOrganization", "修改党组织"),
	CREATE_PERSON("createPerson", "新建人员"), UPDATE_PERSON("updatePerson", "修改人员"), ASSIGN_ROLE("assignRole", "任职"),
	END_ROLE("endRole", "免职"), ADD_COVERAGE("addCoverage", "新增覆盖"), END_COVERAGE("endCoverage", "结束覆盖"),
	ADD_MEMBERSHIP("addMembership", "新增组织关系"), END_MEMBERSHIP("endMembership", "结束组织关系"), ADD_LINK("addLink", "新增联系"),
	END_LINK("endLink", "结束联系"), TRANSFER_ORGANIZATION("transferOrganization", "党组织隶属调整"),
	MERGE_ORGANIZATIONS("mergeOrganizations", "党组织合并"), SPLIT_ORGANIZATION("splitOrganization", "党组织拆分"),
	DISSOLVE_ORGANIZATION("dissolveOrganization", "撤销党组织"), RESTORE_ORGANIZATION("restoreOrganization", "恢复党组织"),
	IMPORT_NETWORK("importNetwork", "批量导入"), CREATE_ACCOUNT("createAccount", "新建账号"),
	CHANGE_ACCOUNT_ROLE("changeAccountRole", "更改账号角色"), DISABLE_ACCOUNT("disableAccount", "停用账号"),
	ENABLE_ACCOUNT("enableAccount", "启用账号"), RESET_PASSWORD("resetPassword", "重置密码"),
	CREATE_SECRETARY_ACCOUNTS("createSecretaryAccounts", "批量创建书记账号"), CHANGE_PASSWORD("changePassword", "修改密码"),
	SIGN_IN("signIn", "登录"), SIGN_IN_FAILED("signInFailed", "登录失败");

	private final String key;

	private final String chinese;

	Operation(String key, String chinese) {
		this.key = key;
		this.chinese = chinese;
	}

	/** The name the audit record carries: the mutation's name. */
	public String key() {
		return this.key;
	}

	public String chinese() {
		return this.chinese;
	}

}
