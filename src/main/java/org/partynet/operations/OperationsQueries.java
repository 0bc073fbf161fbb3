package org.partynet.operations;

import java.util.List;
import java.util.Map;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.security.Access;

import org.springframework.stereotype.Component;

/**
 * The figures about the database itself that health and the startup line need, run as the
 * service: whoever asks for {@code /actuator/health} (a load balancer has no account)
 * reads no network data through them, only versions and a count.
 */
@Component
class OperationsQueries {

	private static final Statement APPLIED_MIGRATIONS = Statement.privileged("operations.appliedMigrations", """
			MATCH (m:__Neo4jMigration)
			WHERE coalesce(m.migrationTarget, '<default>') = '<default>' AND m.version <> 'BASELINE'
			RETURN m.version AS version ORDER BY version
			""");

	private static final Statement NODE_COUNT = Statement.privileged("operations.nodeCount", """
			MATCH (n) RETURN count(n) AS nodes
			""");

	private final Graph graph;

	OperationsQueries(Graph graph) {
		this.graph = graph;
	}

	/** The schema versions the database has applied, in order. */
	List<String> appliedMigrations() {
		return Access.asService(() -> this.graph.rows(APPLIED_MIGRATIONS, Map.of())
			.stream()
			.map(row -> row.get("version").asString())
			.toList());
	}

	/** Every node of the database, the service's own bookkeeping included. */
	long nodeCount() {
		return Access.asService(() -> this.graph.one(NODE_COUNT, Map.of()).orElseThrow().get("nodes").asLong());
	}

}
