package org.partynet.operations;

import java.util.Objects;

import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.partynet.neo4j.StoreSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One line when the service is ready, saying what it runs on: the database (the embedded
 * store's path, or the server's URI), the schema version, and how many nodes it holds, so
 * that "it started on an empty database" or "on the wrong server" shows at a glance.
 */
@Component
class StartupLine {

	static final int ORDER = 0;

	private static final Logger logger = LoggerFactory.getLogger(StartupLine.class);

	private final OperationsQueries queries;

	private final StoreSchema schema;

	private final ObjectProvider<EmbeddedNeo4jServer> embedded;

	private final Environment environment;

	StartupLine(OperationsQueries queries, StoreSchema schema, ObjectProvider<EmbeddedNeo4jServer> embedded,
			Environment environment) {
		this.queries = queries;
		this.schema = schema;
		this.embedded = embedded;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(ORDER)
	void ready() {
		EmbeddedNeo4jServer server = this.embedded.getIfAvailable();
		String database = (server != null) ? "embedded Neo4j, store " + server.storePath()
				: "Neo4j at " + this.environment.getProperty("spring.neo4j.uri");
		try {
			String version = Objects.requireNonNullElse(this.schema.version(), "none");
			logger.info("partynet ready on {}, schema version {}, {} nodes", database, version,
					this.queries.nodeCount());
		}
		catch (RuntimeException ex) {
			// the service is up; readiness says whether the database is
			logger.warn("partynet ready on {}, but the database did not answer: {}", database, ex.toString());
		}
	}

}
