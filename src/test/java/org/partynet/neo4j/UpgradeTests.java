package org.partynet.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partynet.PartynetApplication;
import org.partynet.support.ApplicationTest;
import org.partynet.support.HarnessTestSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An upgrade as a district would run it: the service of this release started on the store
 * the previous release left ({@link PreviousRelease}), on its own data directory as
 * {@code java -jar} runs it. The migrations bring the store forward and only add to it;
 * and a store that a newer release migrated refuses an older jar.
 */
@ApplicationTest
class UpgradeTests {

	// CREATE [TEXT|RANGE|FULLTEXT|POINT|VECTOR|LOOKUP] CONSTRAINT|INDEX name, and DROP
	// ...
	private static final Pattern DECLARED = Pattern
		.compile("(?i)\\b(CREATE|DROP)\\s+(?:\\w+\\s+)?(CONSTRAINT|INDEX)\\s+`?(\\w+)`?");

	/** Held by a running service and renewed while it runs: not the store's content. */
	private static final String LEASE = "Lease";

	@TempDir
	Path dataDir;

	@TempDir
	Path oldMigrations;

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PartynetApplication.class).run("--server.port=0",
				"--partynet.embedded.bolt-port=0", "--partynet.embedded.data-dir=" + this.dataDir,
				"--partynet.embedded.page-cache=32MB");
	}

	private static Driver driver(ConfigurableApplicationContext context) {
		// Through Bolt from outside, as cypher-shell would look at the store.
		return GraphDatabase.driver(context.getBean(EmbeddedNeo4jServer.class).getUri(), AuthTokens.none());
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * Upgrade, restart, and then the way back that is refused: the store, once a newer
	 * release has migrated it, refuses this jar. One story on one store, since each start
	 * costs seconds.
	 */
	@Test
	void the_migrations_bring_a_store_of_the_previous_release_forward_adding_only_and_a_newer_schema_is_refused() {
		List<String> versions = DatabaseSetup.versions(DatabaseSetup.migrationFiles());
		var old = PreviousRelease.build(this.dataDir, this.oldMigrations,
				driver -> new Old(StoreFingerprint.of(driver), chain(driver), chainVersions(driver)));
		assertThat(old.versions()).containsExactlyElementsOf(
				versions.stream().filter(v -> v.compareTo(PreviousRelease.LAST_VERSION) <= 0).toList());
		assertThat(old.fingerprint().labels()).containsKeys("Change", "ImportJournal", "Account", "GridBranch");

		StoreFingerprint endOfRun;
		List<String> chainAfterUpgrade;
		try (var context = start(); Driver driver = driver(context)) {
			// every migration once, in order, the newest being the newest on the class
			// path; the old part of the chain untouched
			assertThat(chainVersions(driver)).containsExactlyElementsOf(versions);
			assertThat(newestInChain(driver)).isEqualTo(versions.get(versions.size() - 1));
			chainAfterUpgrade = chain(driver);
			assertThat(chainAfterUpgrade).containsAll(old.chain());
			assertDeclaredSchemaExists(driver);

			StoreFingerprint after = StoreFingerprint.of(driver);
			assertThat(old.fingerprint().missingFrom(after))
				.as("nodes and relationships lost or changed by the upgrade")
				.isEmpty();
			old.fingerprint()
				.labels()
				.forEach((label, count) -> assertThat(after.labels().get(label)).as(label)
					.isGreaterThanOrEqualTo(count));
			old.fingerprint()
				.types()
				.forEach((type, count) -> assertThat(after.types().get(type)).as(type).isGreaterThanOrEqualTo(count));

			answersReadsAndAMutation(baseUrl(context));
			endOfRun = StoreFingerprint.of(driver, LEASE);
		}

		List<String> newerChain;
		try (var context = start(); Driver driver = driver(context)) {
			StoreFingerprint second = StoreFingerprint.of(driver, LEASE);
			assertThat(second.checksum()).as("a second start changes nothing").isEqualTo(endOfRun.checksum());
			assertThat(second.labels()).isEqualTo(endOfRun.labels());
			assertThat(second.types()).isEqualTo(endOfRun.types());
			assertThat(chain(driver)).isEqualTo(chainAfterUpgrade);
			// then a newer release migrates the store, as Neo4j-Migrations records a
			// migration that this release does not have
			try (var session = driver.session()) {
				session
					.run("""
							MATCH (last:__Neo4jMigration) WHERE NOT (last)-[:MIGRATED_TO]->()
							CREATE (last)-[:MIGRATED_TO {at: datetime(), in: duration('PT0.1S'), by: 'partynet', connectedAs: 'neo4j'}]->
							       (:__Neo4jMigration {version: '9999', description: 'from a newer release', type: 'CYPHER',
							                           source: 'V9999__from_a_newer_release.cypher', checksum: '1'})
							""")
					.consume();
			}
			newerChain = chain(driver);
		}
		// and this jar, started on it again, refuses
		assertThatThrownBy(() -> start().close()).hasStackTraceContaining("9999")
			.hasStackTraceContaining("restore the backup taken before the upgrade")
			.hasStackTraceContaining("升级前的备份");
		// having changed nothing, and without leaving the store locked
		try (StoreOnDisk store = StoreOnDisk.open(this.dataDir)) {
			assertThat(chain(store.driver())).isEqualTo(newerChain);
		}
	}

	private record Old(StoreFingerprint fingerprint, List<String> chain, List<String> versions) {
	}

	private static void answersReadsAndAMutation(String baseUrl) {
		var orgdept = HarnessTestSupport.graphQl(baseUrl, "orgdept");
		orgdept.document("{ organization(code: \"%s\") { name version } }".formatted(PreviousRelease.RENAMED))
			.execute()
			.path("organization.version")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("organization.name")
			.entity(String.class)
			.satisfies(name -> assertThat(name).endsWith("（更名）"));
		orgdept.document("{ changes(first: 10) { nodes { id operation } } }")
			.execute()
			.path("changes.nodes[*].id")
			.entityList(String.class)
			.contains(PreviousRelease.CHANGE, PreviousRelease.IMPORT, PreviousRelease.DISSOLUTION);
		// the account made before the upgrade still signs in
		HarnessTestSupport.graphQl(baseUrl, PreviousRelease.ACCOUNT)
			.document("{ me { role } }")
			.execute()
			.path("me.role")
			.entity(String.class)
			.isEqualTo("SECRETARY");
		orgdept.document("""
				mutation { updateOrganization(input: {id: "GridBranch:%s", version: 1, name: "升级后的名称"}) {
				  organization { name version } errors { code message } } }""".formatted(PreviousRelease.RENAMED))
			.execute()
			.path("updateOrganization.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateOrganization.organization.version")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	/**
	 * Every constraint and index that a migration on the class path creates (and none
	 * drops).
	 */
	private static void assertDeclaredSchemaExists(Driver driver) {
		Set<String> constraints = new TreeSet<>();
		Set<String> indexes = new TreeSet<>();
		for (URL url : sorted(DatabaseSetup.migrationFiles())) {
			Matcher matcher = DECLARED.matcher(read(url));
			while (matcher.find()) {
				Set<String> names = matcher.group(2).equalsIgnoreCase("CONSTRAINT") ? constraints : indexes;
				if (matcher.group(1).equalsIgnoreCase("CREATE")) {
					names.add(matcher.group(3));
				}
				else {
					names.remove(matcher.group(3));
				}
			}
		}
		assertThat(constraints).contains("grid_code", "account_key");
		assertThat(indexes).contains("name_fulltext", "change_at");
		try (var session = driver.session()) {
			session.run("CALL db.awaitIndexes(60)").consume();
			List<String> existing = session.run("SHOW CONSTRAINTS YIELD name RETURN name")
				.list(r -> r.get(0).asString());
			assertThat(existing).containsAll(constraints);
			List<String> online = session.run("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")
				.list(r -> r.get(0).asString());
			assertThat(online).containsAll(indexes);
		}
	}

	private static List<String> chainVersions(Driver driver) {
		try (var session = driver.session()) {
			return session.run("""
					MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE'
					RETURN m.version ORDER BY m.version
					""").list(r -> r.get(0).asString());
		}
	}

	private static String newestInChain(Driver driver) {
		try (var session = driver.session()) {
			return session.run("""
					MATCH (:__Neo4jMigration {version: 'BASELINE'})-[:MIGRATED_TO*]->(last:__Neo4jMigration)
					WHERE NOT (last)-[:MIGRATED_TO]->()
					RETURN last.version
					""").single().get(0).asString();
		}
	}

	/**
	 * The chain's nodes and links, one line each with all their properties (what ran,
	 * when and how), so that an old chain is a part of the chain it grew into.
	 */
	private static List<String> chain(Driver driver) {
		try (var session = driver.session()) {
			List<String> lines = new ArrayList<>(session.run("MATCH (m:__Neo4jMigration) RETURN m {.*} AS m")
				.list(r -> "N " + new TreeMap<>(r.get("m").asMap())));
			lines.addAll(session.run("""
					MATCH (m:__Neo4jMigration)-[r]->(next:__Neo4jMigration)
					RETURN m.version AS from, type(r) AS type, properties(r) AS link, next.version AS to
					""")
				.list(r -> "L " + r.get("from").asString() + " " + r.get("type").asString() + " "
						+ r.get("to").asString() + " " + new TreeMap<>(r.get("link").asMap())));
			lines.sort(null);
			return lines;
		}
	}

	private static List<URL> sorted(List<URL> urls) {
		return urls.stream()
			.sorted(Comparator.comparing(url -> url.getPath().substring(url.getPath().lastIndexOf('/'))))
			.toList();
	}

	private static String read(URL url) {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
