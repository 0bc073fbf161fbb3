package org.partynet.account;

import java.time.OffsetDateTime;
import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partynet.person.Person;
import org.partynet.security.Role;

/**
 * An account of the graph as the API shows it, never with its password; see
 * {@code ManagedAccount} in schema.graphqls. Its organizations are a batch field.
 */
record ManagedAccount(String username, Role role, Person person, boolean enabled, boolean mustChangePassword,
		OffsetDateTime createdAt, OffsetDateTime lastSignInAt) {

	static ManagedAccount of(Node a, Value person) {
		return new ManagedAccount(a.get("username").asString(), Role.valueOf(a.get("role").asString()),
				person.isNull() ? null : Person.from(person.asNode()), a.get("enabled").asBoolean(),
				a.get("mustChangePassword").asBoolean(false), a.get("createdAt").asOffsetDateTime(),
				a.get("lastSignInAt").asOffsetDateTime(null));
	}

	/** The codes of the accounts' persons, {@code null} for an account without one. */
	static List<String> codes(List<ManagedAccount> accounts) {
		return accounts.stream().map(a -> (a.person() != null) ? a.person().code() : null).toList();
	}

}
