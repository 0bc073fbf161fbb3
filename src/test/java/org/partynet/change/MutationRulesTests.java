package org.partynet.change;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every rule a mutation enforces, one test each: the user error's code and field, and
 * nothing written. Rules checked after the writes (invariants) roll the whole transaction
 * back.
 */
class MutationRulesTests extends MutationTestSupport {

	@Test
	void a_name_must_not_be_blank() {
		refused("createOrganization", "CreateOrganizationInput",
				Map.of("kind", "BUILDING_GROUP", "code", "T-R01", "name", "  ", "parent", "GridBranch:GZ-DJ-C12-ZB01"),
				"VALIDATION", "input", "name");
	}

	@Test
	void a_name_has_at_most_100_characters() {
		refused("updateArea", "UpdateAreaInput",
				Map.of("id", "Grid:GZ-DJ-C12-G01", "version", 0, "name", "网".repeat(101)), "VALIDATION", "input",
				"name");
	}

	@Test
	void a_code_has_the_code_format() {
		refused("createArea", "CreateAreaInput",
				Map.of("kind", "GRID", "code", "网格 8", "name", "新网格", "parent", "Community:GZ-DJ-C12"), "VALIDATION",
				"input", "code");
	}

	@Test
	void codes_are_unique() {
		refused("createArea", "CreateAreaInput",
				Map.of("kind", "GRID", "code", "GZ-DJ-C12-G01", "name", "新网格", "parent", "Community:GZ-DJ-C12"),
				"CONFLICT", "input", "code");
	}

	@Test
	void an_unknown_id_is_not_found() {
		refused("updateOrganization", "UpdateOrganizationInput",
				Map.of("id", "GridBranch:GZ-DJ-C99-ZB01", "version", 0, "name", "无"), "NOT_FOUND", "input", "id");
	}

	@Test
	void an_id_of_the_wrong_kind_is_invalid() {
		refused("updateOrganization", "UpdateOrganizationInput",
				Map.of("id", "Grid:GZ-DJ-C12-G01", "version", 0, "name", "无"), "VALIDATION", "input", "id");
	}

	@Test
	void a_stale_version_is_a_conflict() {
		refused("updateOrganization", "UpdateOrganizationInput",
				Map.of("id", "GridBranch:GZ-DJ-C12-ZB01", "version", 7, "name", "过时"), "CONFLICT", "input", "version");
	}

	@Test
	void a_grid_lies_in_a_community() {
		refused("createArea", "CreateAreaInput",
				Map.of("kind", "GRID", "code", "GZ-DJ-X-G01", "name", "街道下的网格", "parent", "Street:GZ-DJ"), "VALIDATION",
				"input", "parent");
	}

	@Test
	void the_parent_kind_fits() {
		refused("createOrganization", "CreateOrganizationInput", Map.of("kind", "GRID_BRANCH", "code", "T-R02", "name",
				"直属支部", "parent", "StreetWorkingCommittee:GZ-DJ-DGW"), "VALIDATION", "input", "parent");
	}

	@Test
	void a_building_group_belongs_to_a_grid_branch() {
		refused("createOrganization", "CreateOrganizationInput",
				Map.of("kind", "BUILDING_GROUP", "code", "T-R03", "name", "无上级小组"), "VALIDATION", "input", "parent");
	}

	@Test
	void an_organization_cannot_move_under_its_own_descendant() {
		refused("transferOrganization", "TransferOrganizationInput",
				Map.of("id", "CommunityCommittee:GZ-DJ-C12-SQDW", "version", 0, "parent", "GridBranch:GZ-DJ-C12-ZB02"),
				"VALIDATION", "input", "parent");
	}

	@Test
	void a_transfer_keeps_the_parent_kind() {
		refused("transferOrganization", "TransferOrganizationInput", Map.of("id", "BuildingGroup:GZ-DJ-C12-ZB01-XZ01",
				"version", 0, "parent", "CommunityCommittee:GZ-DJ-C13-SQDW"), "VALIDATION", "input", "parent");
	}

	@Test
	void a_grid_branch_covers_only_grids_of_its_own_community() {
		refused("addCoverage", "CoverageInput",
				Map.of("organization", "GridBranch:GZ-DJ-C12-ZB01", "version", 0, "area", "Grid:GZ-DJ-C13-G01"),
				"VALIDATION", "input", "area");
	}

	@Test
	void a_building_group_covers_only_buildings_of_its_branchs_grids() {
		refused("addCoverage", "CoverageInput", Map.of("organization", "BuildingGroup:GZ-DJ-C12-ZB01-XZ01", "version",
				0, "area", "Building:GZ-DJ-C12-G06-B01"), "VALIDATION", "input", "area");
	}

	@Test
	void a_grid_branch_keeps_the_grids_its_groups_cover() {
		// Its building groups cover buildings of the grid: ending the coverage would
		// leave them outside.
		refused("endCoverage", "CoverageInput",
				Map.of("organization", "GridBranch:GZ-DJ-C12-ZB01", "version", 0, "area", "Grid:GZ-DJ-C12-G01"),
				"VALIDATION", "input", "area");
	}

	@Test
	void an_organization_has_one_secretary_at_a_time() {
		refused("assignRole", "AssignRoleInput", Map.of("person", "Person:RY13702", "version", 0, "organization",
				"GridBranch:GZ-DJ-C13-ZB01", "role", "SECRETARY"), "CONFLICT", "input", "role");
	}

	@Test
	void a_post_cannot_end_before_it_began() {
		refused("endRole", "EndRoleInput", Map.of("person", "Person:RY13702", "version", 0, "organization",
				"GridBranch:GZ-DJ-C13-ZB01", "role", "COMMITTEE_MEMBER", "on", "2020-01-01"), "VALIDATION", "input",
				"on");
	}

	@Test
	void a_party_member_belongs_to_one_organization() {
		refused("addMembership", "MembershipInput",
				Map.of("person", "Person:RY13702", "version", 0, "organization", "GridBranch:GZ-DJ-C13-ZB02"),
				"CONFLICT", "input", "organization");
	}

	@Test
	void a_building_has_one_head() {
		refused("addLink", "LinkInput",
				Map.of("kind", "HEAD_OF", "from", "Person:RY13702", "version", 0, "to", "Building:GZ-DJ-C13-G01-B02"),
				"CONFLICT", "input", "to");
	}

	@Test
	void only_organizations_of_one_kind_merge() {
		refused("mergeOrganizations", "MergeOrganizationsInput", Map.of("from", "GridBranch:GZ-DJ-C13-ZB01",
				"fromVersion", 0, "into", "CommunityCommittee:GZ-DJ-C13-SQDW", "intoVersion", 0), "VALIDATION", "input",
				"into");
	}

	@Test
	void an_organization_with_members_is_not_dissolved() {
		refused("dissolveOrganization", "EndOrganizationInput", Map.of("id", "GridBranch:GZ-DJ-C13-ZB02", "version", 0),
				"VALIDATION", "input", "id");
	}

	@Test
	void phone_and_identity_numbers_have_their_format() {
		refused("createPerson", "CreatePersonInput", Map.of("code", "RY99990", "name", "测试", "phone", "电话"),
				"VALIDATION", "input", "phone");
		refused("createPerson", "CreatePersonInput", Map.of("code", "RY99990", "name", "测试", "idNumber", "12345"),
				"VALIDATION", "input", "idNumber");
	}

	// Regression tests of what HostileInputProperties looks for: malformed input is a
	// user error on its field, never an internal error, and nothing is written.

	@Test
	void a_plain_code_where_an_id_is_expected_is_invalid() {
		// was INTERNAL_ERROR: Set.of(...).contains(null) threw for an id without a colon
		refused("updateOrganization", "UpdateOrganizationInput",
				Map.of("id", "GZ-DJ-C12-SQDW", "version", 0, "name", "无"), "VALIDATION", "input", "id");
		refused("createArea", "CreateAreaInput",
				Map.of("kind", "GRID", "code", "T-R04", "name", "新网格", "parent", "GZ-DJ-C12"), "VALIDATION", "input",
				"parent");
		refused("createOrganization", "CreateOrganizationInput",
				Map.of("kind", "GRID_BRANCH", "code", "T-R05", "name", "新支部", "parent",
						"CommunityCommittee:GZ-DJ-C12-SQDW", "areas", java.util.List.of("GZ-DJ-C12-G01")),
				"VALIDATION", "input", "areas", "0");
	}

	@Test
	void a_day_is_neither_in_the_future_nor_before_1921() {
		refused("createArea", "CreateAreaInput", Map.of("kind", "GRID", "code", "T-R06", "name", "未来网格", "parent",
				"Community:GZ-DJ-C12", "on", "9999-12-31"), "VALIDATION", "input", "on");
		refused("updateOrganization", "UpdateOrganizationInput",
				Map.of("id", "GridBranch:GZ-DJ-C12-ZB01", "version", 0, "electedOn", "1900-01-01"), "VALIDATION",
				"input", "electedOn");
	}

	@Test
	void names_and_titles_print_as_they_are() {
		refused("updateArea", "UpdateAreaInput", Map.of("id", "Grid:GZ-DJ-C12-G01", "version", 0, "name", "网格\u0000一"),
				"VALIDATION", "input", "name");
		refused("updateArea", "UpdateAreaInput", Map.of("id", "Grid:GZ-DJ-C12-G01", "version", 0, "name", "\u202E格网"),
				"VALIDATION", "input", "name");
		refused("assignRole", "AssignRoleInput", Map.of("person", "Person:RY13702", "version", 0, "organization",
				"GridBranch:GZ-DJ-C13-ZB01", "role", "COMMITTEE_MEMBER", "title", "委".repeat(101)), "VALIDATION",
				"input", "title");
	}

	@Test
	void a_code_is_unique_across_kinds() {
		// a person with a community's code would hide one of the two from node(code:) and
		// the audit
		refused("createPerson", "CreatePersonInput", Map.of("code", "GZ-DJ-C12", "name", "测试"), "CONFLICT", "input",
				"code");
	}

}
