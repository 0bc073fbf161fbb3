package org.partynet.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application over HTTP on a random port, against the in-process Neo4j of
 * {@link InProcessNeo4j}, into which the application loads the sample network. Every test class
 * extending this shares one application context, so the application starts once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "partynet.sample.external=true")
@Import(StatementCounter.Configuration.class)
public abstract class HarnessTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected StatementCounter statements;

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> InProcessNeo4j.get().boltURI().toString());
	}

	public HttpGraphQlTester graphQl() {
		return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl(baseUrl() + "/graphql").build());
	}

	public StatementCounter statements() {
		return this.statements;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
