package org.partynet.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The packaged application on its embedded default in a process of its own, on free
 * ports, for the benchmarks; and their figures as Markdown table rows.
 */
final class BenchApp implements AutoCloseable {

	/**
	 * The JVM options README.md gives for running the jar (override with
	 * -Dbench.jvm="...").
	 */
	static final List<String> JVM_OPTIONS = List
		.of(System.getProperty("bench.jvm", "-Xmx512m -XX:+UseSerialGC").trim().split("\\s+"));

	/**
	 * How long a start may take; a machine busy with other work needs more
	 * (-Dbench.startMinutes=).
	 */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("bench.startMinutes", 3));

	/**
	 * The jar a benchmark runs: {@code -Dbench.jar} (another build, for an A/B of one
	 * change), else its first argument, else {@code target/partynet.jar}.
	 */
	static Path jar(String[] args) {
		return Path.of(System.getProperty("bench.jar", (args.length > 0) ? args[0] : "target/partynet.jar"));
	}

	final Process process;

	final int port;

	final int boltPort;

	final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private BenchApp(Process process, int port, int boltPort, Path log) {
		this.process = process;
		this.port = port;
		this.boltPort = boltPort;
		this.log = log;
	}

	/**
	 * Starts the jar on a fresh store with these extra arguments and waits for its first
	 * answer.
	 */
	static BenchApp start(Path jar, String... arguments) throws Exception {
		return start(jar, JVM_OPTIONS, arguments);
	}

	/** {@link #start(Path, String...)} with other JVM options. */
	static BenchApp start(Path jar, List<String> jvmOptions, String... arguments) throws Exception {
		return start(jar, jvmOptions, Files.createTempDirectory("partynet-bench"), arguments);
	}

	/** {@link #start(Path, List, String...)} on this store. */
	static BenchApp start(Path jar, List<String> jvmOptions, Path data, String... arguments) throws Exception {
		int port = freePort(), boltPort = freePort();
		Path log = Files.createTempFile("partynet-bench", ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--partynet.embedded.bolt-port=" + boltPort, "--partynet.embedded.data-dir=" + data));
		command.addAll(Arrays.asList(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		BenchApp app = new BenchApp(process, port, boltPort, log);
		long started = System.nanoTime();
		while (true) {
			try {
				app.graphql("{ dataset { code } }");
				return app;
			}
			catch (IOException notYet) {
				// still starting
			}
			if (!process.isAlive() || System.nanoTime() - started > START_TIMEOUT.toNanos()) {
				app.close();
				throw new IllegalStateException("The application did not answer; see " + log);
			}
			Thread.sleep(50);
		}
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	/** HTTP Basic of the demo account {@code orgdept}, which reads everything. */
	static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
		.encodeToString("orgdept:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	/** Signs a browser in through the login form, as {@code orgdept}. */
	static void signIn(org.openqa.selenium.WebDriver browser, String base) {
		browser.get(base + "/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys("orgdept");
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("demo");
		browser.findElement(org.openqa.selenium.By.id("sign-in")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
			.until((d) -> !d.getCurrentUrl().contains("/login"));
	}

	/** POSTs a GraphQL document; fails on errors. */
	String graphql(String body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", AUTHORIZATION)
			.POST(HttpRequest.BodyPublishers.ofString(body.startsWith("{\"") ? body : "{\"query\":" + json(body) + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
			throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** Milliseconds of one GraphQL request over loopback. */
	double timed(String query, String variables) throws IOException, InterruptedException {
		long started = System.nanoTime();
		graphql("{\"query\":" + json(query) + ",\"variables\":" + variables + "}");
		return (System.nanoTime() - started) / 1e6;
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	/** A table row: median, p95, p99 and max of the values in ms. */
	static String row(String what, double[] values, String target) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |".formatted(what, percentile(sorted, 50),
				percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1], target);
	}

	static double percentile(double[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
