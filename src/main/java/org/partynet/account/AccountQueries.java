package org.partynet.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partynet.graph.Graph;
import org.partynet.graphql.Paging;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for {@code me} and the accounts page: one statement each. */
@Service
@Transactional(readOnly = true)
class AccountQueries {

	private final Graph graph;

	AccountQueries(Graph graph) {
		this.graph = graph;
	}

	/**
	 * For a secretary, the organizations they read today, highest level first; empty for
	 * everyone else.
	 */
	List<Organization> organizations() {
		List<String> roots = this.graph.roots();
		if (roots == null || roots.isEmpty()) {
			return List.of();
		}
		return this.graph.rows(AccountStatements.BY_CODES, Graph.parameters("codes", roots))
			.stream()
			.map(row -> Organization.from(row.get("o").asNode()))
			.toList();
	}

	/**
	 * The signed-in account's person, as the reader may see them; {@code null} if not.
	 */
	Person person(String code) {
		return this.graph.one(AccountStatements.ME, Graph.parameters("code", code))
			.map(row -> Person.from(row.get("p").asNode()))
			.orElse(null);
	}

	/** For each person's code, the organizations their secretary's account reads. */
	Map<String, List<Organization>> organizations(List<String> persons) {
		Map<String, List<Organization>> organizations = new HashMap<>();
		List<String> codes = persons.stream().filter(Objects::nonNull).distinct().toList();
		if (codes.isEmpty()) {
			return organizations;
		}
		for (Record row : this.graph.rows(AccountStatements.ORGANIZATIONS,
				Graph.parameters("persons", codes, "posts", this.graph.secretaryPosts()))) {
			organizations.put(row.get("code").asString(),
					row.get("organizations").asList(v -> Organization.from(v.asNode())));
		}
		return organizations;
	}

	Paging.Connection<ManagedAccount> page(String search, Role role, int first, String after) {
		Record row = this.graph
			.one(AccountStatements.PAGE, Graph.parameters("search", search, "role", (role != null) ? role.name() : null,
					"after", (after != null) ? SignInQueries.key(after) : null, "limit", first + 1))
			.orElseThrow();
		List<ManagedAccount> accounts = new ArrayList<>();
		for (Value x : row.get("page").values()) {
			accounts.add(ManagedAccount.of(x.get("a").asNode(), x.get("p")));
		}
		return Paging.connection(accounts, first, after != null, row.get("totalCount").asInt(),
				ManagedAccount::username);
	}

}
