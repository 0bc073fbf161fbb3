package org.partynet.area;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.NotFoundException;
import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;
import org.partynet.organization.Organization;
import org.partynet.scope.Scope;
import org.partynet.support.QueryTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each Cypher query of {@link AreaQueries} and {@link Scope} against the sample network.
 */
class AreaQueriesTests extends QueryTestSupport {

	static final Area DISTRICT = new Area("GZ", "甘州区", AreaKind.DISTRICT);

	static final Area STREET = new Area("GZ-DJ", "东街街道", AreaKind.STREET);

	static final Area COMMUNITY = new Area("GZ-DJ-C01", "青年社区", AreaKind.COMMUNITY);

	static final Area GRID = new Area("GZ-DJ-C01-G02", "青年社区第2网格", AreaKind.GRID);

	AreaQueries queries = new AreaQueries(sample());

	Scope scope = new Scope(sample());

	@Test
	void children_parents_and_ancestors() {
		var children = this.queries.children(List.of(STREET, GRID));
		assertThat(children.get(STREET)).hasSize(17).first().isEqualTo(COMMUNITY);
		assertThat(children.get(GRID)).extracting(Area::kind).contains(AreaKind.BUILDING, AreaKind.COMMERCIAL_BUILDING);
		assertThat(this.queries.parents(List.of(DISTRICT, GRID))).doesNotContainKey(DISTRICT)
			.containsEntry(GRID, COMMUNITY);
		assertThat(this.queries.ancestors(List.of(GRID)).get(GRID)).containsExactly(DISTRICT, STREET, COMMUNITY);
	}

	@Test
	void where_the_party_net_meets_the_governance_net() {
		var branch = new Organization("GZ-DJ-C01-ZB01", "青年社区第一网格党支部", OrganizationKind.GRID_BRANCH);
		assertThat(this.queries.coveredBy(List.of(GRID)).get(GRID)).containsExactly(branch);
		assertThat(this.queries.coveredBy(List.of(COMMUNITY)).get(COMMUNITY)).extracting(Organization::code)
			.containsExactly("GZ-DJ-C01-SQDW");
		assertThat(this.queries.areasOf(List.of(branch)).get(branch)).extracting(Area::code)
			.containsExactly("GZ-DJ-C01-G01", "GZ-DJ-C01-G02", "GZ-DJ-C01-G03");
		var office = new Institution("GZ-DJ-JG02", "党建工作办公室", Institution.Kind.OFFICE);
		assertThat(this.queries.streets(List.of(office))).containsEntry(office, STREET);
	}

	@Test
	void list_by_kind_scope_and_name() {
		assertThat(this.queries.list(AreaKind.GRID, null, null, 100, null).totalCount()).isEqualTo(112);
		assertThat(this.queries.list(AreaKind.COMMUNITY, null, "东湖", 10, null).nodes()).extracting(Area::code)
			.containsExactly("GZ-DJ-C02");
		var inGrid = this.queries.list(null, "GZ-DJ-C01-G02", null, 100, null);
		assertThat(inGrid.nodes()).first().isEqualTo(GRID);
		// the grid, its 7 buildings and the commercial building in it
		assertThat(inGrid.totalCount()).isEqualTo(1 + 7 + 1);
	}

	@Test
	void scope_resolves_areas_and_organizations_and_refuses_the_rest() {
		assertThat(this.scope.code(null)).isNull();
		assertThat(this.scope.code("Community:GZ-DJ-C01")).isEqualTo("GZ-DJ-C01");
		assertThat(this.scope.code("GridBranch:GZ-DJ-C01-ZB01")).isEqualTo("GZ-DJ-C01-ZB01");
		assertThatThrownBy(() -> this.scope.code("Grid:GZ-DJ-C01")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.scope.code("Unit:DW001")).isInstanceOf(BadRequestException.class);
	}

}
