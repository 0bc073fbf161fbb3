package org.partynet.neo4j;

import java.util.List;

/**
 * The schema versions this release carries ({@code cypher/migrations} in the jar), for
 * those who compare them with what the database has applied (the readiness check, the
 * startup line).
 */
public final class KnownMigrations {

	private static final List<String> VERSIONS = DatabaseSetup.versions(DatabaseSetup.migrationFiles());

	private KnownMigrations() {
	}

	/** The versions, in order: {@code 0001} for {@code V0001__x.cypher}. */
	public static List<String> versions() {
		return VERSIONS;
	}

	/** The newest version, or {@code null} when the jar holds no migration. */
	public static String latest() {
		return VERSIONS.isEmpty() ? null : VERSIONS.get(VERSIONS.size() - 1);
	}

}
