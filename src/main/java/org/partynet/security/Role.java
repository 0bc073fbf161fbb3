package org.partynet.security;

/**
 * What an account may do (issue 6). Spring Security sees each as the authority
 * {@code ROLE_<name>}.
 */
public enum Role {

	/** 区委组织部: reads and writes everything, sees phone and ID numbers in full. */
	ORG_DEPT,

	/** 街道/社区书记: reads the subtree of their own organization only, writes nothing. */
	SECRETARY,

	/** 查看者: reads counts and reports, but no personal data. */
	VIEWER;

	String authority() {
		return "ROLE_" + name();
	}

}
