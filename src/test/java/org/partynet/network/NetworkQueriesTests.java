package org.partynet.network;

import org.junit.jupiter.api.Test;
import org.partynet.area.Area;
import org.partynet.support.QueryTestSupport;
import org.partynet.unit.Unit;
import org.partynet.unit.UnitCategory;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Cypher query of {@link NetworkQueries} against the sample network. */
class NetworkQueriesTests extends QueryTestSupport {

	NetworkQueries queries = new NetworkQueries(sample());

	@Test
	void stats_of_a_grid() {
		NetworkStats grid = this.queries.stats("GZ-DJ-C01-G02");
		assertThat(grid.grids()).isEqualTo(1);
		assertThat(grid.gridBranches()).isEqualTo(1);
		assertThat(grid.commercialSites()).isEqualTo(1);
		assertThat(grid.alliances()).isEqualTo(1);
		assertThat(grid.communityCommittees()).isZero();
	}

	@Test
	void look_up_by_code_with_and_without_label() {
		assertThat(this.queries.byCode("GZ-DJ-C01", null)).get().isInstanceOf(Area.class);
		assertThat(this.queries.byCode("GZ-DJ-C01", "Community")).isPresent();
		assertThat(this.queries.byCode("GZ-DJ-C01", "Grid")).isEmpty();
		assertThat(this.queries.byCode("DW017", "Unit")).get()
			.isEqualTo(new Unit("DW017", "东街志愿者协会", UnitCategory.SOCIAL_ORGANIZATION));
		assertThat(this.queries.byCode("NOTHING", null)).isEmpty();
	}

	@Test
	void search_finds_people_and_places_by_chinese_name() {
		assertThat(this.queries.search("马文军", 5)).first()
			.satisfies(hit -> assertThat(hit.node()).hasFieldOrPropertyWithValue("code", "RY60001"));
		assertThat(this.queries.search("农贸市场", 5)).extracting(hit -> hit.node())
			.first()
			.hasFieldOrPropertyWithValue("code", "GZ-DJ-SC01");
		assertThat(this.queries.search("\" OR *", 5)).isEmpty();
	}

	@Test
	void lucene_syntax_in_search_text_is_quoted() {
		assertThat(NetworkQueries.luceneQuery(" 东湖  社区 ")).isEqualTo("\"东湖\" AND \"社区\"");
		assertThat(NetworkQueries.luceneQuery("a\"b\\")).isEqualTo("\"a\\\"b\\\\\"");
	}

}
