package org.partynet.security;

import java.util.Optional;

import org.partynet.organization.Organization;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization of a secretary's account. */
@Service
@Transactional(readOnly = true)
class AccountQueries {

	private final Neo4jClient neo4j;

	AccountQueries(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	Optional<Organization> organization(String code) {
		return this.neo4j.query("MATCH (o:PartyOrganization {code: $code}) RETURN o")
			.bind(code)
			.to("code")
			.fetchAs(Organization.class)
			.mappedBy((types, row) -> Organization.from(row.get("o").asNode()))
			.one();
	}

}
