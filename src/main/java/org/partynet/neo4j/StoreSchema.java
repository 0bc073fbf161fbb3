package org.partynet.neo4j;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;

import org.springframework.stereotype.Component;

/**
 * The schema of the store the service runs on: the migrations it has and those this
 * release holds (the readiness check, the startup line, the backup's header), and the
 * temporary index a restore looks its nodes up by. Schema statements cannot run in a
 * transaction that writes data, so they run here, each on its own.
 */
@Component
public class StoreSchema {

	private static final List<String> KNOWN = DatabaseSetup.versions(DatabaseSetup.migrationFiles());

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Driver driver;

	StoreSchema(Driver driver) {
		this.driver = driver;
	}

	/** The migrations applied to the store, in order ({@code 0001}, ...). */
	public List<String> applied() {
		try (var session = this.driver.session()) {
			return session.executeRead(tx -> tx.run("""
					MATCH (m:__Neo4jMigration)
					WHERE coalesce(m.migrationTarget, '<default>') = '<default>' AND m.version <> 'BASELINE'
					RETURN m.version AS version ORDER BY version
					""").list(row -> row.get("version").asString()));
		}
	}

	/**
	 * The newest migration applied to the store ({@code 0008}), or {@code null} on a
	 * store never migrated.
	 */
	public String version() {
		List<String> applied = applied();
		return applied.isEmpty() ? null : applied.get(applied.size() - 1);
	}

	/**
	 * The migrations this release holds ({@code cypher/migrations} in the jar), in order.
	 */
	public static List<String> known() {
		return KNOWN;
	}

	/** The newest migration this release holds, or {@code null}. */
	public static String latestKnown() {
		return KNOWN.isEmpty() ? null : KNOWN.get(KNOWN.size() - 1);
	}

	/** Creates a range index and waits until it is online. */
	public void createIndex(String name, String label, String property) {
		check(name, label, property);
		try (var session = this.driver.session()) {
			session.run("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.%s)".formatted(name, label, property))
				.consume();
			session.run("CALL db.awaitIndex($name, 600)", Map.of("name", name)).consume();
		}
	}

	public void dropIndex(String name) {
		check(name);
		try (var session = this.driver.session()) {
			session.run("DROP INDEX %s IF EXISTS".formatted(name)).consume();
		}
	}

	// Names go into the statement's text: only plain identifiers, from the code.
	private static void check(String... names) {
		for (String name : names) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain identifier: " + name);
			}
		}
	}

}
