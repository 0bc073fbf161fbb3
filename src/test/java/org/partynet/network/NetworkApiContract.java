package org.partynet.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.support.StatementCounter;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL API end to end over HTTP, on the sample network. The same contract runs
 * against the in-process Neo4j ({@link NetworkApiHarnessTests}) and, where Docker is
 * present, against a Neo4j container ({@link NetworkApiContainerTests}).
 * <p>
 * Over 400 lines on purpose: one contract, the same for every kind of Neo4j.
 */
interface NetworkApiContract {

	HttpGraphQlTester graphQl();

	StatementCounter statements();

	@Test
	default void sample_network_reproduces_the_source_figures() {
		var stats = graphQl().documentName("networkStats").execute().path("networkStats").entity(Map.class).get();
		// The figures of the source article (甘州区委编办, 2020-12-29).
		assertThat(stats).containsEntry("streetCommittees", 1)
			.containsEntry("communityCommittees", 17)
			.containsEntry("grids", 112)
			.containsEntry("gridBranches", 47)
			.containsEntry("buildingGroups", 106)
			.containsEntry("alliances", 3);
		// And what the deterministic sample builds around them.
		assertThat(stats).containsEntry("buildings", 562)
			.containsEntry("buildingHeads", 510)
			.containsEntry("commercialSites", 7)
			.containsEntry("partTimeMembers", 33)
			.containsEntry("instructors", 4)
			.containsEntry("partyMembers", 1347)
			.containsEntry("units", 20);
	}

	@Test
	default void street_scope_counts_the_whole_sample_and_community_scope_its_part() {
		var street = graphQl().documentName("networkStats")
			.variable("scope", "Street:GZ-DJ")
			.execute()
			.path("networkStats")
			.entity(Map.class)
			.get();
		var everything = graphQl().documentName("networkStats").execute().path("networkStats").entity(Map.class).get();
		assertThat(street).isEqualTo(everything);

		var community = graphQl().documentName("networkStats")
			.variable("scope", "Community:GZ-DJ-C01")
			.execute()
			.path("networkStats")
			.entity(Map.class)
			.get();
		assertThat(community).containsEntry("streetCommittees", 0)
			.containsEntry("communityCommittees", 1)
			.containsEntry("grids", 7)
			.containsEntry("gridBranches", 3)
			.containsEntry("buildings", 37)
			.containsEntry("partTimeMembers", 1);

		var byCommittee = graphQl().documentName("networkStats")
			.variable("scope", "CommunityCommittee:GZ-DJ-C01-SQDW")
			.execute()
			.path("networkStats")
			.entity(Map.class)
			.get();
		assertThat(byCommittee).isEqualTo(community);
	}

	@Test
	default void unknown_scope_is_not_found_and_a_malformed_one_a_bad_request() {
		graphQl().documentName("networkStats")
			.variable("scope", "Community:GZ-NOWHERE")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")
					.containsEntry("argument", "scope")));
		graphQl().documentName("networkStats")
			.variable("scope", "no colon")
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "scope"));
		graphQl().documentName("networkStats")
			.variable("scope", "Person:RY10101")
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "scope"));
	}

	@Test
	@SuppressWarnings("unchecked")
	default void org_tree_from_the_street_committee_to_the_building_heads_in_one_request() {
		statements().reset();
		Map<String, Object> root = graphQl().documentName("orgTree")
			.variable("code", "GZ-DJ-DGW")
			.execute()
			.path("organization")
			.entity(Map.class)
			.get();
		int statementsForStreet = statements().count();
		// all of them in one read transaction: one consistent state of the graph
		assertThat(statements().transactions()).isEqualTo(1);

		assertThat(root).containsEntry("name", "东街街道党工委");
		assertThat((Map<String, Object>) root.get("secretary")).containsEntry("name", "赵明远");
		List<Map<String, Object>> communities = (List<Map<String, Object>>) root.get("children");
		List<Map<String, Object>> branches = children(communities);
		List<Map<String, Object>> groups = children(branches);
		assertThat(communities).hasSize(17).allSatisfy(c -> assertThat(c.get("secretary")).isNotNull());
		// one branch's secretary post is vacant (a deliberate finding of the sample)
		assertThat(branches).hasSize(47)
			.filteredOn(b -> b.get("secretary") == null)
			.extracting(b -> b.get("code"))
			.containsExactly("GZ-DJ-C12-ZB03");
		assertThat(groups).hasSize(106);
		long heads = groups.stream()
			.flatMap(g -> ((List<Map<String, Object>>) g.get("buildingHeads")).stream())
			.map(h -> h.get("code"))
			.distinct()
			.count();
		// 510 people head buildings; 20 of them head only buildings no group covers yet.
		assertThat(heads).isEqualTo(490);
		assertThat(communities).extracting(c -> c.get("code"))
			.startsWith("GZ-DJ-C01-SQDW", "GZ-DJ-C02-SQDW")
			.endsWith("GZ-DJ-C17-SQDW");

		// One statement for the root, one for all three levels of children (read ahead,
		// as
		// the selection asks for them), and then one per field: every level's secretaries
		// in one batch, the building heads in another. The cost does not grow with the
		// tree's 17 + 47 + 106 organizations and 510 heads, nor with its depth (9
		// statements before the children were read ahead).
		assertThat(statementsForStreet).isLessThanOrEqualTo(4);

		statements().reset();
		graphQl().documentName("orgTree")
			.variable("code", "GZ-DJ-C05-SQDW")
			.execute()
			.path("organization.code")
			.hasValue();
		int statementsForCommunity = statements().count();
		// A community is one level shallower, with a fraction of the organizations.
		assertThat(statementsForCommunity).isLessThan(statementsForStreet).isLessThanOrEqualTo(3);
	}

	@Test
	default void organization_with_breadcrumbs_posts_members_and_areas() {
		var response = graphQl().documentName("community")
			.variable("id", "CommunityCommittee:GZ-DJ-C01-SQDW")
			.execute();
		response.path("organization.name").entity(String.class).isEqualTo("青年社区党委");
		response.path("organization.kind").entity(String.class).isEqualTo("COMMUNITY_COMMITTEE");
		response.path("organization.kindName").entity(String.class).isEqualTo("社区党委");
		response.path("organization.parent.code").entity(String.class).isEqualTo("GZ-DJ-DGW");
		response.path("organization.ancestors[*].code").entityList(String.class).containsExactly("GZ-DJ-DGW");
		response.path("organization.members.total").entity(Integer.class).isEqualTo(72);
		response.path("organization.areas[0].code").entity(String.class).isEqualTo("GZ-DJ-C01");
		response.path("organization.areas[0].children[*].code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C01-G01", "GZ-DJ-C01-G02", "GZ-DJ-C01-G03", "GZ-DJ-C01-G04", "GZ-DJ-C01-G05",
					"GZ-DJ-C01-G06", "GZ-DJ-C01-G07");
		response.path("organization.areas[0].children[0].coveredBy[*].code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C01-ZB01");
		response.path("organization.posts[*].role")
			.entityList(String.class)
			.containsExactly("SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER", "COMMITTEE_MEMBER",
					"COMMITTEE_MEMBER", "PART_TIME_MEMBER");
		response.path("organization.posts[0].person.partyStatus").entity(String.class).isEqualTo("FULL");
		response.path("organization.posts[0].person.roles[*].kind")
			.entityList(String.class)
			.containsExactly("SECRETARY", "PARTY_MEMBER");
		// The part-time member comes from an outside unit and is not a member of this
		// network.
		response.path("organization.posts[5].person.partyStatus").valueIsNull();
		response.path("organization.posts[5].person.roles[*].kind")
			.entityList(String.class)
			.containsExactly("PART_TIME_MEMBER", "EMPLOYEE");
		response.path("organization.posts[5].person.roles[1].unit.categoryName").hasValue();

		var group = graphQl().document("""
				{ organization(code: "GZ-DJ-C01-ZB01-XZ01") { ancestors { code } } }""").execute();
		group.path("organization.ancestors[*].code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-DGW", "GZ-DJ-C01-SQDW", "GZ-DJ-C01-ZB01");
	}

	@Test
	default void any_node_by_id_or_code_and_unknown_ones_are_null() {
		var response = graphQl().document("""
				{
				  byId: node(id: "GridBranch:GZ-DJ-C01-ZB01") { __typename id code name }
				  byCode: node(code: "DW009") { __typename id ... on Unit { category categoryName } }
				  institution: node(code: "GZ-DJ-SY05") { ... on Institution { kind street { code } } }
				  unknownId: node(id: "Grid:GZ-DJ-C99-G01") { id }
				  unknownCode: node(code: "NOPE") { id }
				  wrongLabel: node(id: "Grid:GZ-DJ-C01-ZB01") { id }
				  notAnArea: area(code: "GZ-DJ-C01-ZB01") { id }
				  person: person(code: "RY30001") { name roles { kind title } }
				}""").execute();
		response.path("byId.__typename").entity(String.class).isEqualTo("Organization");
		response.path("byId.name").entity(String.class).isEqualTo("青年社区第一网格党支部");
		response.path("byCode.__typename").entity(String.class).isEqualTo("Unit");
		response.path("byCode.id").entity(String.class).isEqualTo("Unit:DW009");
		response.path("byCode.category").entity(String.class).isEqualTo("PROPERTY_MANAGEMENT");
		response.path("institution.kind").entity(String.class).isEqualTo("SERVICE_INSTITUTION");
		response.path("institution.street.code").entity(String.class).isEqualTo("GZ-DJ");
		response.path("unknownId").valueIsNull();
		response.path("unknownCode").valueIsNull();
		response.path("wrongLabel").valueIsNull();
		response.path("notAnArea").valueIsNull();
		response.path("person.name").entity(String.class).isEqualTo("赵明远");
		response.path("person.roles[0].title").entity(String.class).isEqualTo("党工委书记");
	}

	@Test
	default void malformed_ids_and_ambiguous_look_ups_are_bad_requests() {
		graphQl().document("{ node(id: \"GridBranch\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "id"));
		graphQl().document("{ node(id: \"Planet:EARTH\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "id"));
		graphQl().document("{ node(id: \"Grid:GZ-DJ-C01-G01\", code: \"GZ-DJ-C01-G01\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "code"));
	}

	@Test
	@SuppressWarnings("unchecked")
	default void lists_page_through_every_grid_branch_in_a_stable_order() {
		List<String> codes = new ArrayList<>();
		String after = null;
		int pages = 0;
		boolean hasNext = true;
		while (hasNext) {
			var page = graphQl().documentName("organizations")
				.variable("kind", "GRID_BRANCH")
				.variable("first", 20)
				.variable("after", after)
				.execute()
				.path("organizations")
				.entity(Map.class)
				.get();
			assertThat(page).containsEntry("totalCount", 47);
			var pageInfo = (Map<String, Object>) page.get("pageInfo");
			((List<Map<String, Object>>) page.get("nodes")).forEach(node -> codes.add((String) node.get("code")));
			assertThat(pageInfo.get("hasPreviousPage")).isEqualTo(after != null);
			hasNext = (Boolean) pageInfo.get("hasNextPage");
			after = (String) pageInfo.get("endCursor");
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(codes).hasSize(47).doesNotHaveDuplicates().isSorted();
		assertThat(codes).allMatch(code -> code.matches("GZ-DJ-C\\d\\d-ZB0\\d"));
	}

	@Test
	default void lists_filter_by_kind_scope_and_chinese_name() {
		graphQl().documentName("organizations")
			.variable("kind", "GRID_BRANCH")
			.variable("name", "东湖")
			.execute()
			.path("organizations.nodes[*].name")
			.entityList(String.class)
			.containsExactly("东湖社区第一网格党支部", "东湖社区第二网格党支部", "东湖社区第三网格党支部");
		graphQl().documentName("organizations")
			.variable("scope", "Community:GZ-DJ-C01")
			.execute()
			.path("organizations.totalCount")
			.entity(Integer.class)
			// the committee, its 3 branches and their 3 + 2 + 2 building groups
			.isEqualTo(1 + 3 + 7);
		graphQl().documentName("areas")
			.variable("kind", "MARKET")
			.execute()
			.path("areas.nodes[*].name")
			.entityList(String.class)
			.containsExactly("东街农贸市场", "南关商圈步行街", "长安小商品市场");
		graphQl().documentName("areas")
			.variable("kind", "GRID")
			.variable("scope", "GridBranch:GZ-DJ-C01-ZB01")
			.execute()
			.path("areas.nodes[*].code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-C01-G01", "GZ-DJ-C01-G02", "GZ-DJ-C01-G03");
		graphQl().documentName("areas")
			.variable("first", 0)
			.execute()
			.path("areas.totalCount")
			.entity(Integer.class)
			.satisfies(total -> assertThat(total).isGreaterThan(112 + 562));
	}

	@Test
	default void bad_list_arguments_are_refused_before_reaching_the_database() {
		statements().reset();
		graphQl().documentName("organizations")
			.variable("first", -1)
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "first"));
		graphQl().documentName("organizations")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "first"));
		graphQl().documentName("areas")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "after"));
		graphQl().documentName("areas")
			.variable("name", "网".repeat(101))
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "name"));
		graphQl().document("{ search(text: \"%s\") { score } }".formatted("党".repeat(101)))
			.execute()
			.errors()
			.satisfy(errors -> assertBadRequest(errors, "text"));
		assertThat(statements().count()).isZero();
	}

	@Test
	default void queries_over_the_depth_or_complexity_limit_never_reach_the_database() {
		statements().reset();
		String deep = "{ organization(code: \"GZ-DJ-DGW\") { " + "children { ".repeat(15) + "name" + " }".repeat(15)
				+ " } }";
		graphQl().document(deep)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
					.containsEntry("limit", "depth");
				assertThat(error.getMessage()).contains("Query depth");
			}));
		StringBuilder wide = new StringBuilder("{ organizations(first: 100) { nodes { ");
		for (int i = 0; i < 10; i++) {
			wide.append("a").append(i).append(": children { children { children { code name kind } } } ");
		}
		wide.append("} } }");
		graphQl().document(wide.toString())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
					.containsEntry("limit", "complexity")));
		assertThat(statements().count()).isZero();
	}

	@Test
	default void search_ranks_names_across_kinds() {
		assertThat(graphQl().document("{ search(text: \"党建联盟\") { node { __typename code } } }")
			.execute()
			.path("search[*].node.code")
			.entityList(String.class)
			.get()).containsExactlyInAnyOrder("GZ-DJ-LM01", "GZ-DJ-LM02", "GZ-DJ-LM03");
		graphQl().document("{ search(text: \"丝路 大厦\") { node { __typename code } } }")
			.execute()
			.path("search[0].node.code")
			.entity(String.class)
			.isEqualTo("GZ-DJ-SL03");
		// Lucene syntax in the text is searched for, not interpreted.
		graphQl().document("{ search(text: \"AND (东湖\") { node { code } } }").execute().path("search").hasValue();
	}

	@Test
	default void alliances_with_their_units_and_sites() {
		var response = graphQl()
			.document(
					"""
							{ organization(code: "GZ-DJ-DGW") { alliances { code leader { code } members { code } sites { code kind } } }
							  market: area(code: "GZ-DJ-SC03") { alliances { code } instructors { code } } }""")
			.execute();
		response.path("organization.alliances[*].code")
			.entityList(String.class)
			.containsExactly("GZ-DJ-LM01", "GZ-DJ-LM02", "GZ-DJ-LM03");
		response.path("organization.alliances[0].leader.code").entity(String.class).isEqualTo("GZ-DJ-DGW");
		response.path("organization.alliances[0].members[*].code")
			.entityList(String.class)
			.containsExactly("DW005", "DW008", "DW013", "DW015", "DW019");
		assertThat(response.path("organization.alliances[2].sites[*].kind").entityList(String.class).get())
			.containsOnly("MARKET");
		// The third market is not covered yet: a gap the coverage reports will show.
		response.path("market.alliances").entityList(Object.class).hasSize(0);
		response.path("market.instructors").entityList(Object.class).hasSize(0);
	}

	@Test
	default void the_data_says_it_is_sample_data() {
		graphQl().document("{ dataset { code sample description } }")
			.execute()
			.path("dataset.sample")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	default void syntax_and_validation_errors_carry_a_code_too() {
		graphQl().document("{ networkStats { grids ")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsKey("code")));
		graphQl().document("{ networkStats { planets } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(
						error -> assertThat(error.getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED")));
	}

	private static void assertBadRequest(List<ResponseError> errors, String argument) {
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("argument", argument);
			assertThat(error.getMessage()).contains(argument);
		});
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> children(List<Map<String, Object>> parents) {
		return parents.stream().flatMap(p -> ((List<Map<String, Object>>) p.get("children")).stream()).toList();
	}

}
