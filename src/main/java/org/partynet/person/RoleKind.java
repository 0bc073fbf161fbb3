package org.partynet.person;

/** Kinds of role a person has; see {@code RoleKind} in schema.graphqls. Declared in display order. */
public enum RoleKind {

	SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER, PART_TIME_MEMBER, GROUP_LEADER, PARTY_MEMBER, GROUP_MEMBER,
	BUILDING_HEAD, GRID_WORKER, INSTRUCTOR, EMPLOYEE, REGISTERED

}
