package org.partynet.linkage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 联动 over GraphQL on the sample network: exact linkages, reach, paths and summary, and
 * bad input.
 */
class LinkageApiTests extends HarnessTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void the_linkages_of_a_community_committee_grouped_by_kind_with_their_carriers() {
		this.statements.reset();
		Map<String, Object> linkages = graphQl()
			.document(
					"""
							{ linkages(id: "CommunityCommittee:GZ-DJ-C01-SQDW") { node { id } unitCount
							  groups { kind kindName links { unit { id } people { name } alliances { id } organizations { id } communities { id } } } } }
							""")
			.execute()
			.path("linkages")
			.entity(Map.class)
			.get();
		// the node and its linkages in one statement
		assertThat(this.statements.count()).isEqualTo(1);
		assertThat(linkages.get("node")).isEqualTo(Map.of("id", "CommunityCommittee:GZ-DJ-C01-SQDW"));
		assertThat(linkages).containsEntry("unitCount", 8);
		List<String> rows = ((List<Map<String, Object>>) linkages.get("groups")).stream()
			.flatMap((group) -> ((List<Map<String, Object>>) group.get("links")).stream()
				.map((link) -> group.get("kind") + " " + ((Map<String, Object>) link.get("unit")).get("id") + " "
						+ ((List<Map<String, Object>>) link.get("people")).stream().map((p) -> p.get("name")).toList()
						+ " "
						+ ((List<Map<String, Object>>) link.get("alliances")).stream()
							.map((a) -> a.get("id"))
							.toList()))
			.toList();
		assertThat(rows).containsExactly("PART_TIME_MEMBER Unit:DW008 [陈艳英] []", "CO_BUILDING Unit:DW017 [] []",
				"UNIT_REGISTERED Unit:DW017 [] []", "MEMBER_REGISTERED Unit:DW006 [何海娜] []",
				"MEMBER_REGISTERED Unit:DW012 [周英] []", "ALLIANCE_MEMBER Unit:DW005 [] [Alliance:GZ-DJ-LM01]",
				"ALLIANCE_MEMBER Unit:DW008 [] [Alliance:GZ-DJ-LM01]",
				"ALLIANCE_MEMBER Unit:DW013 [] [Alliance:GZ-DJ-LM01]",
				"ALLIANCE_MEMBER Unit:DW015 [] [Alliance:GZ-DJ-LM01]",
				"ALLIANCE_MEMBER Unit:DW019 [] [Alliance:GZ-DJ-LM01]");
		Map<String, Object> first = (Map<String, Object>) ((List<Map<String, Object>>) ((List<Map<String, Object>>) linkages
			.get("groups")).get(0).get("links")).get(0);
		assertThat(first.get("organizations")).isEqualTo(List.of(Map.of("id", "CommunityCommittee:GZ-DJ-C01-SQDW")));
		assertThat(first.get("communities")).isEqualTo(List.of(Map.of("id", "Community:GZ-DJ-C01")));
		// The area itself answers the same; a grid only what lies in it (the site's
		// alliance).
		assertThat(graphQl().document("{ linkages(id: \"Community:GZ-DJ-C01\") { unitCount } }")
			.execute()
			.path("linkages.unitCount")
			.entity(Integer.class)
			.get()).isEqualTo(8);
		assertThat(graphQl().document("{ linkages(id: \"Grid:GZ-DJ-C01-G02\") { groups { kind } unitCount } }")
			.execute()
			.path("linkages.groups[*].kind")
			.entityList(String.class)
			.get()).containsExactly("ALLIANCE_MEMBER");
	}

	@Test
	@SuppressWarnings("unchecked")
	void where_a_unit_reaches_and_through_what() {
		Map<String, Object> reach = graphQl()
			.document(
					"""
							{ reach(unit: "Unit:DW008") { unit { name } communities { code }
							  places { kind community { code } grid { code } site { code } person { name } alliance { code } organization { code } } } }
							""")
			.execute()
			.path("reach")
			.entity(Map.class)
			.get();
		assertThat(reach.get("unit")).isEqualTo(Map.of("name", "张掖农商银行东街支行"));
		assertThat((List<Map<String, Object>>) reach.get("communities")).extracting((c) -> c.get("code"))
			.containsExactly("GZ-DJ-C01", "GZ-DJ-C03", "GZ-DJ-C06", "GZ-DJ-C07", "GZ-DJ-C08", "GZ-DJ-C11", "GZ-DJ-C12",
					"GZ-DJ-C15");
		List<String> places = ((List<Map<String, Object>>) reach.get("places")).stream()
			.map((p) -> p.get("kind") + " " + code(p, "community") + " " + code(p, "grid") + " " + code(p, "site") + " "
					+ ((p.get("person") != null) ? ((Map<String, Object>) p.get("person")).get("name") : null) + " "
					+ code(p, "alliance") + " " + code(p, "organization"))
			.toList();
		assertThat(places).startsWith("PART_TIME_MEMBER GZ-DJ-C01 null null 陈艳英 null GZ-DJ-C01-SQDW")
			.contains("ALLIANCE_MEMBER GZ-DJ-C01 GZ-DJ-C01-G02 GZ-DJ-SL01 null GZ-DJ-LM01 GZ-DJ-DGW",
					"ALLIANCE_MEMBER GZ-DJ-C06 GZ-DJ-C06-G01 GZ-DJ-SL02 null GZ-DJ-LM01 GZ-DJ-DGW")
			.hasSize(10);
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_shortest_path_between_a_unit_and_a_committee_as_a_sentence() {
		List<Map<String, Object>> paths = graphQl().document("""
				{ connection(from: "Unit:DW008", to: "CommunityCommittee:GZ-DJ-C01-SQDW") {
				  length sentence nodes { id } relationships { type label forward startId endId } } }
				""")
			.execute()
			.path("connection")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		assertThat(paths).hasSize(1);
		Map<String, Object> path = paths.get(0);
		assertThat(path).containsEntry("length", 2).containsEntry("sentence", "张掖农商银行东街支行 —派出→ 陈艳英 —任兼职委员→ 青年社区党委");
		assertThat((List<Map<String, Object>>) path.get("nodes")).extracting((n) -> n.get("id"))
			.containsExactly("Unit:DW008", "Person:RY40001", "CommunityCommittee:GZ-DJ-C01-SQDW");
		assertThat((List<Map<String, Object>>) path.get("relationships")).containsExactly(
				Map.of("type", "EMPLOYED_BY", "label", "派出", "forward", false, "startId", "Person:RY40001", "endId",
						"Unit:DW008"),
				Map.of("type", "HOLDS", "label", "任兼职委员", "forward", true, "startId", "Person:RY40001", "endId",
						"CommunityCommittee:GZ-DJ-C01-SQDW"));
		// Nothing within one hop: an empty list, not an error.
		assertThat(graphQl().document(
				"{ connection(from: \"Unit:DW008\", to: \"CommunityCommittee:GZ-DJ-C01-SQDW\", maxHops: 1) { length } }")
			.execute()
			.path("connection")
			.entityList(Object.class)
			.get()).isEmpty();
	}

	@Test
	void paths_prefer_party_and_linkage_relationships_over_administrative_containment() {
		// Two grids of one community: their community contains both, and one grid branch
		// covers both; each path two steps long.
		String grids = "from: \"Grid:GZ-DJ-C01-G01\", to: \"Grid:GZ-DJ-C01-G02\"";
		List<String> preferred = types(grids);
		assertThat(preferred).isNotEmpty().doesNotContain("HAS", "GOVERNS", "PART_OF").contains("COVERS");
		assertThat(containment(grids)).containsOnly(false);
		assertThat(types(grids + ", through: LINKAGE_ONLY")).isEqualTo(preferred);
		// every relationship: the containment path beside the branch's, as short
		assertThat(types(grids + ", through: ANY")).contains("HAS").containsAll(preferred);
		assertThat(containment(grids + ", through: ANY")).containsExactlyInAnyOrder(false, true);
		// A community and its grid are one containment step apart and nothing else joins
		// them in one step: linkage only finds nothing, the default falls back and says
		// so.
		String contained = "from: \"Community:GZ-DJ-C01\", to: \"Grid:GZ-DJ-C01-G01\", maxHops: 1";
		assertThat(types(contained + ", through: LINKAGE_ONLY")).isEmpty();
		assertThat(types(contained)).containsExactly("HAS");
		assertThat(containment(contained)).containsExactly(true);
	}

	private List<String> types(String arguments) {
		return graphQl().document("{ connection(%s) { relationships { type } } }".formatted(arguments))
			.execute()
			.path("connection[*].relationships[*].type")
			.entityList(String.class)
			.get();
	}

	private List<Boolean> containment(String arguments) {
		return graphQl().document("{ connection(%s) { containment } }".formatted(arguments))
			.execute()
			.path("connection[*].containment")
			.entityList(Boolean.class)
			.get();
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_summary_counts_units_by_category_and_part_time_members_per_community() {
		this.statements.reset();
		Map<String, Object> summary = graphQl()
			.document(
					"""
							{ linkageSummary { name units { category kind units } unitsByCategory { category categoryName kind units }
							  partTimeMembers { community { code } count people { name } } unlinkedCommunities { code } } }
							""")
			.execute()
			.path("linkageSummary")
			.entity(Map.class)
			.get();
		assertThat(this.statements.count()).isEqualTo(1);
		assertThat(summary).containsEntry("name", "全网 Whole network");
		// 20 units, 4 of each category, all linked somehow.
		assertThat((List<Map<String, Object>>) summary.get("unitsByCategory"))
			.extracting((u) -> u.get("category") + " " + u.get("units"))
			.containsExactly("AGENCY 4", "ENTERPRISE_INSTITUTION 4", "PROPERTY_MANAGEMENT 4", "NON_PUBLIC_ENTERPRISE 4",
					"SOCIAL_ORGANIZATION 4");
		assertThat((List<Map<String, Object>>) summary.get("units")).contains(
				Map.of("category", "AGENCY", "kind", "PART_TIME_MEMBER", "units", 3),
				Map.of("category", "NON_PUBLIC_ENTERPRISE", "kind", "ALLIANCE_MEMBER", "units", 4));
		List<Map<String, Object>> partTime = (List<Map<String, Object>>) summary.get("partTimeMembers");
		assertThat(partTime).hasSize(17);
		assertThat(partTime.stream().mapToInt((p) -> (int) p.get("count")).sum()).isEqualTo(33);
		assertThat(partTime.get(0)).containsEntry("count", 1).containsEntry("people", List.of(Map.of("name", "陈艳英")));
		assertThat((List<?>) summary.get("unlinkedCommunities")).isEmpty();
		// A scope: one community.
		assertThat(graphQl()
			.document("{ linkageSummary(scope: \"Community:GZ-DJ-C03\") { name partTimeMembers { count } } }")
			.execute()
			.path("linkageSummary.partTimeMembers[*].count")
			.entityList(Integer.class)
			.get()).containsExactly(3);
	}

	@Test
	void bad_input_names_the_argument() {
		error("{ connection(from: \"Unit:DW008\", to: \"Unit:DW017\", maxHops: 9) { length } }", "BAD_REQUEST",
				"maxHops");
		error("{ connection(from: \"Unit:DW008\", to: \"Unit:DW017\", maxHops: 0) { length } }", "BAD_REQUEST",
				"maxHops");
		error("{ connection(from: \"Unit:DW008\", to: \"Unit:NOPE\") { length } }", "NOT_FOUND", "to");
		error("{ connection(from: \"nonsense\", to: \"Unit:DW017\") { length } }", "BAD_REQUEST", "from");
		error("{ connection(from: \"Unit:DW008\", to: \"Unit:DW008\") { length } }", "BAD_REQUEST", "to");
		error("{ linkages(id: \"Community:NOPE\") { unitCount } }", "NOT_FOUND", "id");
		error("{ linkages(id: \"Unit:DW008\") { unitCount } }", "BAD_REQUEST", "id");
		error("{ reach(unit: \"Unit:NOPE\") { unit { name } } }", "NOT_FOUND", "unit");
		error("{ reach(unit: \"Community:GZ-DJ-C01\") { unit { name } } }", "BAD_REQUEST", "unit");
	}

	private void error(String document, String code, String argument) {
		graphQl().document(document).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code).containsEntry("argument", argument);
		});
	}

	@SuppressWarnings("unchecked")
	private static Object code(Map<String, Object> map, String key) {
		return (map.get(key) != null) ? ((Map<String, Object>) map.get(key)).get("code") : null;
	}

}
