package org.partynet.bench;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.List;

/**
 * The speed figures of the foundation, measured on the packaged application as a user
 * runs it:
 * <ul>
 * <li>{@code java -jar} to the first {@code /graphql} answer on the embedded default, on
 * the first start (empty store: migrations and the sample load) and on restarts; resident
 * memory then and after the load below;</li>
 * <li>the whole sample org tree (street committee down to building heads) in one GraphQL
 * request, warm, over loopback: median, p95 and more;</li>
 * <li>coverage of the whole sample (six figures) and the sample's coverage workbook.</li>
 * </ul>
 * A benchmark, not a test: it prints figures and asserts nothing. Run with
 * {@code mvn -Pbench verify}.
 */
public final class FoundationBenchmark {

	private static final int RESTARTS = 3;

	private static final int WARM_UP = 100;

	private static final int MEASURED = 300;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public static void main(String[] args) throws Exception {
		Path jar = BenchApp.jar(args);
		new FoundationBenchmark().run(jar);
	}

	private void run(Path jar) throws Exception {
		Path data = Files.createTempDirectory("partynet-bench");
		List<String> rows = new ArrayList<>();
		for (int i = 0; i <= RESTARTS; i++) {
			boolean last = i == RESTARTS;
			String label = (i == 0) ? "first start (empty store: migrations, sample load)" : "restart " + i;
			try (var app = App.start(jar, data, freePort(), freePort())) {
				long started = System.nanoTime();
				String endpoint = "http://localhost:" + app.port + "/graphql";
				while (!answers(endpoint)) {
					if (!app.process.isAlive()) {
						throw new IllegalStateException("The application stopped; see " + app.log);
					}
					if (System.nanoTime() - started > Duration.ofMinutes(2).toNanos()) {
						throw new IllegalStateException("No answer after 2 minutes; see " + app.log);
					}
					Thread.sleep(20);
				}
				double seconds = (System.nanoTime() - app.launched) / 1e9;
				rows.add("| `java -jar` to first `/graphql` answer, %s | %.1f s | RSS %d MB |".formatted(label, seconds,
						app.rssMegabytes()));
				if (last) {
					rows.addAll(tree(endpoint));
					rows.addAll(coverage(endpoint));
					rows.addAll(download("http://localhost:" + app.port + "/reports/coverage.xlsx"));
					rows.add("| resident memory after the tree runs | | RSS %d MB |".formatted(app.rssMegabytes()));
				}
			}
		}
		System.out.println();
		System.out.println("## Foundation benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version") + ", java " + String.join(" ", BenchApp.JVM_OPTIONS) + " -jar)");
		System.out.println();
		System.out.println("| what | time | memory |");
		System.out.println("|---|---|---|");
		rows.forEach(System.out::println);
		System.out.println();
	}

	private List<String> tree(String endpoint) throws Exception {
		String document;
		try (InputStream in = FoundationBenchmark.class.getResourceAsStream("/graphql-test/orgTree.graphql")) {
			document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String body = "{\"query\": " + json(document) + ", \"variables\": {\"code\": \"GZ-DJ-DGW\"}}";
		for (int i = 0; i < WARM_UP; i++) {
			post(endpoint, body);
		}
		long[] nanos = new long[MEASURED];
		int bytes = 0;
		for (int i = 0; i < MEASURED; i++) {
			long begin = System.nanoTime();
			bytes = post(endpoint, body).length();
			nanos[i] = System.nanoTime() - begin;
		}
		Arrays.sort(nanos);
		return List.of(
				"| whole org tree in one request (%d runs after %d warm-up, %d KB): median | %.1f ms | |"
					.formatted(MEASURED, WARM_UP, bytes / 1024, nanos[MEASURED / 2] / 1e6),
				"| whole org tree: p95 / p99 / min | %.1f / %.1f / %.1f ms | |"
					.formatted(nanos[MEASURED * 95 / 100] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, nanos[0] / 1e6));
	}

	private List<String> coverage(String endpoint) throws Exception {
		String figures = "grid { total covered ratio } buildingGroup { total covered ratio } buildingHead { total covered ratio }"
				+ " commercial { total covered ratio } dualNet { total covered ratio } organization { total covered ratio }";
		String body = "{\"query\": " + json("{ coverage { name asOf " + figures + " } }") + "}";
		for (int i = 0; i < WARM_UP; i++) {
			post(endpoint, body);
		}
		long[] nanos = new long[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long begin = System.nanoTime();
			post(endpoint, body);
			nanos[i] = System.nanoTime() - begin;
		}
		Arrays.sort(nanos);
		return List.of("| coverage of the whole sample, six figures (%d runs): median / p95 | %.1f / %.1f ms | |"
			.formatted(MEASURED, nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 95 / 100] / 1e6));
	}

	private List<String> download(String url) throws Exception {
		int runs = 20;
		long[] nanos = new long[runs];
		int bytes = 0;
		for (int i = -5; i < runs; i++) {
			long begin = System.nanoTime();
			HttpResponse<byte[]> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).header("Authorization", BenchApp.AUTHORIZATION).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IOException("HTTP " + response.statusCode() + " for " + url);
			}
			if (i >= 0) {
				nanos[i] = System.nanoTime() - begin;
				bytes = response.body().length;
			}
		}
		Arrays.sort(nanos);
		return List
			.of("| the sample's coverage .xlsx, whole network (%d runs, %d KB): median / max | %.0f / %.0f ms | |"
				.formatted(runs, bytes / 1024, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6));
	}

	private boolean answers(String endpoint) {
		try {
			return post(endpoint, "{\"query\": \"{ dataset { sample } }\"}").contains("\"sample\":true");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String post(String endpoint, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
			.header("Authorization", BenchApp.AUTHORIZATION)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
			throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record App(Process process, int port, Path log, long launched) implements AutoCloseable {

		static App start(Path jar, Path data, int port, int boltPort) throws IOException {
			Path log = Files.createTempFile("partynet-bench", ".log");
			long launched = System.nanoTime();
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(BenchApp.JVM_OPTIONS);
			command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
					"--partynet.embedded.bolt-port=" + boltPort, "--partynet.embedded.data-dir=" + data));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new App(process, port, log, launched);
		}

		long rssMegabytes() throws IOException {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
				}
			}
			return -1;
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

	}

}
