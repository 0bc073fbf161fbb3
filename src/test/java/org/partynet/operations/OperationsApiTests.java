package org.partynet.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.partynet.support.ApplicationTest;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health, metrics and logs of the service as an operator sees them, on the embedded store
 * (the default), over HTTP: one application context for the class.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.neo4j.uri=", "partynet.embedded.bolt-port=0", "partynet.embedded.page-cache=32MB",
				"partynet.metrics.scrape-token=scrape-secret", "partynet.logging.slow-request=0ms" })
class OperationsApiTests {

	private static final Path DATA = temporaryDirectory();

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedNeo4jServer server;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("partynet.embedded.data-dir", DATA::toString);
	}

	private static Path temporaryDirectory() {
		try {
			Path path = Files.createTempDirectory("partynet-operations");
			path.toFile().deleteOnExit();
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private WebTestClient anonymous() {
		return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(60)).build();
	}

	private WebTestClient as(String user) {
		return HarnessTestSupport.web(baseUrl(), user);
	}

	private String prometheus() {
		return as("orgdept").get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void health_answers_anyone_with_the_status_only() {
		// the status, and the names of the probe groups; no check's details
		anonymous().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}",
					org.springframework.test.json.JsonCompareMode.STRICT);
		anonymous().get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
		anonymous().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
	}

	@Test
	void health_shows_its_checks_to_the_organization_department() {
		as("orgdept").get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.neo4j.status")
			.isEqualTo("UP")
			.jsonPath("$.components.migrations.status")
			.isEqualTo("UP")
			.jsonPath("$.components.migrations.details.applied")
			.isEqualTo("0008")
			.jsonPath("$.components.storeDisk.status")
			.isEqualTo("UP")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP");
		as("viewer").get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components")
			.doesNotExist();
	}

	@Test
	void readiness_is_down_while_a_migration_of_the_jar_is_not_applied() {
		try {
			run("MATCH (m:__Neo4jMigration {version: '0008'}) SET m.version = 'hidden-0008'");
			as("orgdept").get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("DOWN")
				.jsonPath("$.components.migrations.details.missing[0]")
				.isEqualTo("0008");
			// liveness is not readiness: the process need not be restarted
			anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		}
		finally {
			run("MATCH (m:__Neo4jMigration {version: 'hidden-0008'}) SET m.version = '0008'");
		}
		anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	/** A statement from outside, through Bolt, as cypher-shell would send it. */
	private void run(String cypher) {
		try (Driver driver = GraphDatabase.driver(this.server.getUri(), AuthTokens.none());
				var session = driver.session()) {
			session.run(cypher).consume();
		}
	}

	@Test
	void only_health_and_prometheus_are_exposed() {
		as("orgdept").get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		as("orgdept").get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
	}

	@Test
	void metrics_are_for_the_organization_department_and_the_scrape_token() {
		anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		as("viewer").get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
		prometheus();
		anonymous().get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer scrape-secret")
			.exchange()
			.expectStatus()
			.isOk();
		anonymous().get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		// the token reads the metrics and nothing else
		anonymous().post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer scrape-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ networkStats { grids } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void graphql_operations_are_timed_by_their_fields_and_errors_counted(CapturedOutput output) {
		HarnessTestSupport.graphQl(baseUrl(), "orgdept")
			.document("query AnyNameAtAll { networkStats { grids } me { username } }")
			.execute();
		as("orgdept").post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ noSuchField }"))
			.exchange()
			.expectStatus()
			.isOk();
		String metrics = prometheus();
		assertThat(metrics).containsPattern("graphql_request_seconds_count\\{[^}]*operation=\"me,networkStats\"");
		assertThat(metrics).containsPattern(
				"partynet_graphql_errors_total\\{[^}]*classification=\"ValidationError\"[^}]*operation=\"invalid\"");
		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/graphql\"");
		// threshold 0 ms: every request is slow
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getAll())
				.containsPattern("slow request POST /graphql operation=me,networkStats \\d+ ms [1-9]\\d* statements"));
	}

	@Test
	void exports_and_imports_are_timed_with_their_rows() {
		byte[] workbook = as("orgdept").get()
			.uri("/export/network.xlsx")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(workbook) {
			@Override
			public String getFilename() {
				return "network.xlsx";
			}
		});
		as("orgdept").post()
			.uri("/import?dryRun=true")
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk();
		String metrics = prometheus();
		assertThat(metrics).containsPattern("partynet_export_seconds_count\\{[^}]*format=\"xlsx\"[^}]*\\} 1");
		assertThat(metrics).containsPattern("partynet_export_rows_sum\\{[^}]*\\} [1-9]");
		assertThat(metrics)
			.containsPattern("partynet_import_seconds_count\\{[^}]*dryRun=\"true\"[^}]*outcome=\"ok\"[^}]*\\} 1");
		assertThat(metrics).containsPattern("partynet_import_rows_sum\\{[^}]*\\} [1-9]");
	}

	@Test
	void sign_in_failures_are_counted_by_method() {
		anonymous().get()
			.uri("/actuator/health")
			.headers(headers -> headers.setBasicAuth("nobody-here", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(prometheus())
			.containsPattern("partynet_sign_in_failures_total\\{[^}]*method=\"basic\"[^}]*\\} [1-9]");
	}

	@Test
	void the_driver_pool_shows_its_connections() {
		HarnessTestSupport.graphQl(baseUrl(), "orgdept").document("{ networkStats { grids } }").execute();
		assertThat(prometheus()).containsPattern("partynet_neo4j_pool_acquired_total\\{pool=\"[^\"]+\"[^}]*\\} [1-9]")
			// the query's connection is back in the pool, idle
			.containsPattern("partynet_neo4j_pool_idle\\{pool=\"[^\"]+\"[^}]*\\} [1-9]");
	}

	@Test
	void a_request_id_is_kept_when_sane_and_made_otherwise() {
		anonymous().get()
			.uri("/actuator/health")
			.header("X-Request-Id", "lb-1234.abc_Z")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "lb-1234.abc_Z");
		String made = anonymous().get()
			.uri("/actuator/health")
			.header("X-Request-Id", "evil\tline injected")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(made).matches("[0-9a-f-]{36}");
		String none = anonymous().get()
			.uri("/actuator/health")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(none).matches("[0-9a-f-]{36}").isNotEqualTo(made);
	}

	@Test
	void the_request_id_is_on_the_request_s_log_lines(CapturedOutput output) {
		anonymous().get()
			.uri("/actuator/health")
			.header("X-Request-Id", "trace-me-42")
			.exchange()
			.expectStatus()
			.isOk();
		// written once the answer is out, so perhaps a moment after the client has it
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getAll())
				.containsPattern("WARN \\[trace-me-42\\].*slow request GET /actuator/health \\d+ ms \\d+ statements"));
	}

	@Test
	void the_startup_line_names_the_store_the_schema_and_the_nodes(CapturedOutput output) {
		assertThat(output.getAll()).containsPattern("partynet ready on embedded Neo4j, store "
				+ java.util.regex.Pattern.quote(DATA.toString()) + ", schema version 0008, [1-9]\\d* nodes");
	}

}
