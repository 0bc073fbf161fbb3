package org.partynet.account;

import java.util.Optional;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.organization.Organization;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization of a secretary's account. */
@Service
@Transactional(readOnly = true)
class AccountQueries {

	private static final Statement ORGANIZATION = Statement.read("account.organization",
			"MATCH (o:PartyOrganization {code: $code}) RETURN o");

	private final Graph graph;

	AccountQueries(Graph graph) {
		this.graph = graph;
	}

	Optional<Organization> organization(String code) {
		return this.graph.one(ORGANIZATION, Graph.parameters("code", code))
			.map(row -> Organization.from(row.get("o").asNode()));
	}

}
