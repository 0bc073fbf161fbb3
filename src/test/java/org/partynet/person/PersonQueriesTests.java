package org.partynet.person;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partynet.area.Area;
import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RoleKind;
import org.partynet.organization.Organization;
import org.partynet.support.QueryTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Cypher query of {@link PersonQueries} against the sample network. */
class PersonQueriesTests extends QueryTestSupport {

	static final Organization BRANCH = new Organization("GZ-DJ-C01-ZB01", "青年社区第一网格党支部", OrganizationKind.GRID_BRANCH);

	static final Organization GROUP = new Organization("GZ-DJ-C01-ZB01-XZ01", "青年社区第一网格第一楼院党小组",
			OrganizationKind.BUILDING_GROUP);

	PersonQueries queries = new PersonQueries(sample());

	@Test
	void a_branch_secretary_has_the_post_the_membership_and_a_group() {
		var posts = this.queries.posts(List.of(BRANCH)).get(BRANCH);
		assertThat(posts).extracting(Post::role)
			.containsExactly(RoleKind.SECRETARY, RoleKind.COMMITTEE_MEMBER, RoleKind.COMMITTEE_MEMBER,
					RoleKind.COMMITTEE_MEMBER);
		assertThat(posts).extracting(Post::title).containsExactly("书记", "组织委员", "宣传委员", "纪检委员");
		Person secretary = this.queries.secretaries(List.of(BRANCH, GROUP)).get(BRANCH).get(0).person();
		assertThat(secretary).isEqualTo(posts.get(0).person());
		assertThat(this.queries.secretaries(List.of(GROUP)).get(GROUP)).isEmpty();

		var roles = this.queries.roles(List.of(secretary)).get(secretary);
		assertThat(roles).extracting(Role::kind)
			.containsExactly(RoleKind.SECRETARY, RoleKind.GROUP_LEADER, RoleKind.PARTY_MEMBER, RoleKind.GROUP_MEMBER);
		assertThat(this.queries.partyStatus(List.of(secretary))).containsEntry(secretary, PartyStatus.FULL);
	}

	@Test
	void heads_workers_and_instructors_of_areas() {
		var building = new Area("GZ-DJ-C01-G01-B01", "", AreaKind.BUILDING);
		var grid = new Area("GZ-DJ-C01-G01", "", AreaKind.GRID);
		var site = new Area("GZ-DJ-SL01", "", AreaKind.COMMERCIAL_BUILDING);
		Person head = this.queries.heads(List.of(building, grid)).get(building);
		assertThat(head).isNotNull();
		assertThat(this.queries.roles(List.of(head)).get(head)).extracting(Role::kind)
			.contains(RoleKind.BUILDING_HEAD, RoleKind.PARTY_MEMBER);
		assertThat(this.queries.gridWorkers(List.of(grid)).get(grid)).hasSize(1);
		assertThat(this.queries.instructors(List.of(site)).get(site)).extracting(Person::name).containsExactly("马文军");
	}

	@Test
	void building_heads_under_an_organization() {
		var heads = this.queries.buildingHeads(List.of(BRANCH, GROUP));
		assertThat(heads.get(GROUP)).isNotEmpty();
		assertThat(heads.get(BRANCH)).containsAll(heads.get(GROUP));
		assertThat(heads.get(BRANCH)).doesNotHaveDuplicates()
			.isSortedAccordingTo((a, b) -> a.code().compareTo(b.code()));
	}

}
