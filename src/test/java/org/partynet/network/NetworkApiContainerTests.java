package org.partynet.network;

import org.junit.jupiter.api.condition.EnabledIf;
import org.partynet.support.StatementCounter;
import org.partynet.support.ApplicationTest;
import org.partynet.support.HarnessTestSupport;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same API contract against Neo4j 5.26 in a container, as an external server would
 * be. Skipped where no Docker engine runs (as on the project's build machines).
 */
@ApplicationTest
@EnabledIf(value = "org.partynet.support.DockerAvailable#dockerAvailable",
		disabledReason = "No Docker engine here: the Testcontainers Neo4j variant of the API tests is skipped; the in-process variant (NetworkApiHarnessTests) runs the same contract")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "partynet.sample.external=true")
@Import(StatementCounter.Configuration.class)
class NetworkApiContainerTests implements NetworkApiContract {

	@Container
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26").withAdminPassword("container-secret");

	@LocalServerPort
	int port;

	@Autowired
	StatementCounter statements;

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", neo4j::getBoltUrl);
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> "container-secret");
	}

	@Override
	public HttpGraphQlTester graphQl() {
		return HarnessTestSupport.graphQl("http://localhost:" + this.port, "orgdept");
	}

	@Override
	public StatementCounter statements() {
		return this.statements;
	}

}
