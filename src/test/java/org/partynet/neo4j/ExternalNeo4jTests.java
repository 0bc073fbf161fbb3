package org.partynet.neo4j;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.partynet.PartynetApplication;
import org.partynet.support.ApplicationTest;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.Neo4jServerProcess;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service against a real Neo4j server in a process of its own, with authentication
 * on, configured as an operator would ({@code NEO4J_URI}, {@code NEO4J_USERNAME},
 * {@code NEO4J_PASSWORD}, which application.yml maps to {@code spring.neo4j.*}): the
 * migrations applied, the sample only when asked for, reads and a mutation, and a wrong
 * password refused at start with a message that says what to fix.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ExternalNeo4jTests {

	private static Neo4jServerProcess server;

	@BeforeAll
	static void startServer() throws Exception {
		server = Neo4jServerProcess.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	private static ConfigurableApplicationContext start(String password, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--NEO4J_URI=" + server.uri(),
				"--NEO4J_USERNAME=" + Neo4jServerProcess.USERNAME, "--NEO4J_PASSWORD=" + password));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(PartynetApplication.class).run(args.toArray(String[]::new));
	}

	private static long count(String cypher) {
		Driver driver = server.driver();
		try (var session = driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

	@Test
	void migrates_the_server_loads_the_sample_only_when_asked_and_reads_and_writes_over_graphql() {
		try (var context = start(Neo4jServerProcess.PASSWORD)) {
			assertThat(context.getBeanProvider(EmbeddedNeo4jServer.class).getIfAvailable()).isNull();
			// the baseline and V0001 to V0008, each applied once
			assertThat(count("MATCH (m:__Neo4jMigration) RETURN count(m)")).isEqualTo(9);
			assertThat(count("MATCH (n:Area|Dataset) RETURN count(n)")).as("no sample unless asked").isZero();
		}
		try (var context = start(Neo4jServerProcess.PASSWORD, "--partynet.sample.external=true")) {
			assertThat(count("MATCH (g:GridBranch) RETURN count(g)")).isEqualTo(47);
			assertThat(count("MATCH (m:__Neo4jMigration) RETURN count(m)")).isEqualTo(9);
			String url = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			var graphQl = HarnessTestSupport.graphQl(url, "orgdept");
			int version = graphQl.document("{ area(code: \"GZ-DJ-C02\") { name version } }")
				.execute()
				.path("area.version")
				.entity(Integer.class)
				.get();
			graphQl
				.document("mutation { updateArea(input: {id: \"Community:GZ-DJ-C02\", version: " + version
						+ ", name: \"外部库社区\"}) { errors { code } } }")
				.execute()
				.path("updateArea.errors")
				.entityList(Object.class)
				.hasSize(0);
			graphQl.document("{ area(code: \"GZ-DJ-C02\") { name } }")
				.execute()
				.path("area.name")
				.entity(String.class)
				.isEqualTo("外部库社区");
			assertThat(count("MATCH (c:Community {code: 'GZ-DJ-C02', name: '外部库社区'}) RETURN count(c)")).isEqualTo(1);
		}
		// a restart with the sample asked for again finds it there and adds nothing
		try (var context = start(Neo4jServerProcess.PASSWORD, "--partynet.sample.external=true")) {
			assertThat(count("MATCH (g:GridBranch) RETURN count(g)")).isEqualTo(47);
			assertThat(count("MATCH (d:Dataset) RETURN count(d)")).isEqualTo(1);
		}
	}

	@Test
	void a_wrong_password_stops_the_start_saying_what_to_set_and_never_the_password(CapturedOutput output) {
		assertThatThrownBy(() -> start("not-the-password").close()).isInstanceOf(RuntimeException.class)
			.hasStackTraceContaining("refused user 'neo4j'");
		String console = output.getAll();
		assertThat(console).contains("APPLICATION FAILED TO START")
			.contains("Neo4j " + server.uri() + " 拒绝了用户 'neo4j' 的登录")
			.contains("Set the environment variables NEO4J_USERNAME and NEO4J_PASSWORD")
			.doesNotContain("not-the-password");
	}

}
