package org.partynet.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Transaction;
import org.partynet.PartynetApplication;
import org.partynet.support.ApplicationTest;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.Neo4jServerProcess;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one external Neo4j (a server in a process of its own,
 * with authentication), as behind a load balancer: what must be shared is in the
 * database. An import on A holds the lease, so B refuses a second one and shows A's
 * progress to the same user; a mutation on A is read on B at once; failed sign-ins on A
 * lock the account on B.
 */
@ApplicationTest
class TwoInstancesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Neo4jServerProcess server;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() throws Exception {
		server = Neo4jServerProcess.start();
		a = instance("--partynet.sample.external=true");
		b = instance();
	}

	@AfterAll
	static void stop() throws Exception {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		server.close();
	}

	private static ConfigurableApplicationContext instance(String... more) {
		String[] args = java.util.stream.Stream
			.concat(java.util.stream.Stream.of("--server.port=0", "--spring.neo4j.uri=" + server.uri(),
					"--spring.neo4j.authentication.username=" + Neo4jServerProcess.USERNAME,
					"--spring.neo4j.authentication.password=" + Neo4jServerProcess.PASSWORD,

					"--partynet.import.batch-size=10", "--partynet.security.sign-in.delay=0s",
					"--partynet.security.sign-in.shared=true"), java.util.stream.Stream.of(more))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(PartynetApplication.class).run(args);
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void a_second_import_on_the_other_instance_is_refused_and_shows_the_first_ones_progress() throws Exception {
		Map<String, List<Map<String, Object>>> network = ImportFixture.network("TW");
		network.get("people").add(ImportFixture.row("code", "RY30001", "name", "赵明远二", "gender", "男"));
		byte[] workbook = ImportFixture.xlsx(network);
		CompletableFuture<HttpResponse<String>> first;
		// The test holds a write lock on a person the import changes, so that A's import
		// waits in its writing until the test lets go: as slow as the test needs, and
		// no slower.
		try (var session = server.driver().session(); Transaction hold = session.beginTransaction()) {
			hold.run("MATCH (p:Person {code: 'RY30001'}) SET p.name = p.name").consume();
			first = upload(url(a), workbook);
			Map<String, Object> seen = awaitWriting(url(b));
			assertThat(seen).containsEntry("phase", "writing");
			assertThat(((Number) seen.get("total")).longValue()).isPositive();
			HttpResponse<String> second = upload(url(b), workbook).get(60, TimeUnit.SECONDS);
			assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
			assertThat(second.body()).contains("另一个导入正在进行：orgdept 自")
				.contains("Another import is running: orgdept since");
			// another user sees no import of their own
			assertThat(parse(get(url(b), "/import/progress", "viewer"))).containsEntry("phase", "idle");
			hold.rollback();
		}
		HttpResponse<String> answer = first.get(2, TimeUnit.MINUTES);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(parse(answer.body())).containsEntry("updated", 1);
		// the lease is free again: B imports (nothing left to change)
		HttpResponse<String> again = upload(url(b), workbook).get(2, TimeUnit.MINUTES);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(parse(again.body())).containsEntry("created", 0).containsEntry("updated", 0);
		assertThat(parse(get(url(a), "/import/progress", "orgdept"))).containsEntry("phase", "idle");
	}

	@Test
	void a_mutation_on_one_instance_is_read_on_the_other_at_once() {
		var onA = HarnessTestSupport.graphQl(url(a), "orgdept");
		var onB = HarnessTestSupport.graphQl(url(b), "orgdept");
		int version = onB.document("{ area(code: \"GZ-DJ-C03\") { version } }")
			.execute()
			.path("area.version")
			.entity(Integer.class)
			.get();
		onA.document("mutation { updateArea(input: {id: \"Community:GZ-DJ-C03\", version: " + version
				+ ", name: \"两实例社区\"}) { errors { code } } }")
			.execute()
			.path("updateArea.errors")
			.entityList(Object.class)
			.hasSize(0);
		onB.document("{ area(code: \"GZ-DJ-C03\") { name version } }")
			.execute()
			.path("area.name")
			.entity(String.class)
			.isEqualTo("两实例社区")
			.path("area.version")
			.entity(Integer.class)
			.isEqualTo(version + 1);
	}

	@Test
	void failed_sign_ins_on_one_instance_lock_the_account_on_the_other() throws Exception {
		assertThat(status(url(b), "viewer", HarnessTestSupport.DEMO_PASSWORD)).isEqualTo(200);
		for (int i = 1; i <= 5; i++) {
			assertThat(status(url(a), "viewer", "wrong-" + i)).isEqualTo(401);
		}
		assertThat(status(url(b), "viewer", HarnessTestSupport.DEMO_PASSWORD)).as("locked on B too").isEqualTo(429);
		assertThat(status(url(a), "orgdept", HarnessTestSupport.DEMO_PASSWORD)).isEqualTo(200);
	}

	private static int status(String base, String user, String password) throws Exception {
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http
			.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
				.header("Authorization", basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { role } }\"}"))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static Map<String, Object> awaitWriting(String base) throws Exception {
		long started = System.nanoTime();
		while (System.nanoTime() - started < Duration.ofMinutes(1).toNanos()) {
			Map<String, Object> progress = parse(get(base, "/import/progress", "orgdept"));
			if ("writing".equals(progress.get("phase"))) {
				return progress;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("The import on A did not reach its writing");
	}

	private static CompletableFuture<HttpResponse<String>> upload(String base, byte[] workbook) throws IOException {
		String boundary = "partynet-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"network.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(workbook);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/import"))
			.header("Authorization", HarnessTestSupport.basic("orgdept"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String get(String base, String path, String user) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", HarnessTestSupport.basic(user))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

}
