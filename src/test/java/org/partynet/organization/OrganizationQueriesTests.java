package org.partynet.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.model.OrganizationKind;
import org.partynet.support.QueryTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Cypher query of {@link OrganizationQueries} against the sample network. */
class OrganizationQueriesTests extends QueryTestSupport {

	static final Organization STREET = new Organization("GZ-DJ-DGW", "东街街道党工委",
			OrganizationKind.STREET_WORKING_COMMITTEE);

	static final Organization COMMUNITY = new Organization("GZ-DJ-C01-SQDW", "青年社区党委",
			OrganizationKind.COMMUNITY_COMMITTEE);

	static final Organization BRANCH = new Organization("GZ-DJ-C01-ZB01", "青年社区第一网格党支部", OrganizationKind.GRID_BRANCH);

	static final Organization GROUP = new Organization("GZ-DJ-C01-ZB01-XZ01", "青年社区第一网格第一楼院党小组",
			OrganizationKind.BUILDING_GROUP);

	OrganizationQueries queries = new OrganizationQueries(sample());

	@Test
	void children_of_several_parents_in_one_statement_ordered_by_code() {
		Map<String, List<Organization>> below = new HashMap<>();
		var street = new OrganizationQueries.Levels(STREET, 1);
		var branch = new OrganizationQueries.Levels(BRANCH, 1);
		var group = new OrganizationQueries.Levels(GROUP, 1);
		var children = this.queries.children(List.of(street, branch, group), below);
		assertThat(children.get(street)).hasSize(17).first().isEqualTo(COMMUNITY);
		assertThat(children.get(branch)).extracting(Organization::code)
			.containsExactly("GZ-DJ-C01-ZB01-XZ01", "GZ-DJ-C01-ZB01-XZ02", "GZ-DJ-C01-ZB01-XZ03");
		assertThat(children.get(group)).isEmpty();
		assertThat(below).as("one level read: nothing below it").isEmpty();
	}

	@Test
	void the_levels_below_in_the_same_statement() {
		Map<String, List<Organization>> below = new HashMap<>();
		var street = new OrganizationQueries.Levels(STREET, 3);
		var children = this.queries.children(List.of(street), below);
		assertThat(children.get(street)).hasSize(17).first().isEqualTo(COMMUNITY);
		// the communities' children and the branches' children are known; the groups',
		// on the fourth level, are not read
		assertThat(below).hasSize(17 + 47);
		assertThat(below.get(COMMUNITY.code())).extracting(Organization::code).contains(BRANCH.code());
		assertThat(below.get(BRANCH.code())).extracting(Organization::code)
			.containsExactly("GZ-DJ-C01-ZB01-XZ01", "GZ-DJ-C01-ZB01-XZ02", "GZ-DJ-C01-ZB01-XZ03");
		assertThat(below).doesNotContainKey(GROUP.code());
	}

	@Test
	void parents_and_ancestors_from_the_top_down() {
		var parents = this.queries.parents(List.of(STREET, GROUP));
		assertThat(parents).doesNotContainKey(STREET).containsEntry(GROUP, BRANCH);
		var ancestors = this.queries.ancestors(List.of(STREET, GROUP));
		assertThat(ancestors.get(STREET)).isEmpty();
		assertThat(ancestors.get(GROUP)).containsExactly(STREET, COMMUNITY, BRANCH);
	}

	@Test
	void members_of_an_organization_and_everything_under_it() {
		var members = this.queries.members(List.of(STREET, COMMUNITY, BRANCH, GROUP));
		assertThat(members.get(STREET).total()).isEqualTo(1347);
		// the committee's own 5 and its three branches' members
		assertThat(members.get(COMMUNITY).total()).isEqualTo(72);
		assertThat(members.get(BRANCH)).isEqualTo(new OrganizationQueries.MemberCounts(21, 1));
		// members are dealt to a branch's three groups in turn: 8, 7, 7
		assertThat(members.get(GROUP).total()).isEqualTo(8);
	}

	@Test
	void list_with_and_without_scope() {
		var all = this.queries.list(null, null, null, 100, null);
		assertThat(all.totalCount()).isEqualTo(1 + 17 + 47 + 106);
		assertThat(all.nodes()).hasSize(100);
		assertThat(all.pageInfo().hasNextPage()).isTrue();

		var next = this.queries.list(null, null, null, 100, all.nodes().get(99).code());
		assertThat(next.nodes()).hasSize(71);
		assertThat(next.pageInfo().hasNextPage()).isFalse();

		var groupsOfBranch = this.queries.list(OrganizationKind.BUILDING_GROUP, "GZ-DJ-C01-ZB01", null, 10, null);
		assertThat(groupsOfBranch.nodes()).extracting(Organization::code)
			.containsExactly("GZ-DJ-C01-ZB01-XZ01", "GZ-DJ-C01-ZB01-XZ02", "GZ-DJ-C01-ZB01-XZ03");

		var byName = this.queries.list(null, "GZ-DJ", "青年社区第一网格", 10, null);
		assertThat(byName.nodes()).extracting(Organization::code)
			.containsExactly("GZ-DJ-C01-ZB01", "GZ-DJ-C01-ZB01-XZ01", "GZ-DJ-C01-ZB01-XZ02", "GZ-DJ-C01-ZB01-XZ03");
	}

}
