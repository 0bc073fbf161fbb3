package org.partynet.support;

import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One real Neo4j for the whole test run, in this JVM (the neo4j-harness): Bolt only, no HTTP
 * server, which would need Jersey 2 and javax classes that Boot 4 does not bring.
 */
public final class InProcessNeo4j {

	private static Neo4j neo4j;

	private InProcessNeo4j() {
	}

	/** The shared one, into which the first application context loads the sample. */
	public static synchronized Neo4j get() {
		if (neo4j == null) {
			neo4j = fresh();
		}
		return neo4j;
	}

	/** One of its own, for tests that change the data; closed when the JVM ends. */
	public static Neo4j fresh() {
		Neo4j created = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(org.neo4j.configuration.connectors.BoltConnectorInternalSettings.enable_local_connector, false)
			.build();
		Runtime.getRuntime().addShutdownHook(new Thread(created::close));
		return created;
	}

}
