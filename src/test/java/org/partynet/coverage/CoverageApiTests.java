package org.partynet.coverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coverage(scope, asOf)} over HTTP on the sample network, whose gaps are known:
 * every 23rd building without a group, every 17th without a head, grids 29, 58 and 87
 * without a grid worker, one market uncovered; 泰安社区 re-divided its grids on 2021-01-01
 * and 丰乐社区 set up its second branch on 2021-06-01.
 */
class CoverageApiTests extends HarnessTestSupport {

	private static final String FIGURES = """
			grid { total covered ratio } buildingGroup { total covered ratio } buildingHead { total covered ratio }
			commercial { total covered ratio } dualNet { total covered ratio } organization { total covered ratio }
			""";

	@SuppressWarnings("unchecked")
	private Map<String, Object> coverage(String arguments, String selection) {
		return graphQl().document("{ coverage%s { name asOf %s } }".formatted(arguments, selection))
			.execute()
			.path("coverage")
			.entity(Map.class)
			.get();
	}

	private static Map<String, Object> figure(int total, int covered) {
		return Map.of("total", total, "covered", covered, "ratio", (double) covered / total);
	}

	@Test
	void the_sample_covers_all_112_grids_and_shows_its_gaps_elsewhere() {
		var report = coverage("", FIGURES);
		assertThat(report).containsEntry("name", "全网 Whole network")
			.containsEntry("grid", figure(112, 112))
			.containsEntry("organization", figure(17, 17))
			.containsEntry("commercial", figure(7, 6))
			.containsEntry("dualNet", figure(112, 109))
			.containsEntry("buildingGroup", figure(562, 537))
			.containsEntry("buildingHead", figure(562, 531));
		assertThat(coverage("(scope: \"Street:GZ-DJ\")", FIGURES)).containsEntry("grid", figure(112, 112))
			.containsEntry("name", "东街街道");
	}

	@Test
	@SuppressWarnings("unchecked")
	void breakdown_goes_street_to_communities_to_grids() {
		var report = coverage("",
				"breakdown { name breakdown { name area { code } grid { total covered } breakdown { area { kind } } } }");
		var streets = (List<Map<String, Object>>) report.get("breakdown");
		assertThat(streets).extracting(street -> street.get("name")).containsExactly("东街街道");
		var communities = (List<Map<String, Object>>) streets.get(0).get("breakdown");
		assertThat(communities).hasSize(17);
		assertThat(communities.get(0)).containsEntry("name", "青年社区");
		assertThat(
				communities.stream().mapToInt(c -> (Integer) ((Map<String, Object>) c.get("grid")).get("total")).sum())
			.isEqualTo(112);
		assertThat(communities)
			.allSatisfy(community -> assertThat((List<Map<String, Object>>) community.get("breakdown")).isNotEmpty()
				.allSatisfy(grid -> assertThat(grid.get("area")).isEqualTo(Map.of("kind", "GRID"))));
	}

	@Test
	void an_earlier_day_gives_the_coverage_of_that_day() {
		// Before 泰安社区 re-divided its 4 grids into 6, and before 丰乐社区's second branch.
		var then = coverage("(asOf: \"2020-06-01\")",
				FIGURES + " gaps(metric: GRID) { totalCount nodes { area { code } place reason } }");
		assertThat(then).containsEntry("asOf", "2020-06-01")
			.containsEntry("grid", figure(110, 107))
			.containsEntry("dualNet", figure(110, 100));
		graphQl().document(
				"{ coverage(asOf: \"2020-06-01\") { gaps(metric: GRID) { nodes { area { code } place reason } } } }")
			.execute()
			.path("coverage.gaps.nodes[*].area.code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C17-G04", "GZ-DJ-C17-G05", "GZ-DJ-C17-G06")
			.path("coverage.gaps.nodes[0].place")
			.entity(String.class)
			.isEqualTo("甘州区 / 东街街道 / 丰乐社区 / 丰乐社区第4网格");
		graphQl().document(
				"{ coverage(scope: \"Community:GZ-DJ-C16\", asOf: \"2020-12-31\") { breakdown { area { code } } } }")
			.execute()
			.path("coverage.breakdown[*].area.code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C16-J01", "GZ-DJ-C16-J02", "GZ-DJ-C16-J03", "GZ-DJ-C16-J04");
		// Before the network existed there is nothing to cover, and no ratio.
		Map<String, Object> nothing = new HashMap<>();
		nothing.put("total", 0);
		nothing.put("covered", 0);
		nothing.put("ratio", null);
		assertThat(coverage("(asOf: \"2019-01-01\")", "grid { total covered ratio }")).containsEntry("grid", nothing);
	}

	@Test
	void exact_gap_lists_of_a_community_and_of_the_whole_sample() {
		var community = graphQl().document("""
				{ coverage(scope: "Community:GZ-DJ-C01") {
				    heads: gaps(metric: BUILDING_HEAD) { totalCount nodes { area { code } reason } }
				    groups: gaps(metric: BUILDING_GROUP) { nodes { area { code } path { code } } }
				    grids: gaps(metric: GRID) { totalCount }
				} }""").execute();
		community.path("coverage.heads.nodes[*].area.code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C01-G03-B04", "GZ-DJ-C01-G05-B01");
		community.path("coverage.heads.nodes[0].reason").entity(String.class).isEqualTo("无党员楼长 / no building head");
		community.path("coverage.groups.nodes[*].area.code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C01-G02-B03", "GZ-DJ-C01-G04-B06");
		community.path("coverage.groups.nodes[0].path[*].code")
			.entityList(String.class)
			.containsExactly("GZ", "GZ-DJ", "GZ-DJ-C01", "GZ-DJ-C01-G02");
		community.path("coverage.grids.totalCount").entity(Integer.class).isEqualTo(0);

		var whole = graphQl()
			.document(
					"""
							{ coverage {
							    commercial: gaps(metric: COMMERCIAL) { nodes { area { code } reason } }
							    dual: gaps(metric: DUAL_NET, first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { area { code } reason } }
							    organization: gaps(metric: ORGANIZATION) { totalCount }
							} }""")
			.execute();
		whole.path("coverage.commercial.nodes[*].area.code").entityList(String.class).containsExactly("GZ-DJ-SC03");
		whole.path("coverage.dual.totalCount").entity(Integer.class).isEqualTo(3);
		whole.path("coverage.dual.nodes[*].area.code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C05-G01", "GZ-DJ-C09-G02");
		whole.path("coverage.dual.nodes[0].reason").entity(String.class).isEqualTo("无专职网格员 / no grid worker");
		whole.path("coverage.organization.totalCount").entity(Integer.class).isEqualTo(0);
		String after = whole.path("coverage.dual.pageInfo.endCursor").entity(String.class).get();
		graphQl().document(
				"{ coverage { gaps(metric: DUAL_NET, first: 2, after: \"%s\") { pageInfo { hasNextPage } nodes { area { code } } } } }"
					.formatted(after))
			.execute()
			.path("coverage.gaps.nodes[*].area.code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C13-G05")
			.path("coverage.gaps.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void an_organization_scope_covers_the_areas_it_governs() {
		assertThat(coverage("(scope: \"CommunityCommittee:GZ-DJ-C01-SQDW\")", FIGURES)).containsEntry("name", "青年社区党委")
			.containsEntry("grid", coverage("(scope: \"Community:GZ-DJ-C01\")", FIGURES).get("grid"))
			.containsEntry("buildingHead", figure(37, 35));
	}

	@Test
	void one_statement_per_report_per_level_and_per_metric() {
		statements().reset();
		graphQl().document("""
				{ coverage(scope: "Street:GZ-DJ") { grid { covered }
				    breakdown { grid { covered } gaps(metric: BUILDING_HEAD) { totalCount }
				      breakdown { dualNet { covered } gaps(metric: DUAL_NET) { totalCount } } } } }""")
			.execute()
			.path("coverage.breakdown")
			.entityList(Object.class)
			.hasSize(17);
		// report (which checks the scope itself), two breakdown levels, gaps at two
		// levels: 17 communities and 112 grids asked for their gaps, and still one
		// statement each level.
		assertThat(statements().count()).isEqualTo(5);
	}

	@Test
	void bad_days_and_unknown_scopes_are_refused_before_reaching_the_database() {
		statements().reset();
		graphQl().document("{ coverage(asOf: \"2999-01-01\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")
					.containsEntry("argument", "asOf")));
		graphQl().document("{ coverage(asOf: \"1920-12-31\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("1921")));
		graphQl().document("{ coverage(asOf: \"not a date\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsKey("code")));
		assertThat(statements().count()).isZero();
		graphQl().document("{ coverage(scope: \"Community:GZ-NOWHERE\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

}
