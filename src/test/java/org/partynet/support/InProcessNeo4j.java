package org.partynet.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.partynet.neo4j.SampleDatabase;

/**
 * The one way a test gets a real Neo4j: in this JVM (the neo4j-harness), Bolt only, no
 * HTTP server, which would need Jersey 2 and javax classes that Boot 4 does not bring.
 * Every database made here is closed when the JVM ends; {@link #driver} gives each one
 * driver, also closed then.
 */
public final class InProcessNeo4j {

	private static Neo4j shared;

	private static final Map<String, Neo4j> own = new ConcurrentHashMap<>();

	private static final Map<Neo4j, Driver> drivers = new ConcurrentHashMap<>();

	private InProcessNeo4j() {
	}

	/**
	 * The shared one, with the migrations and the sample network: read by the query tests
	 * without Spring and by the application contexts of {@link HarnessTestSupport}, which
	 * find it set up. Tests that change data use one of their own.
	 */
	public static synchronized Neo4j get() {
		if (shared == null) {
			shared = fresh();
			SampleDatabase.setUp(driver(shared));
		}
		return shared;
	}

	/** An empty one of its own. */
	public static Neo4j fresh() {
		return start(builder());
	}

	/**
	 * One of its own holding what the Cypher fixtures create, in order; no migrations.
	 */
	public static Neo4j withFixture(String... cypher) {
		Neo4jBuilder builder = builder();
		for (String fixture : cypher) {
			builder = builder.withFixture(fixture);
		}
		return start(builder);
	}

	/**
	 * The empty one of that name, the same for every caller in this JVM: the database of
	 * the application context of a test class that changes data (see
	 * {@link HarnessTestSupport#ownDatabase}).
	 */
	public static Neo4j own(String name) {
		return own.computeIfAbsent(name, (key) -> fresh());
	}

	/** The driver of a database made here. */
	public static Driver driver(Neo4j neo4j) {
		return drivers.computeIfAbsent(neo4j, (key) -> {
			Driver driver = GraphDatabase.driver(key.boltURI(), AuthTokens.none());
			// Registered after the database's own hook; hooks run in no order, and
			// closing a driver whose server is gone is harmless.
			Runtime.getRuntime().addShutdownHook(new Thread(driver::close));
			return driver;
		});
	}

	private static Neo4jBuilder builder() {
		return Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(org.neo4j.configuration.connectors.BoltConnectorInternalSettings.enable_local_connector, false);
	}

	private static Neo4j start(Neo4jBuilder builder) {
		Neo4j created = builder.build();
		Runtime.getRuntime().addShutdownHook(new Thread(created::close));
		return created;
	}

}
