package org.partynet.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * A store as the previous release left it: its schema (the migrations up to
 * {@link #LAST_VERSION}, applied by Neo4j-Migrations from a folder holding only those),
 * the sample network, and data of every kind the later migrations must carry, written the
 * way that release's service writes it: the audit record of a mutation, the journals and
 * audit record of an import, an account, and items ended by changes (the sample has ended
 * posts and grids of its own).
 */
final class PreviousRelease {

	/** The newest migration of the release before issue 19. */
	static final String LAST_VERSION = "0005";

	static final String RENAMED = "GZ-DJ-C05-ZB01";

	static final String DISSOLVED = "GZ-DJ-C06-ZB01-XZ01";

	static final String CHANGE = "0bd0ade0-0000-4000-8000-000000000001";

	static final String IMPORT = "0bd0ade0-0000-4000-8000-000000000002";

	static final String UNDONE_IMPORT = "0bd0ade0-0000-4000-8000-000000000003";

	static final String DISSOLUTION = "0bd0ade0-0000-4000-8000-000000000004";

	/** An account of the graph, password {@code demo} as the demo accounts. */
	static final String ACCOUNT = "wang.secretary";

	private PreviousRelease() {
	}

	/**
	 * Makes the store in that data directory, copying the old migrations into the empty
	 * folder {@code migrations}; {@code look} reads it before it is closed.
	 */
	static <T> T build(Path dataDir, Path migrations, Function<Driver, T> look) {
		copyOldMigrations(migrations);
		try (StoreOnDisk store = StoreOnDisk.open(dataDir)) {
			Driver driver = store.driver();
			var config = MigrationsConfig.builder().withLocationsToScan("file:" + migrations.toAbsolutePath()).build();
			String version = new Migrations(config, driver).apply().map(MigrationVersion::getValue).orElse("none");
			if (!LAST_VERSION.equals(version)) {
				throw new IllegalStateException("The old migrations ended at " + version);
			}
			DatabaseSetup.loadSampleIfEmpty(driver);
			addData(driver);
			return look.apply(driver);
		}
	}

	private static void copyOldMigrations(Path folder) {
		for (URL url : DatabaseSetup.migrationFiles()) {
			String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
			List<String> version = DatabaseSetup.versions(List.of(url));
			if (version.isEmpty() || version.get(0).compareTo(LAST_VERSION) > 0) {
				continue;
			}
			try (InputStream in = url.openStream()) {
				Files.copy(in, folder.resolve(name));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static void addData(Driver driver) {
		try (var session = driver.session()) {
			session.executeWriteWithoutResult(tx -> {
				// updateOrganization: the name, the version bumped, the audit record
				// with its snapshots and the link to what it affected
				String old = tx.run("MATCH (o:GridBranch {code: $code}) RETURN o.name", Map.of("code", RENAMED))
					.single()
					.get(0)
					.asString();
				String name = old + "（更名）";
				String snapshot = """
						{"%s": {"label": "GridBranch", "properties": {"code": "%s", "name": "%s"%s}, "relationships": []}}""";
				tx.run("""
						MATCH (o:GridBranch {code: $code})
						SET o.name = $name, o.version = 1
						CREATE (c:Change {id: $id, at: datetime('2026-11-20T02:00:00Z'), user: 'orgdept',
						                  operation: 'updateOrganization', summary: '更名 ' + $old + ' 为 ' + $name,
						                  input: $input, before: $before, after: $after,
						                  scopes: ['GZ-DJ', 'GZ-DJ-C05', 'GZ-DJ-C05-SQDW', $code, 'GZ-DJ-DGW']})
						CREATE (c)-[:AFFECTED]->(o)
						""",
						Map.of("code", RENAMED, "id", CHANGE, "old", old, "name", name, "input",
								"{\"id\": \"GridBranch:%s\", \"version\": 0, \"name\": \"%s\"}".formatted(RENAMED,
										name),
								"before", snapshot.formatted(RENAMED, RENAMED, old, ""), "after",
								snapshot.formatted(RENAMED, RENAMED, name, ", \"version\": 1")))
					.consume();
				// dissolveOrganization: the group and its current relationships ended
				long ended = tx.run("""
						MATCH (o:BuildingGroup {code: $code})
						CREATE (c:Change {id: $id, at: datetime('2026-11-21T02:00:00Z'), user: 'orgdept',
						                  operation: 'dissolveOrganization', summary: '撤销 ' + o.name,
						                  input: '{"id": "BuildingGroup:' + $code + '", "on": "2026-11-21"}',
						                  before: '{}', after: '{}', scopes: ['GZ-DJ', 'GZ-DJ-C06', $code]})
						CREATE (c)-[:AFFECTED]->(o)
						WITH o
						OPTIONAL MATCH (o)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-()
						SET r.until = date('2026-11-21'), r.endedBy = $id
						SET o.until = date('2026-11-21'), o.endedBy = $id
						RETURN count(DISTINCT o) AS ended
						""", Map.of("code", DISSOLVED, "id", DISSOLUTION)).single().get(0).asLong();
				if (ended != 1) {
					throw new IllegalStateException("No building group " + DISSOLVED + " in the sample");
				}
				// an import that finished (its journal stays as a record, its audit
				// record
				// commits it) and one undone at a start after a crash
				tx.run("""
						CREATE (:ImportJournal {id: $done, state: 'DONE', startedAt: datetime('2026-11-22T02:00:00Z'),
						                        heartbeatAt: datetime('2026-11-22T02:00:05Z'), user: 'orgdept',
						                        file: '东街街道.xlsx', batches: 3, endedAt: datetime('2026-11-22T02:00:06Z'),
						                        changeId: $done})
						CREATE (:Change {id: $done, at: datetime('2026-11-22T02:00:06Z'), user: 'orgdept',
						                 operation: 'importNetwork', summary: '导入 东街街道.xlsx：新增 0，更新 2，终止 0',
						                 input: '{"file": "东街街道.xlsx", "created": 0, "updated": 2, "ended": 0, "unchanged": 1400}',
						                 before: '{}', after: '{}', scopes: ['GZ-DJ']})
						CREATE (:ImportJournal {id: $undone, state: 'UNDONE', startedAt: datetime('2026-11-23T02:00:00Z'),
						                        heartbeatAt: datetime('2026-11-23T02:00:01Z'), user: 'orgdept',
						                        file: '东街街道.xlsx', batches: 1, endedAt: datetime('2026-11-23T03:00:00Z'),
						                        reason: '中断（服务崩溃或被终止），启动时撤销 / cut short (the service crashed or was killed), undone at start'})
						""",
						Map.of("done", IMPORT, "undone", UNDONE_IMPORT))
					.consume();
				// an account made on the accounts page, its one-time password changed
				long accounts = tx
					.run("""
							MATCH (p:Person)-[h:HOLDS {role: 'SECRETARY'} WHERE h.until IS NULL]->(:CommunityCommittee {code: 'GZ-DJ-C02-SQDW'})
							WITH p LIMIT 1
							CREATE (a:Account {username: 'Wang.Secretary', key: $key, password: $hash, role: 'SECRETARY',
							                   enabled: true, mustChangePassword: false, stamp: 2,
							                   createdAt: datetime('2026-11-24T02:00:00Z'),
							                   passwordChangedAt: datetime('2026-11-24T03:00:00Z')})-[:OF]->(p)
							RETURN count(a)
							""",
							Map.of("key", ACCOUNT, "hash",
									PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("demo")))
					.single()
					.get(0)
					.asLong();
				if (accounts != 1) {
					throw new IllegalStateException("No secretary of GZ-DJ-C02-SQDW in the sample");
				}
			});
		}
	}

}
