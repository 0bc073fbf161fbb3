package org.partynet.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read what, over HTTP as each demo account: the organization department reads
 * everything; the secretary of 青年社区党委 reads only its subtree, even when asking by id for
 * something outside; the viewer reads counts and reports without personal data.
 */
class AccessControlTests extends HarnessTestSupport {

	private static final String OWN = "CommunityCommittee:GZ-DJ-C01-SQDW";

	private static final String OTHER = "CommunityCommittee:GZ-DJ-C02-SQDW";

	@Test
	void nothing_is_answered_without_an_account() {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
		anonymous.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ dataset { code } }\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Basic"));
		// a browser is sent to the login form instead
		anonymous.get()
			.uri("/reports/coverage")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).endsWith("/login"));
		anonymous.get().uri("/reports/coverage.xlsx").exchange().expectStatus().isUnauthorized();
		// a browser opening the API is sent to the form too, so it never holds Basic
		// credentials
		anonymous.get()
			.uri("/graphql")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).endsWith("/login"));
		anonymous.get()
			.uri("/login")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("登录 Sign in", "name=\"_csrf\""));
		WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.defaultHeaders((headers) -> headers.setBasicAuth("orgdept", "wrong"))
			.build()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ dataset { code } }\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void the_login_form_needs_its_csrf_token_and_graphql_takes_only_json() {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
		// a cross-site form post has no token
		anonymous.post()
			.uri("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("username=orgdept&password=demo")
			.exchange()
			.expectStatus()
			.isForbidden();
		anonymous.post().uri("/logout").exchange().expectStatus().isForbidden();
		// what a cross-site form or a script without preflight can send is not GraphQL
		// here
		web().post()
			.uri("/graphql")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"query\":\"{ dataset { code } }\"}")
			.exchange()
			.expectStatus()
			.is4xxClientError();
		web().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("query=%7B+dataset+%7B+code+%7D+%7D")
			.exchange()
			.expectStatus()
			.is4xxClientError();
	}

	@Test
	void each_account_knows_who_it_is() {
		assertThat(me("orgdept")).containsEntry("username", "orgdept")
			.containsEntry("role", "ORG_DEPT")
			.containsEntry("organization", null);
		assertThat(me("secretary")).containsEntry("role", "SECRETARY")
			.containsEntry("organization", Map.of("id", OWN, "name", "青年社区党委"));
		assertThat(me("viewer")).containsEntry("role", "VIEWER");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> me(String username) {
		return graphQl(username).document("{ me { username role organization { id name } } }")
			.execute()
			.path("me")
			.entity(Map.class)
			.get();
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_secretary_reads_their_own_subtree_and_nothing_above_it() {
		HttpGraphQlTester secretary = graphQl("secretary");
		Map<String, Object> own = secretary.document("""
				{ organization(id: "%s") { name parent { id } ancestors { id } children { id }
				  areas { id parent { id } ancestors { id } } } }""".formatted(OWN))
			.execute()
			.path("organization")
			.entity(Map.class)
			.get();
		assertThat(own).containsEntry("name", "青年社区党委")
			.containsEntry("parent", null)
			.containsEntry("ancestors", List.of());
		assertThat((List<Object>) own.get("children")).hasSize(3);
		assertThat((List<Map<String, Object>>) own.get("areas")).singleElement()
			.satisfies((area) -> assertThat(area).containsEntry("id", "Community:GZ-DJ-C01")
				.containsEntry("parent", null)
				.containsEntry("ancestors", List.of()));

		// counts, lists and search default to the secretary's organization and stay
		// inside it
		Map<String, Object> stats = secretary
			.document("{ networkStats { streetCommittees communityCommittees grids gridBranches } }")
			.execute()
			.path("networkStats")
			.entity(Map.class)
			.get();
		assertThat(stats).containsEntry("streetCommittees", 0)
			.containsEntry("communityCommittees", 1)
			.containsEntry("grids", 7)
			.containsEntry("gridBranches", 3);
		assertThat(secretary.document("{ organizations(kind: COMMUNITY_COMMITTEE) { nodes { id } } }")
			.execute()
			.path("organizations.nodes[*].id")
			.entityList(String.class)
			.get()).containsExactly(OWN);
		assertThat(secretary.document("{ areas(kind: STREET) { nodes { id } } }")
			.execute()
			.path("areas.nodes")
			.entityList(Object.class)
			.get()).isEmpty();
		List<String> hits = secretary.document("{ search(text: \"党支部\", first: 50) { node { id } } }")
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(hits).isNotEmpty().allSatisfy((id) -> assertThat(id).contains("GZ-DJ-C01-"));
		assertThat(
				secretary.document("{ coverage { name } }").execute().path("coverage.name").entity(String.class).get())
			.isEqualTo("青年社区党委");

		// the organization department sees the same organization's parent
		assertThat(graphQl().document("{ organization(id: \"%s\") { parent { id } } }".formatted(OWN))
			.execute()
			.path("organization.parent.id")
			.entity(String.class)
			.get()).isEqualTo("StreetWorkingCommittee:GZ-DJ-DGW");
	}

	@Test
	void a_secretary_cannot_read_outside_even_by_id() {
		forbidden("{ organization(id: \"%s\") { name } }".formatted(OTHER), "id");
		forbidden("{ organization(code: \"GZ-DJ-DGW\") { name } }", "code");
		forbidden("{ area(id: \"Street:GZ-DJ\") { name } }", "id");
		forbidden("{ node(id: \"Community:GZ-DJ-C02\") { id } }", "id");
		forbidden("{ networkStats(scope: \"Community:GZ-DJ-C02\") { grids } }", "scope");
		forbidden("{ networkStats(scope: \"Street:GZ-DJ\") { grids } }", "scope");
		forbidden("{ coverage(scope: \"Community:GZ-DJ-C02\") { name } }", "scope");
		forbidden("{ organizations(scope: \"%s\") { nodes { id } } }".formatted(OTHER), "scope");
		forbidden("{ health(scope: \"Street:GZ-DJ\") { findings { rule } } }", "scope");
		forbidden("{ linkages(id: \"%s\") { unitCount } }".formatted(OTHER), "id");
		forbidden("{ linkageSummary(scope: \"Community:GZ-DJ-C02\") { name } }", "scope");
		forbidden("{ connection(from: \"%s\", to: \"%s\") { sentence } }".formatted(OWN, OTHER), "to");
		forbidden("{ changes(scope: \"Community:GZ-DJ-C02\") { nodes { id } } }", "scope");
		String otherSecretary = graphQl().document("{ organization(id: \"%s\") { secretary { id } } }".formatted(OTHER))
			.execute()
			.path("organization.secretary.id")
			.entity(String.class)
			.get();
		forbidden("{ person(id: \"%s\") { name } }".formatted(otherSecretary), "id");
		// and the downloads answer 403 before writing anything
		web("secretary").get()
			.uri("/reports/coverage.xlsx?scope=Community:GZ-DJ-C02")
			.exchange()
			.expectStatus()
			.isForbidden();
		web("secretary").get().uri("/reports/linkage.xlsx?scope=Street:GZ-DJ").exchange().expectStatus().isForbidden();
		web("secretary").get().uri("/reports/coverage.xlsx?scope=Community:GZ-DJ-C01").exchange().expectStatus().isOk();
	}

	private void forbidden(String document, String argument) {
		graphQl("secretary").document(document).execute().errors().satisfy((errors) -> {
			assertThat(errors).as(document).hasSize(1);
			assertThat(errors.get(0).getExtensions()).as(document)
				.containsEntry("code", "FORBIDDEN")
				.containsEntry("argument", argument);
			assertThat(errors.get(0).getMessage()).contains("无权查看");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void phone_and_id_numbers_are_masked_for_all_but_the_organization_department_and_a_viewer_sees_no_person() {
		String query = "{ organization(id: \"%s\") { secretary { code name gender phone idNumber } } }".formatted(OWN);
		Map<String, Object> full = graphQl().document(query)
			.execute()
			.path("organization.secretary")
			.entity(Map.class)
			.get();
		assertThat((String) full.get("phone")).matches("000-\\d{4}-\\d{4}");
		assertThat((String) full.get("idNumber")).matches("000000\\d{12}");
		Map<String, Object> masked = graphQl("secretary").document(query)
			.execute()
			.path("organization.secretary")
			.entity(Map.class)
			.get();
		assertThat(masked).containsEntry("name", full.get("name")).containsEntry("code", full.get("code"));
		assertThat((String) masked.get("phone")).matches("000-\\*{4}-\\d{4}")
			.endsWith(((String) full.get("phone")).substring(9));
		assertThat((String) masked.get("idNumber")).matches("000\\*{11}\\d{4}");
		Map<String, Object> hidden = graphQl("viewer").document(query)
			.execute()
			.path("organization.secretary")
			.entity(Map.class)
			.get();
		assertThat(hidden).containsEntry("name", "（已隐藏 hidden）")
			.containsEntry("gender", null)
			.containsEntry("phone", null)
			.containsEntry("idNumber", null);
		// a viewer still reads counts and coverage
		assertThat(graphQl("viewer").document("{ networkStats { grids } coverage { name } }")
			.execute()
			.path("networkStats.grids")
			.entity(Integer.class)
			.get()).isEqualTo(112);
		// nor the audit trail, whose records name people
		graphQl("viewer").document("{ changes { nodes { id } } }").execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")
					.containsEntry("argument", "changes"));
		});
		// and path sentences name no person
		String sentence = graphQl("viewer")
			.document("{ connection(from: \"Unit:DW008\", to: \"%s\") { sentence } }".formatted(OWN))
			.execute()
			.path("connection[0].sentence")
			.entity(String.class)
			.get();
		assertThat(sentence).contains("（已隐藏 hidden）").doesNotContain("陈艳英");
	}

	@Test
	void only_the_organization_department_changes_the_network() {
		String rename = """
				mutation { updateOrganization(input: {id: "%s", version: 0, name: "改名"}) { organization { name } } }
				""".formatted(OWN);
		for (String username : List.of("secretary", "viewer")) {
			graphQl(username).document(rename).execute().errors().satisfy((errors) -> {
				assertThat(errors).as(username).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
					assertThat(error.getMessage()).contains("updateOrganization");
				});
			});
		}
		assertThat(graphQl().document("{ organization(id: \"%s\") { name } }".formatted(OWN))
			.execute()
			.path("organization.name")
			.entity(String.class)
			.get()).isEqualTo("青年社区党委");
	}

	@Test
	void aliases_are_limited() {
		String many = IntStream.range(0, 201)
			.mapToObj((i) -> "a" + i + ": dataset { code }")
			.collect(Collectors.joining(" "));
		graphQl().document("{ " + many + " }").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
				.containsEntry("limit", "aliases")
				.containsEntry("actual", 201)
				.containsEntry("maximum", 200);
		});
		// batching several operations in one HTTP request (a JSON array) is not accepted
		web().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[{\"query\":\"{ dataset { code } }\"},{\"query\":\"{ dataset { code } }\"}]")
			.exchange()
			.expectStatus()
			.is4xxClientError();
	}

}
