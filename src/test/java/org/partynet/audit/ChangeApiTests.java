package org.partynet.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partynet.graphql.Paging;
import org.partynet.support.HarnessTestSupport;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code changes(scope, since)} over HTTP, on the audit records of {@link ChangeFixture}.
 * One instance per class, so that the application (which loads the sample) is up before
 * the fixture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeApiTests extends HarnessTestSupport {

	private static final String PAGE = """
			query Changes($scope: ID, $since: DateTime, $first: Int, $after: String) {
			  changes(scope: $scope, since: $since, first: $first, after: $after) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { id } }
			    nodes { id at user operation summary input before after affected { __typename id name } }
			  }
			}""";

	@BeforeAll
	void fixture() {
		ChangeFixture.create();
	}

	@AfterAll
	void removeFixture() {
		ChangeFixture.remove();
	}

	private GraphQlTester.Response page(String scope, String since, Integer first, String after) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("scope", scope);
		variables.put("since", since);
		variables.put("first", first);
		variables.put("after", after);
		return graphQl().document(PAGE).variables(variables).execute();
	}

	private List<String> ids(String scope, String since) {
		return page(scope, since, 100, null).path("changes.nodes[*].id").entityList(String.class).get();
	}

	@Test
	@SuppressWarnings("unchecked")
	void newest_first_with_what_changed_and_the_nodes_affected() {
		var response = page(null, ChangeFixture.SINCE, 20, null);
		response.path("changes.nodes[*].id")
			.entityList(String.class)
			.containsExactly(ChangeFixture.NEWEST_FIRST.toArray(String[]::new));
		response.path("changes.totalCount").entity(Integer.class).isEqualTo(5);
		response.path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		response.path("changes.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		// C3 in full: the instant in UTC, the JSON as written, the affected nodes by code
		Map<String, Object> merge = response.path("changes.nodes[2]").entity(Map.class).get();
		assertThat(merge).containsEntry("id", ChangeFixture.C3)
			.containsEntry("user", "wangfang")
			.containsEntry("operation", "mergeOrganizations")
			.containsEntry("summary", "青年社区第二网格党支部并入第一网格党支部");
		assertThat((String) merge.get("at")).startsWith("2099-01-03T04:00:00").endsWith("Z");
		assertThat((String) merge.get("before")).contains("\"GZ-DJ-C01-ZB02\"", "\"COVERS\"");
		assertThat((String) merge.get("after")).contains("\"until\": \"2099-01-03\"");
		assertThat((String) merge.get("input")).contains("GridBranch:GZ-DJ-C01-ZB02");
		assertThat((List<Map<String, Object>>) merge.get("affected"))
			.extracting(n -> n.get("__typename") + " " + n.get("id"))
			.containsExactly("Organization GridBranch:GZ-DJ-C01-ZB01", "Organization GridBranch:GZ-DJ-C01-ZB02");
		assertThat((List<Map<String, Object>>) response.path("changes.nodes[3].affected").entity(List.class).get())
			.extracting(n -> n.get("__typename") + " " + n.get("id"))
			.containsExactly("Organization CommunityCommittee:GZ-DJ-C03-SQDW", "Person Person:RY20021");
	}

	@Test
	void phone_numbers_never_leave_the_graph() {
		var response = page(null, ChangeFixture.SINCE, 20, null);
		String c2 = "changes.nodes[?(@.id == '" + ChangeFixture.C2 + "')]";
		for (String field : List.of("input", "before", "after")) {
			String json = response.path(c2 + "." + field).entityList(String.class).get().get(0);
			assertThat(json).as(field).contains("\"phone\":\"***\"").doesNotContain("000-0002-0021");
		}
		// what has no phone is returned as written
		assertThat(response.path("changes.nodes[4].input").entity(String.class).get())
			.isEqualTo("{\"id\": \"GridBranch:GZ-DJ-C01-ZB01\", \"name\": \"青年社区新华网格党支部\"}");
	}

	@Test
	void pages_follow_the_cursor() {
		var first = page(null, ChangeFixture.SINCE, 2, null);
		first.path("changes.nodes[*].id").entityList(String.class).containsExactly(ChangeFixture.C5, ChangeFixture.C4);
		first.path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("changes.totalCount").entity(Integer.class).isEqualTo(5);
		String cursor = first.path("changes.pageInfo.endCursor").entity(String.class).get();
		assertThat(first.path("changes.edges[1].cursor").entity(String.class).get()).isEqualTo(cursor);

		// C4 and C3 share their instant: the cursor still splits them
		var second = page(null, ChangeFixture.SINCE, 2, cursor);
		second.path("changes.nodes[*].id").entityList(String.class).containsExactly(ChangeFixture.C3, ChangeFixture.C2);
		second.path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		second.path("changes.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

		var third = page(null, ChangeFixture.SINCE, 2,
				second.path("changes.pageInfo.endCursor").entity(String.class).get());
		third.path("changes.nodes[*].id").entityList(String.class).containsExactly(ChangeFixture.C1);
		third.path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		page(null, ChangeFixture.SINCE, 0, null).path("changes.nodes").entityList(Object.class).hasSize(0);
	}

	@Test
	void scope_finds_the_changes_inside_it() {
		// the community and the street of a change's community find it; another community
		// does not
		assertThat(ids("Community:GZ-DJ-C01", ChangeFixture.SINCE)).containsExactly(ChangeFixture.C4, ChangeFixture.C3,
				ChangeFixture.C1);
		assertThat(ids("Street:GZ-DJ", ChangeFixture.SINCE)).containsExactlyElementsOf(ChangeFixture.NEWEST_FIRST);
		assertThat(ids("Community:GZ-DJ-C02", ChangeFixture.SINCE)).isEmpty();
		// organizations are scopes too; a grid inside the community finds only what
		// touched it
		assertThat(ids("CommunityCommittee:GZ-DJ-C03-SQDW", ChangeFixture.SINCE)).containsExactly(ChangeFixture.C5,
				ChangeFixture.C2);
		assertThat(ids("Grid:GZ-DJ-C01-G04", ChangeFixture.SINCE)).containsExactly(ChangeFixture.C4, ChangeFixture.C3);
		page("Community:GZ-DJ-C01", ChangeFixture.SINCE, 1, null).path("changes.totalCount")
			.entity(Integer.class)
			.isEqualTo(3);
	}

	@Test
	void since_is_an_instant_with_any_offset() {
		assertThat(ids(null, "2099-01-03T04:00:00Z")).containsExactly(ChangeFixture.C5, ChangeFixture.C4,
				ChangeFixture.C3);
		// the same instant in Beijing time
		assertThat(ids(null, "2099-01-03T12:00:00+08:00")).containsExactly(ChangeFixture.C5, ChangeFixture.C4,
				ChangeFixture.C3);
		assertThat(ids(null, "2099-01-03T04:00:00.001Z")).containsExactly(ChangeFixture.C5);
		assertThat(ids("Community:GZ-DJ-C01", "2099-01-02T00:00:00Z")).containsExactly(ChangeFixture.C4,
				ChangeFixture.C3);
	}

	@Test
	void bad_arguments_are_refused() {
		statements().reset();
		error("{ changes(scope: \"Unit:DW001\") { totalCount } }", "BAD_REQUEST", "scope");
		error("{ changes(scope: \"nonsense\") { totalCount } }", "BAD_REQUEST", "scope");
		error("{ changes(first: 101) { totalCount } }", "BAD_REQUEST", "first");
		error("{ changes(first: -1) { totalCount } }", "BAD_REQUEST", "first");
		error("{ changes(after: \"not a cursor\") { totalCount } }", "BAD_REQUEST", "after");
		// refused before reaching the database
		assertThat(statements().count()).isZero();
		graphQl().document("{ changes(since: \"2099-01-01\") { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED")));
		error("{ changes(scope: \"Community:GZ-NOWHERE\") { totalCount } }", "NOT_FOUND", "scope");
		// a code of another kind: an organization's code asked for as a community
		error("{ changes(scope: \"Community:GZ-DJ-C01-SQDW\") { totalCount } }", "NOT_FOUND", "scope");
		// a well-formed cursor that names no change (an organization list's)
		error("{ changes(after: \"%s\") { totalCount } }".formatted(Paging.cursor("GZ-DJ-C01-SQDW")), "BAD_REQUEST",
				"after");
	}

	private void error(String document, String code, String argument) {
		graphQl().document(document)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)
					.containsEntry("argument", argument)));
	}

	@Test
	void one_statement_per_page_and_one_for_the_affected_nodes() {
		statements().reset();
		graphQl().document("""
				{ changes(scope: "Street:GZ-DJ", since: "2099-01-01T00:00:00Z") { totalCount nodes { id } } }""")
			.execute()
			.path("changes.nodes")
			.entityList(Object.class)
			.hasSize(5);
		// the scope is looked up by the page's own statement
		assertThat(statements().count()).isEqualTo(1);
		assertThat(statements().transactions()).isEqualTo(1);

		statements().reset();
		graphQl().document(
				"""
						{ changes(since: "2099-01-01T00:00:00Z") { edges { node { id affected { id name } } } nodes { affected { code } } } }""")
			.execute()
			.path("changes.nodes[*].affected[*].code")
			.entityList(String.class)
			.hasSize(8);
		// five changes, eight affected nodes: still one statement for all of them
		assertThat(statements().count()).isEqualTo(2);
	}

	@Test
	void network_leaves_out_the_records_of_accounts_and_sign_ins() {
		// a sign-in among the fixture's changes: a record of no scope, as SignInAudit
		// writes
		String signIn = "a0d17000-0000-4000-8000-0000000051a1";
		var database = org.partynet.support.InProcessNeo4j.get().defaultDatabaseService();
		database.executeTransactionally("""
				CREATE (:Change {id: $id, at: datetime('2099-01-04T00:00:00Z'), user: 'orgdept', operation: 'signIn',
				                 summary: '登录 / signed in', input: '{}', before: '{}', after: '{}', scopes: []})""",
				Map.of("id", signIn));
		try {
			assertThat(ids(null, ChangeFixture.SINCE)).hasSize(6).contains(signIn);
			graphQl()
				.document("{ changes(network: true, since: \"%s\") { totalCount nodes { id } } }"
					.formatted(ChangeFixture.SINCE))
				.execute()
				.path("changes.nodes[*].id")
				.entityList(String.class)
				.containsExactly(ChangeFixture.NEWEST_FIRST.toArray(String[]::new));
			// with a scope they are left out anyway
			assertThat(ids("Street:GZ-DJ", ChangeFixture.SINCE)).doesNotContain(signIn);
		}
		finally {
			database.executeTransactionally("MATCH (c:Change {id: $id}) DELETE c", Map.of("id", signIn));
		}
	}

	private static final String ONE = """
			query Change($id: ID!) { change(id: $id) { id user operation summary before after affected { id } } }""";

	@Test
	void one_change_by_id_as_the_trail_shows_it() {
		statements().reset();
		var response = graphQl().document(ONE).variable("id", ChangeFixture.C3).execute();
		response.path("change.id").entity(String.class).isEqualTo(ChangeFixture.C3);
		response.path("change.operation").entity(String.class).isEqualTo("mergeOrganizations");
		response.path("change.summary").entity(String.class).isEqualTo("青年社区第二网格党支部并入第一网格党支部");
		assertThat(response.path("change.before").entity(String.class).get()).contains("\"GZ-DJ-C01-ZB02\"");
		response.path("change.affected[*].id")
			.entityList(String.class)
			.containsExactly("GridBranch:GZ-DJ-C01-ZB01", "GridBranch:GZ-DJ-C01-ZB02");
		// the change and its affected nodes: two statements
		assertThat(statements().count()).isEqualTo(2);
		// an id no change has
		graphQl().document(ONE)
			.variable("id", "a0d17000-0000-4000-8000-00000000dead")
			.execute()
			.path("change")
			.valueIsNull();
	}

	@Test
	void a_secretary_gets_a_change_by_id_only_inside_their_subtree() {
		// 青年社区's secretary: C3 (青年社区) yes, C2 (南关社区) no, as an unknown id would be
		var secretary = graphQl("secretary");
		var own = secretary.document(ONE).variable("id", ChangeFixture.C3).execute();
		own.path("change.id").entity(String.class).isEqualTo(ChangeFixture.C3);
		own.path("change.affected[*].id")
			.entityList(String.class)
			.containsExactly("GridBranch:GZ-DJ-C01-ZB01", "GridBranch:GZ-DJ-C01-ZB02");
		var other = secretary.document(ONE).variable("id", ChangeFixture.C2).execute();
		other.errors().verify();
		other.path("change").valueIsNull();
		secretary.document(ONE).variable("id", ChangeFixture.C5).execute().path("change").valueIsNull();
		// a viewer reads no audit record at all, as with the trail
		graphQl("viewer").document(ONE)
			.variable("id", ChangeFixture.C3)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void paths_between_nodes_never_pass_through_the_audit_trail() {
		// C5 affected both secretaries; through it they would be two steps apart
		var response = graphQl().document(
				"""
						{ connection(from: "Person:RY20021", to: "Person:RY20031", maxHops: 4) { length relationships { type } } }""")
			.execute();
		response.errors().verify();
		List<String> types = response.path("connection[*].relationships[*].type").entityList(String.class).get();
		assertThat(types).isNotEmpty().doesNotContain("AFFECTED");
		assertThat(response.path("connection[*].length").entityList(Integer.class).get())
			.allMatch(length -> length > 2);
	}

}
