package org.partynet.support;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.harness.Neo4j;
import org.partynet.graph.Graph;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The fast tier's way to test queries: the service's {@link Graph} on an in-process
 * Neo4j, without Spring, as the organization department (the statement executor reads
 * nothing for a thread with no signed-in account). {@link #sample()} is the shared
 * database with the sample network; a test class with a fixture of its own builds one
 * with {@link InProcessNeo4j#withFixture}.
 */
public abstract class QueryTestSupport {

	@BeforeEach
	void signInAsOrgDept() {
		HarnessTestSupport.signInAs("orgdept", "ROLE_ORG_DEPT");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** The graph of the shared sample network; tests here only read it. */
	protected static Graph sample() {
		return graph(InProcessNeo4j.get());
	}

	/**
	 * The service's graph on that database, outside any transaction (each statement its
	 * own).
	 */
	protected static Graph graph(Neo4j neo4j) {
		return new Graph(Neo4jClient.create(InProcessNeo4j.driver(neo4j)), List.of("SECRETARY", "DEPUTY_SECRETARY"));
	}

}
