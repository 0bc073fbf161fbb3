package org.partynet.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date before the service answers: applies the migrations in
 * {@code cypher/migrations} (idempotent, tracked by Neo4j-Migrations in the database itself), then
 * loads the sample network into an empty database when {@link SampleNetworkProperties} say so.
 */
@Component
class DatabaseInitializer implements InitializingBean {

	static final String MIGRATIONS = "cypher/migrations";

	static final String SAMPLE_NETWORK = "classpath:cypher/sample-network.cypher";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseInitializer.class);

	// A statement ends with ';' at the end of a line; ';' inside a string literal never does.
	private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);

	private final Driver driver;

	private final SampleNetworkProperties sample;

	private final boolean embedded;

	DatabaseInitializer(Driver driver, SampleNetworkProperties sample, ObjectProvider<EmbeddedNeo4jServer> embedded) {
		this.driver = driver;
		this.sample = sample;
		this.embedded = embedded.getIfAvailable() != null;
	}

	@Override
	public void afterPropertiesSet() {
		migrate();
		if (this.sample.enabled() && (this.embedded || this.sample.external())) {
			loadSampleIfEmpty();
		}
	}

	private void migrate() {
		var config = MigrationsConfig.builder()
			.withLocationsToScan("classpath:" + MIGRATIONS)
			// Spring's resolver reads inside the executable jar, where class-path scanning of the
			// library does not look.
			.withResourceScanner(DatabaseInitializer::findMigrations)
			.build();
		var version = new Migrations(config, this.driver).apply();
		logger.info("Database schema at version {}", version.map(Object::toString).orElse("none"));
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

	private void loadSampleIfEmpty() {
		try (var session = this.driver.session()) {
			boolean empty = session.executeRead(tx -> tx.run("MATCH (n:Area|Dataset) RETURN count(n) = 0 AS empty")
				.single()
				.get("empty")
				.asBoolean());
			if (!empty) {
				return;
			}
			List<String> statements = statements(read(SAMPLE_NETWORK));
			long started = System.nanoTime();
			// One transaction: the sample is there completely or not at all.
			session.executeWriteWithoutResult(tx -> statements.forEach(statement -> tx.run(statement).consume()));
			logger.info("Loaded the sample network ({} statements) in {} ms", statements.size(),
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		for (String part : STATEMENT_END.split(script)) {
			String statement = part.lines()
				.filter(line -> !line.strip().startsWith("//"))
				.reduce("", (a, b) -> a + b + "\n")
				.strip();
			if (!statement.isEmpty()) {
				statements.add(statement);
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
