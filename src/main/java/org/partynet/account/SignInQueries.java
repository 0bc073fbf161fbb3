package org.partynet.account;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partynet.audit.AuditRecordQueries;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.model.Operation;
import org.partynet.person.Person;
import org.partynet.security.AccountDirectory;
import org.partynet.security.Access;
import org.partynet.security.Role;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts of the graph, {@code (:Account)-[:OF]->(:Person)}: what sign-in asks for
 * ({@link AccountDirectory}, run as the service's own work, as nobody is signed in yet)
 * and the statements of the accounts page. The password hash never leaves this class but
 * to the sign-in check.
 */
@Component
class SignInQueries implements AccountDirectory {

	private static final String RETURN = "RETURN a, [(a)-[:OF]->(p:Person) | p.code][0] AS person";

	private static final Statement BY_KEY = Statement.privileged("account.byKey",
			"MATCH (a:Account {key: $key})\n" + RETURN);

	private static final Statement BY_PERSON = Statement.privileged("account.byPerson",
			"MATCH (a:Account)-[:OF]->(:Person {code: $person})\n" + RETURN + "\nORDER BY a.key LIMIT 1");

	private static final Statement SET_PASSWORD = Statement.write("account.setPassword", """
			MATCH (a:Account {key: $key})
			SET a.password = $hash, a.mustChangePassword = $oneTime, a.stamp = a.stamp + 1,
			    a.passwordChangedAt = datetime({timezone: 'UTC'})
			""" + RETURN);

	// Bookkeeping, not a change of the network: a sign-in does not wait for a backup, and
	// runs in no transaction of its own.
	private static final Statement SIGNED_IN = Statement.bookkeeping("account.signedIn",
			"MATCH (a:Account {key: $key}) SET a.lastSignInAt = datetime({timezone: 'UTC'})");

	private final Graph graph;

	private final AuditRecordQueries audit;

	private final TransactionTemplate transactions;

	SignInQueries(Graph graph, AuditRecordQueries audit, PlatformTransactionManager transactionManager) {
		this.graph = graph;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	static String key(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	@Override
	public Optional<StoredAccount> byUsername(String username) {
		return Access
			.asService(() -> this.graph.one(BY_KEY, Graph.parameters("key", key(username))).map(SignInQueries::stored));
	}

	@Override
	public Optional<StoredAccount> byPersonCode(String personCode) {
		return org.partynet.security.Access.asService(
				() -> this.graph.one(BY_PERSON, Graph.parameters("person", personCode)).map(SignInQueries::stored));
	}

	@Override
	public StoredAccount changePassword(String username, String passwordHash) {
		String user = Access.username();
		return Access.asService(() -> this.transactions.execute(status -> {
			StoredAccount account = setPassword(username, passwordHash, false);
			this.audit.record(user, Operation.CHANGE_PASSWORD,
					"修改密码：" + account.username() + " / changed the password of " + account.username(),
					Map.of("username", account.username()), List.of(), List.of(),
					(account.person() != null) ? List.of(account.person()) : List.of());
			return account;
		}));
	}

	/** Sets a password (a one-time one, or the user's own); the stamp changes. */
	StoredAccount setPassword(String username, String passwordHash, boolean oneTime) {
		return this.graph
			.one(SET_PASSWORD, Graph.parameters("key", key(username), "hash", passwordHash, "oneTime", oneTime))
			.map(SignInQueries::stored)
			.orElseThrow(() -> new IllegalStateException("No account " + username));
	}

	/** Notes a sign-in through the login form or single sign-on. */
	void signedIn(String username) {
		this.graph.run(SIGNED_IN, Graph.parameters("key", key(username)));
	}

	static StoredAccount stored(Record row) {
		Node a = row.get("a").asNode();
		return new StoredAccount(a.get("username").asString(), a.get("password").asString(null),
				Role.valueOf(a.get("role").asString()), row.get("person").asString(null), a.get("enabled").asBoolean(),
				a.get("mustChangePassword").asBoolean(false), a.get("stamp").asLong());
	}

	/** What the audit trail keeps of an account: never its password. */
	static Map<String, Object> state(Node a, String person) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", a.get("username").asString());
		state.put("role", a.get("role").asString());
		state.put("person", person);
		state.put("enabled", a.get("enabled").asBoolean());
		state.put("mustChangePassword", a.get("mustChangePassword").asBoolean(false));
		return state;
	}

}
