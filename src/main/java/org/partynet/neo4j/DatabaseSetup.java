package org.partynet.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Brings a database up to date: applies the migrations in {@code cypher/migrations}
 * (idempotent, tracked by Neo4j-Migrations in the database itself) and, when asked, loads
 * the sample network into an empty database.
 */
final class DatabaseSetup {

	static final String MIGRATIONS = "cypher/migrations";

	static final String SAMPLE_NETWORK = "classpath:cypher/sample-network.cypher";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseSetup.class);

	// A statement ends with ';' at the end of a line; ';' inside a string literal never
	// does.
	private static final Pattern VERSION = Pattern.compile("/V(\\d+)__[^/]*\\.cypher$");

	private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);

	private DatabaseSetup() {
	}

	static void run(Driver driver, boolean loadSample) {
		migrate(driver);
		if (loadSample) {
			loadSampleIfEmpty(driver);
		}
	}

	static void migrate(Driver driver) {
		List<String> known = versions(migrationFiles());
		String latest = known.isEmpty() ? null : known.get(known.size() - 1);
		refuseUnknownVersions(driver, known, latest);
		if (latest != null && isApplied(driver, latest)) {
			// Neo4j-Migrations checks a lot on every start (connection details, lock
			// constraints, the whole chain), which costs seconds on a cold database; when
			// the newest migration is in, there is nothing to apply.
			logger.info("Database schema at version {}, up to date", latest);
			return;
		}
		var config = MigrationsConfig.builder()
			.withLocationsToScan("classpath:" + MIGRATIONS)
			// Spring's resolver reads inside the executable jar, where the library's own
			// class-path scanning does not look.
			.withResourceScanner(DatabaseSetup::findMigrations)
			.build();
		long begin = System.nanoTime();
		var version = new Migrations(config, driver).apply();
		logger.info("Database schema at version {} ({} ms)", version.map(Object::toString).orElse("none"),
				(System.nanoTime() - begin) / 1_000_000);
	}

	/**
	 * The versions of the migrations, in order: {@code 0001} for {@code V0001__x.cypher}.
	 */
	static List<String> versions(List<URL> migrations) {
		return migrations.stream()
			.map(url -> VERSION.matcher(url.getPath()))
			.filter(Matcher::find)
			.map(matcher -> matcher.group(1))
			.sorted()
			.toList();
	}

	/**
	 * Refuses a database that a newer release has migrated: the older code would run on a
	 * schema it does not know (and, with its newest migration applied, the check above
	 * would even skip Neo4j-Migrations, which would refuse too). Going back to an older
	 * release means restoring the backup taken before the upgrade.
	 */
	private static void refuseUnknownVersions(Driver driver, List<String> known, String latest) {
		List<String> unknown;
		try (var session = driver.session()) {
			unknown = session.executeRead(tx -> tx.run("""
					MATCH (m:__Neo4jMigration)
					WHERE coalesce(m.migrationTarget, '<default>') = '<default>' AND m.version <> 'BASELINE'
					  AND NOT m.version IN $known
					RETURN m.version AS version ORDER BY version
					""", Map.of("known", known)).list(row -> row.get("version").asString()));
		}
		if (!unknown.isEmpty()) {
			throw new IllegalStateException(("数据库结构版本 %s 是更新的版本写入的，本程序只认识到 %s：不能用旧版本打开。"
					+ "要回退，请停止服务，恢复升级前的备份（见运维文档“Backups”一节），再启动旧版本；"
					+ "否则请换回新版本的 jar。 / The database schema holds version %s, written by a newer release; "
					+ "this release knows versions up to %s and will not run on it. To go back, stop the service, "
					+ "restore the backup taken before the upgrade (docs/operations.md, Backups) "
					+ "and start the old release; otherwise run the newer jar again.")
				.formatted(String.join(", ", unknown), latest, String.join(", ", unknown), latest));
		}
	}

	private static boolean isApplied(Driver driver, String version) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run("""
					MATCH (m:__Neo4jMigration {version: $version})
					WHERE coalesce(m.migrationTarget, '<default>') = '<default>'
					RETURN count(m) > 0 AS applied
					""", Map.of("version", version)).single().get("applied").asBoolean());
		}
	}

	/** The migration files on the class path, also inside the executable jar. */
	static List<URL> migrationFiles() {
		return findMigrations(List.of(MIGRATIONS));
	}

	private static List<URL> findMigrations(List<String> locations) {
		var resolver = new PathMatchingResourcePatternResolver();
		List<URL> urls = new ArrayList<>();
		for (String location : locations) {
			try {
				for (Resource resource : resolver.getResources("classpath*:" + location + "/*.cypher")) {
					urls.add(resource.getURL());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return urls;
	}

	/**
	 * Loads the sample network unless the database holds areas already (so never twice).
	 */
	static void loadSampleIfEmpty(Driver driver) {
		try (var session = driver.session()) {
			boolean empty = session.executeRead(tx -> tx.run("MATCH (n:Area|Dataset) RETURN count(n) = 0 AS empty")
				.single()
				.get("empty")
				.asBoolean());
			if (!empty) {
				return;
			}
			List<String> statements = statements(read(SAMPLE_NETWORK));
			long begin = System.nanoTime();
			// One transaction: the sample is there completely or not at all.
			session.executeWriteWithoutResult(tx -> statements.forEach(statement -> tx.run(statement).consume()));
			logger.info("Loaded the sample network ({} statements) in {} ms", statements.size(),
					(System.nanoTime() - begin) / 1_000_000);
		}
	}

	static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		for (String part : STATEMENT_END.split(script)) {
			StringBuilder statement = new StringBuilder();
			part.lines()
				.filter(line -> !line.strip().startsWith("//"))
				.forEach(line -> statement.append(line).append('\n'));
			if (!statement.toString().isBlank()) {
				statements.add(statement.toString().strip());
			}
		}
		return statements;
	}

	static String read(String location) {
		Resource resource = new PathMatchingResourcePatternResolver().getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location, ex);
		}
	}

}
