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
		List<URL> migrations = findMigrations(List.of(MIGRATIONS));
		String latest = migrations.stream()
			.map(url -> VERSION.matcher(url.getPath()))
			.filter(Matcher::find)
			.map(matcher -> matcher.group(1))
			.max(String::compareTo)
			.orElse(null);
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

	private static boolean isApplied(Driver driver, String version) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run("""
					MATCH (m:__Neo4jMigration {version: $version})
					WHERE coalesce(m.migrationTarget, '<default>') = '<default>'
					RETURN count(m) > 0 AS applied
					""", Map.of("version", version)).single().get("applied").asBoolean());
		}
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
