package org.partynet.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partynet.PartynetApplication;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.ApplicationTest;
import org.partynet.support.GraphDump;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of an import, for real: the application in a JVM of its
 * own (the test's class path, the README's {@code -Xmx512m -XX:+UseSerialGC}, the
 * embedded Neo4j on a fresh store, small write batches so that an import of a few
 * thousand rows takes many), killed at three random moments of the writing, each time
 * started again on the same store: the graph is either as before the import or as after
 * the whole import, never in between.
 */
@ApplicationTest
class ImportKillTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Streets of the fixture's shape, 14 rows each. */
	private static final int STREETS = 250;

	@Test
	void a_kill_at_any_moment_of_an_import_leaves_all_or_nothing_after_a_restart() throws Exception {
		byte[] workbook = ImportFixture.xlsx(network());
		Random random = new Random();
		double[] moments = { 0.05 + 0.25 * random.nextDouble(), 0.35 + 0.3 * random.nextDouble(),
				0.7 + 0.25 * random.nextDouble() };
		// One store throughout: each restart finds the import undone (or, if the kill
		// came after its commit, complete), and the next kill is tried on it; starts are
		// what takes the time.
		Path store = Files.createTempDirectory("partynet-kill");
		List<String> before;
		Map<String, List<String>> dumps = new LinkedHashMap<>();
		Child app = Child.start(store);
		try {
			before = app.dump();
			for (double moment : moments) {
				CompletableFuture<HttpResponse<String>> upload = app.upload(workbook);
				long done = app.awaitWriting(moment);
				app.kill();
				// cut off (or, had the kill come after the answer, answered): the restart
				// tells which
				upload.handle((response, failure) -> response).get(10, java.util.concurrent.TimeUnit.SECONDS);
				app = Child.start(store);
				String what = "killed at %.0f%% of the writing (%d rows written)".formatted(moment * 100, done);
				List<String> dump = app.dump();
				dumps.put(what, dump);
				assertThat(app.value("MATCH (j:ImportJournal {state: 'RUNNING'}) RETURN count(j)")).as(what)
					.isEqualTo(0L);
				assertThat(app.value("MATCH (e:ImportJournalEntry) RETURN count(e)")).as(what).isEqualTo(0L);
				if (!dump.equals(before)) {
					// complete: the next kill needs the store as it was before
					assertThat(app.changes()).as(what + ": the audit record of the whole import").isEqualTo(1L);
					app.close();
					store = Files.createTempDirectory("partynet-kill");
					app = Child.start(store);
					assertThat(app.dump()).isEqualTo(before);
				}
				else {
					assertThat(app.changes()).as(what + ": no audit record").isZero();
				}
			}
			// the whole import, undisturbed, on the store the kills left as it was
			HttpResponse<String> answer = app.upload(workbook).get();
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(parse(answer.body())).containsEntry("created", STREETS * 14)
				.containsEntry("updated", 2)
				.containsEntry("ended", 1);
			assertThat(app.changes()).isEqualTo(1L);
			List<String> after = app.dump();
			assertThat(after).isNotEqualTo(before);
			dumps.forEach((what, dump) -> assertThat(dump).as(what + ": all or nothing of the import")
				.satisfiesAnyOf(d -> assertThat(d).isEqualTo(before), d -> assertThat(d).isEqualTo(after)));
		}
		finally {
			app.close();
		}
	}

	/**
	 * Many streets of the fixture's shape, plus changes to the sample: a renamed person,
	 * an ended membership, a grid moved to another community (an ended HAS and a new
	 * one), so that the undo has before-states to put back as well as nodes and
	 * relationships to delete.
	 */
	static Map<String, List<Map<String, Object>>> network() {
		Map<String, List<Map<String, Object>>> network = new LinkedHashMap<>();
		for (int i = 0; i < STREETS; i++) {
			String prefix = "K" + (char) ('A' + i / 26 / 26 % 26) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26);
			ImportFixture.network(prefix)
				.forEach((sheet, rows) -> network.computeIfAbsent(sheet, s -> new ArrayList<>()).addAll(rows));
		}
		network.get("grids")
			.add(ImportFixture.row("code", "GZ-DJ-C16-J01", "name", "泰安社区原第1网格", "community", "GZ-DJ-C01", "since",
					"2019-06-01"));
		network.get("people").add(ImportFixture.row("code", "RY30001", "name", "赵明远二", "gender", "男"));
		network.get("links")
			.add(ImportFixture.row("from", "RY30001", "kind", "党员", "to", "GZ-DJ-DGW", "status", "正式", "since",
					"1995-07-01", "until", "2026-01-31"));
		return network;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

	/**
	 * The application in a JVM of its own, on the test's class path, on a store
	 * directory.
	 */
	static final class Child implements AutoCloseable {

		final Process process;

		final int port;

		final Driver driver;

		final Path log;

		private Child(Process process, int port, Driver driver, Path log) {
			this.process = process;
			this.port = port;
			this.driver = driver;
			this.log = log;
		}

		static Child start(Path store) throws Exception {
			int port = freePort();
			int bolt = freePort();
			Path log = Files.createTempFile("partynet-kill", ".log");
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
					PartynetApplication.class.getName(), "--server.port=" + port,
					"--partynet.embedded.bolt-port=" + bolt, "--partynet.embedded.data-dir=" + store,
					"--partynet.import.batch-size=40", "--logging.level.org.partynet.bulk=info");
			// Not in the project's directory, whose cypher/migrations Neo4j-Migrations
			// would find a second time beside the class path's.
			Process process = new ProcessBuilder(command).directory(store.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			long started = System.nanoTime();
			while (true) {
				try {
					HttpResponse<String> progress = http.send(request("/import/progress", port).build(),
							HttpResponse.BodyHandlers.ofString());
					if (progress.statusCode() == 200) {
						break;
					}
				}
				catch (IOException notYet) {
					// still starting
				}
				if (!process.isAlive() || System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
					process.destroyForcibly().waitFor();
					throw new IllegalStateException("The application did not start: " + Files.readString(log));
				}
				Thread.sleep(100);
			}
			return new Child(process, port, GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.none()), log);
		}

		private static HttpRequest.Builder request(String path, int port) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", HarnessTestSupport.basic("orgdept"))
				.timeout(Duration.ofMinutes(2));
		}

		private HttpRequest.Builder request(String path) {
			return request(path, this.port);
		}

		CompletableFuture<HttpResponse<String>> upload(byte[] workbook) throws IOException {
			String boundary = "partynet-" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"network.xlsx\"\r\n"
					+ "Content-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(workbook);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return http.sendAsync(request("/import").header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/**
		 * Waits until the import has written this share of its rows; the rows written.
		 */
		long awaitWriting(double share) throws Exception {
			long started = System.nanoTime();
			while (System.nanoTime() - started < Duration.ofMinutes(5).toNanos()) {
				Map<String, Object> progress = parse(
						http.send(request("/import/progress").build(), HttpResponse.BodyHandlers.ofString()).body());
				long done = ((Number) progress.get("done")).longValue();
				long total = ((Number) progress.get("total")).longValue();
				if ("writing".equals(progress.get("phase")) && done > 0 && done >= share * total) {
					return done;
				}
				Thread.sleep(5);
			}
			throw new IllegalStateException("The import did not get to " + share + " of its writes; see " + this.log);
		}

		void kill() throws InterruptedException {
			// SIGKILL on Linux: no shutdown hook, no orderly close of the store
			this.process.destroyForcibly().waitFor();
			this.driver.close();
		}

		/**
		 * Every node and relationship, sorted; the journal and the audit records aside.
		 */
		List<String> dump() {
			return GraphDump.of(this.driver, "ImportJournal", "Change");
		}

		long changes() {
			return (Long) value("MATCH (c:Change {operation: 'importNetwork'}) RETURN count(c)");
		}

		Object value(String cypher) {
			try (var session = this.driver.session()) {
				return session.run(cypher).single().get(0).asObject();
			}
		}

		@Override
		public void close() throws InterruptedException {
			this.driver.close();
			this.process.destroy();
			this.process.waitFor();
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

	}

}
