package org.partynet.orgchart;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the org chart asks of the GraphQL API, on the sample network: the boxes of a level
 * with their counts and coverage badges, and the cross-links of a community, each in a
 * bounded number of statements whatever the number of boxes.
 */
class OrgChartApiTests extends HarnessTestSupport {

	// The page's box selection, two levels deep (see org-chart.js).
	private static final String BOX = """
			id code name kind childCount secretary { name } posts { role person { name } } members { total }
			coverage { grid { covered total } buildingGroup { covered total } buildingHead { covered total } }
			""";

	@Test
	@SuppressWarnings("unchecked")
	void a_level_of_boxes_with_counts_and_badges_in_a_fixed_number_of_statements() {
		this.statements.reset();
		Map<String, Object> community = graphQl()
			.document(
					"""
							query Root($id: ID!) { organization(id: $id) { %s areas { id kind } children { %s areas { id kind head { name } }
							  children { %s } } } }
							"""
						.formatted(BOX, BOX, BOX))
			.variable("id", "CommunityCommittee:GZ-DJ-C01-SQDW")
			.execute()
			.path("organization")
			.entity(Map.class)
			.get();
		// Per level: children, childCount, secretary, posts, members, coverage, areas (+
		// heads).
		assertThat(this.statements.count()).isLessThanOrEqualTo(20);
		assertThat(this.statements.transactions()).isEqualTo(1);

		assertThat(community).containsEntry("name", "青年社区党委").containsEntry("childCount", 3);
		Map<String, Object> coverage = (Map<String, Object>) community.get("coverage");
		assertThat(coverage.get("grid")).isEqualTo(Map.of("covered", 7, "total", 7));
		List<Map<String, Object>> branches = (List<Map<String, Object>>) community.get("children");
		assertThat(branches).extracting((b) -> b.get("code"))
			.containsExactly("GZ-DJ-C01-ZB01", "GZ-DJ-C01-ZB02", "GZ-DJ-C01-ZB03");
		// A branch's badge counts the buildings of its grids that building groups cover.
		assertThat(branches).extracting((b) -> ((Map<String, Object>) b.get("coverage")).get("buildingGroup"))
			.containsExactly(Map.of("covered", 15, "total", 16), Map.of("covered", 8, "total", 9),
					Map.of("covered", 12, "total", 12));
		assertThat(branches).allSatisfy(
				(branch) -> assertThat(branch.get("childCount")).isEqualTo(((List<?>) branch.get("children")).size()));
		List<Map<String, Object>> groups = branches.stream()
			.flatMap((b) -> ((List<Map<String, Object>>) b.get("children")).stream())
			.toList();
		assertThat(groups).hasSize(7).allSatisfy((group) -> {
			assertThat(group.get("kind")).isEqualTo("BUILDING_GROUP");
			assertThat(group.get("childCount")).isEqualTo(0);
			// Every group in this community has a leader.
			assertThat((List<Map<String, Object>>) group.get("posts"))
				.anySatisfy((post) -> assertThat(post.get("role")).isEqualTo("GROUP_LEADER"));
		});
		// The sum of the groups' buildings is the community's building-group coverage.
		int buildingsInGroups = groups.stream()
			.mapToInt((g) -> (int) ((Map<String, Object>) ((Map<String, Object>) g.get("coverage")).get("buildingHead"))
				.get("total"))
			.sum();
		assertThat(buildingsInGroups).isEqualTo(((Map<String, Object>) coverage.get("buildingGroup")).get("covered"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void cross_links_of_a_community_in_one_statement() {
		this.statements.reset();
		List<Map<String, Object>> links = graphQl().document("""
				query Links($id: ID!) { organization(id: $id) { crossLinks {
				  kind kindName from { __typename id name } to { __typename id name } via { name } } } }
				""")
			.variable("id", "CommunityCommittee:GZ-DJ-C01-SQDW")
			.execute()
			.path("organization.crossLinks")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		// The organization's look-up, then all its cross-links.
		assertThat(this.statements.count()).isEqualTo(2);
		assertThat(links)
			.extracting((l) -> l.get("kind") + " " + ((Map<String, Object>) l.get("from")).get("id") + " -> "
					+ ((Map<String, Object>) l.get("to")).get("id")
					+ ((l.get("via") != null) ? " via " + ((Map<String, Object>) l.get("via")).get("name") : ""))
			.containsExactly("PART_TIME_MEMBER Unit:DW008 -> CommunityCommittee:GZ-DJ-C01-SQDW via 陈艳英",
					"CO_BUILDING Unit:DW017 -> CommunityCommittee:GZ-DJ-C01-SQDW",
					"REGISTERED Unit:DW017 -> CommunityCommittee:GZ-DJ-C01-SQDW",
					"ALLIANCE_MEMBER Unit:DW005 -> Alliance:GZ-DJ-LM01",
					"ALLIANCE_MEMBER Unit:DW008 -> Alliance:GZ-DJ-LM01",
					"ALLIANCE_MEMBER Unit:DW013 -> Alliance:GZ-DJ-LM01",
					"ALLIANCE_MEMBER Unit:DW015 -> Alliance:GZ-DJ-LM01",
					"ALLIANCE_MEMBER Unit:DW019 -> Alliance:GZ-DJ-LM01",
					// The alliance's other site lies in another community: not on this
					// chart.
					"ALLIANCE_SITE Alliance:GZ-DJ-LM01 -> CommercialBuilding:GZ-DJ-SL01",
					"SITE CommercialBuilding:GZ-DJ-SL01 -> GridBranch:GZ-DJ-C01-ZB01",
					"INSTRUCTOR Person:RY60001 -> CommercialBuilding:GZ-DJ-SL01");
		assertThat(links.get(0)).containsEntry("kindName", "兼职委员 Part-time member");
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_street_links_every_part_time_member_alliance_and_instructor_of_the_network() {
		List<Map<String, Object>> links = graphQl().document("""
				{ organization(code: "GZ-DJ-DGW") { crossLinks { kind from { id } to { id } } } }
				""")
			.execute()
			.path("organization.crossLinks")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		Map<Object, Long> byKind = links.stream()
			.collect(java.util.stream.Collectors.groupingBy((l) -> l.get("kind"),
					java.util.stream.Collectors.counting()));
		// networkStats: 33 part-time members, 3 alliances; 7 sites, of which 6 are
		// covered by an alliance and 6 instructor links (马文军 and 韩春梅 instruct two sites
		// each).
		assertThat(byKind).containsEntry("PART_TIME_MEMBER", 33L)
			.containsEntry("ALLIANCE_LEADER", 3L)
			.containsEntry("ALLIANCE_SITE", 6L)
			.containsEntry("SITE", 7L)
			.containsEntry("INSTRUCTOR", 6L)
			.containsEntry("ALLIANCE_MEMBER", 15L);
	}

	@Test
	void the_landing_page_is_the_desk_and_the_org_chart_has_its_own_address() {
		org.springframework.test.web.reactive.server.WebTestClient client = web();
		client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("工作台", "/desk/desk.js"));
		client.get()
			.uri("/org-chart")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("组织架构图", "/org-chart/org-chart.js"));
	}

}
