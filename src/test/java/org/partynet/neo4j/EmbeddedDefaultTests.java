package org.partynet.neo4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partynet.PartynetApplication;
import org.partynet.support.ApplicationTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default, as {@code java -jar} runs it: no {@code spring.neo4j.uri}, so
 * Neo4j starts in-process, migrates, loads the sample on first start, and keeps its
 * store.
 */
@ApplicationTest
class EmbeddedDefaultTests {

	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start(String... arguments) {
		List<String> args = new ArrayList<>(List.of(arguments));
		// defaults for what the test does not set itself
		List.of("--server.port=0", "--partynet.embedded.bolt-port=0", "--partynet.embedded.data-dir=" + this.dataDir,
				"--partynet.embedded.page-cache=32MB")
			.stream()
			.filter(arg -> args.stream().noneMatch(given -> given.startsWith(arg.substring(0, arg.indexOf('=') + 1))))
			.forEach(args::add);
		return new SpringApplicationBuilder(PartynetApplication.class).run(args.toArray(String[]::new));
	}

	private static long count(ConfigurableApplicationContext context, String cypher) {
		// Through Bolt from outside, as Neo4j Browser or cypher-shell would connect.
		var uri = context.getBean(EmbeddedNeo4jServer.class).getUri();
		try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none()); var session = driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

	@Test
	void starts_neo4j_in_process_loads_the_sample_once_and_keeps_it_across_restarts() {
		try (var context = start()) {
			assertThat(count(context, "MATCH (g:GridBranch) RETURN count(g)")).isEqualTo(47);
			assertThat(count(context, "MATCH (g:BuildingGroup) RETURN count(g)")).isEqualTo(106);
		}
		try (var context = start()) {
			assertThat(count(context, "MATCH (g:GridBranch) RETURN count(g)")).isEqualTo(47);
			assertThat(count(context, "MATCH (d:Dataset) RETURN count(d)")).isEqualTo(1);
			// the baseline and V0001 to V0008, each applied once
			assertThat(count(context, "MATCH (m:__Neo4jMigration) RETURN count(m)")).isEqualTo(9);
		}
		assertThat(this.dataDir.resolve("data/databases/neo4j")).isDirectory();
	}

	@Test
	void a_bolt_port_in_use_stops_the_start_with_a_clear_message() throws Exception {
		try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> start("--partynet.embedded.bolt-port=" + taken.getLocalPort()).close())
				.hasStackTraceContaining("The embedded Neo4j did not start");
		}
		// and the store is not left locked: the next start works
		try (var context = start()) {
			assertThat(count(context, "MATCH (g:GridBranch) RETURN count(g)")).isEqualTo(47);
		}
	}

	@Test
	void a_contradicting_configuration_stops_the_start_naming_the_property_and_frees_the_store() {
		assertThatThrownBy(() -> start("--partynet.health.committee-min-size=9").close())
			.hasStackTraceContaining("partynet.health.committee-min-size (9) must not be greater than");
		try (var context = start()) {
			assertThat(count(context, "MATCH (g:GridBranch) RETURN count(g)")).isEqualTo(47);
		}
	}

	@Test
	void the_sample_can_be_turned_off() {
		try (var context = start("--partynet.sample.enabled=false")) {
			assertThat(count(context, "MATCH (n:Area) RETURN count(n)")).isZero();
			assertThat(count(context, "SHOW CONSTRAINTS YIELD name WHERE name = 'grid_code' RETURN count(*)"))
				.isEqualTo(1);
		}
	}

}
