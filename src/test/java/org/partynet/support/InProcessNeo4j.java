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

	public static synchronized Neo4j get() {
		if (neo4j == null) {
			neo4j = Neo4jBuilders.newInProcessBuilder()
				.withDisabledServer()
				.withConfig(org.neo4j.configuration.connectors.BoltConnectorInternalSettings.enable_local_connector, false)
				.build();
			Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
		}
		return neo4j;
	}

}
