package org.partynet.operations;

import java.util.Map;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.security.Access;

import org.springframework.stereotype.Component;

/**
 * The figure about the database itself that the startup line gives, run as the service:
 * how many nodes it holds.
 */
@Component
class OperationsQueries {

	private static final Statement NODE_COUNT = Statement.privileged("operations.nodeCount", """
			MATCH (n) RETURN count(n) AS nodes
			""");

	private final Graph graph;

	OperationsQueries(Graph graph) {
		this.graph = graph;
	}

	/** Every node of the database, the service's own bookkeeping included. */
	long nodeCount() {
		return Access.asService(() -> this.graph.one(NODE_COUNT, Map.of()).orElseThrow().get("nodes").asLong());
	}

}
