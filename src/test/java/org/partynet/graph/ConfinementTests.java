package org.partynet.graph;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partynet.organization.Organization;
import org.partynet.security.Access;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The executor's confinement, on the leaks a security review found through nested fields:
 * each now comes back without what lies outside the secretary's subtree (青年社区党委), with no
 * error. The schema-wide proof is {@code security.SchemaWalkTests}; these name the cases.
 */
class ConfinementTests extends HarnessTestSupport {

	private static final String OWN = "CommunityCommittee:GZ-DJ-C01-SQDW";

	private static final Statement ANY = Statement.read("test.any",
			"MATCH (o:PartyOrganization {code: $code}) RETURN o");

	@Autowired
	Graph graph;

	@Test
	void without_a_signed_in_account_a_statement_reads_nothing_unless_it_is_the_services_own_work() {
		SecurityContextHolder.clearContext();
		assertThatThrownBy(() -> this.graph.rows(ANY, Graph.parameters("code", "GZ-DJ-DGW")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(Access.asService(() -> this.graph.rows(ANY, Graph.parameters("code", "GZ-DJ-DGW")))).hasSize(1);
	}

	@Test
	void a_secretary_runs_no_write_and_no_privileged_read() {
		signInAs("secretary", "ROLE_SECRETARY", "PERSON:RY20001");
		assertThatThrownBy(() -> this.graph.run(Statement.write("test.write", "CREATE (:Nothing)"), Graph.parameters()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void a_secretary_is_handed_no_organization_above_their_own_through_any_field() {
		String response = graphQl("secretary")
			.document(
					"""
							{ organization(id: "%s") {
							    parent { id } ancestors { id }
							    areas { id ancestors { id name } parent { id } }
							    crossLinks { from { id } to { id } }
							  }
							  linkages(id: "%s") { groups { links { organizations { id name } communities { id } alliances { id } } } }
							  coverage(scope: "%s") { gaps(metric: BUILDING_HEAD, first: 100) { nodes { area { id } path { id name } } } }
							}"""
						.formatted(OWN, OWN, OWN))
			.execute()
			.returnResponse()
			.toString();
		assertThat(response).doesNotContain("GZ-DJ-DGW")
			.doesNotContain("东街街道")
			.doesNotContain("甘州区")
			.doesNotContain("GZ-DJ-C02");
	}

	@Test
	void an_alliance_reached_from_the_subtree_shows_no_leader_or_site_outside_it() {
		String response = graphQl("secretary").document(
				"{ search(text: \"联盟\", first: 20) { node { id ... on Alliance { leader { id name } sites { id name } members { id } } } } }")
			.execute()
			.returnResponse()
			.toString();
		assertThat(response).doesNotContain("GZ-DJ-DGW").doesNotContain("东街街道党工委");
	}

	@Test
	void a_viewers_search_matches_no_person() {
		String name = graphQl().document("{ organization(id: \"%s\") { secretary { name } } }".formatted(OWN))
			.execute()
			.path("organization.secretary.name")
			.entity(String.class)
			.get();
		List<String> ids = graphQl("viewer").document("{ search(text: \"%s\") { node { id } } }".formatted(name))
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(ids).noneMatch(id -> id.startsWith("Person:"));
		assertThat(graphQl().document("{ search(text: \"%s\") { node { id } } }".formatted(name))
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.get()).anyMatch(id -> id.startsWith("Person:"));
	}

	@Test
	void a_secretarys_reach_is_their_subtree() {
		signInAs("secretary", "ROLE_SECRETARY", "PERSON:RY20001");
		Statement organizations = Statement.read("test.organizations", "MATCH (o:PartyOrganization) RETURN o");
		List<String> codes = this.graph.rows(organizations, Graph.parameters())
			.stream()
			.map(row -> Organization.from(row.get("o").asNode()).code())
			.toList();
		assertThat(codes).isNotEmpty().allMatch(code -> code.startsWith("GZ-DJ-C01-")).contains("GZ-DJ-C01-SQDW");
	}

}
