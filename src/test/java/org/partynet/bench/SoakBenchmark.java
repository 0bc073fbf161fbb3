package org.partynet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A soak, not a timed test: the packaged application on a fresh store with the sample,
 * under mixed traffic for {@code -Dsoak.minutes} (10) at {@code -Dsoak.concurrency} (8)
 * over loopback. Reads as the three demo accounts (org tree, networkStats, coverage,
 * linkages, search, node by id, health, changes, and a secretary asking for what lies
 * outside their subtree, which is refused), and every 25th request a write as the
 * organization department (a grid branch renamed back and forth with its version; each
 * client has a branch of its own, so writes do not conflict). It prints the requests, the
 * errors by kind, p50/p99/max per operation, the slowest request, the service's resident
 * memory and heap every 30 s, its garbage-collection pauses and what it logged above
 * INFO. The goal is no internal error at all. It stops by itself: after the time, or
 * after {@code -Dsoak.maxRequests} (1,000,000) requests, whichever comes first.
 * <p>
 * {@code mvn -Pbench exec:java@soak-benchmark} (after {@code mvn package -DskipTests}).
 * <p>
 * Over 400 lines on purpose: one run, its traffic mix and its report, read top to bottom.
 */
public final class SoakBenchmark {

	private static final int WRITE_EVERY = 25;

	private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SECRETARY_OWN = "CommunityCommittee:GZ-DJ-C01-SQDW";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<String, List<Double>> times = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final LongAdder requests = new LongAdder();

	private final AtomicLong internalErrors = new AtomicLong();

	private final AtomicReference<String> slowest = new AtomicReference<>("none");

	private volatile double slowestMillis;

	private final List<String> memory = new ArrayList<>();

	private BenchApp app;

	private long started;

	/** One kind of request: who sends it and what. */
	private record Operation(String name, String user, String query, String expectedCode) {

		Operation(String name, String user, String query) {
			this(name, user, query, null);
		}

	}

	private static final String TREE = """
			query Tree($code: String!) { organization(code: $code) { name secretary { name } members { total }
			  children { name secretary { name } children { name secretary { name } buildingHeads { name phone } } } } }
			""";

	private static final String STATS = "{ networkStats { streetCommittees communityCommittees gridBranches buildingGroups buildingHeads grids buildings partyMembers units } }";

	private static final String COVERAGE = """
			query Coverage($scope: ID) { coverage(scope: $scope) { name grid { total covered ratio }
			  buildingHead { total covered ratio } breakdown { name grid { ratio } } gaps(metric: GRID, first: 10) { totalCount } } }
			""";

	private static final List<Operation> READS = List.of(
			new Operation("orgTree", "orgdept", TREE.replace("$code: String!", "$code: String! = \"GZ-DJ-DGW\"")),
			new Operation("orgTree", "secretary",
					TREE.replace("$code: String!", "$code: String! = \"GZ-DJ-C01-SQDW\"")),
			new Operation("orgTree", "viewer", TREE.replace("$code: String!", "$code: String! = \"GZ-DJ-C02-SQDW\"")),
			new Operation("networkStats", "orgdept", STATS), new Operation("networkStats", "secretary", STATS),
			new Operation("networkStats", "viewer", STATS),
			new Operation("coverage", "orgdept", COVERAGE.replace("$scope: ID", "$scope: ID = \"Street:GZ-DJ\"")),
			new Operation("coverage", "secretary",
					COVERAGE.replace("$scope: ID", "$scope: ID = \"Community:GZ-DJ-C01\"")),
			new Operation("coverage", "viewer", COVERAGE.replace("$scope: ID", "$scope: ID = \"Street:GZ-DJ\"")),
			new Operation("linkages", "orgdept",
					"{ linkages(id: \"Street:GZ-DJ\") { unitCount groups { kind links { unit { name } people { name } organizations { name } } } } }"),
			new Operation("linkages", "secretary",
					"{ linkages(id: \"" + SECRETARY_OWN
							+ "\") { unitCount groups { kind links { unit { name } people { name } } } } }"),
			new Operation("search", "orgdept", "{ search(text: \"社区\") { score node { id name } } }"),
			new Operation("search", "secretary", "{ search(text: \"网格\") { score node { id name } } }"),
			new Operation("search", "viewer", "{ search(text: \"党支部\") { score node { id name } } }"),
			new Operation("node", "orgdept", "{ node(id: \"GridBranch:GZ-DJ-C03-ZB01\") { id name } }"),
			new Operation("node", "secretary", "{ node(id: \"Community:GZ-DJ-C01\") { id name } }"),
			new Operation("node", "viewer", "{ node(id: \"Street:GZ-DJ\") { id name } }"),
			new Operation("health", "orgdept",
					"{ health(scope: \"Street:GZ-DJ\") { counts { ruleName count } findings(severity: ERROR) { ruleName organization { name } } terms { expiresOn status } } }"),
			new Operation("health", "secretary",
					"{ health(scope: \"Community:GZ-DJ-C01\") { counts { ruleName count } } }"),
			new Operation("changes", "orgdept",
					"{ changes(first: 20) { totalCount pageInfo { hasNextPage } nodes { at user operation summary affected { id name } } } }"),
			new Operation("me", "secretary", "{ me { username role organization { id name } } }"),
			// refusals: the secretary asking beyond their subtree, the viewer asking for
			// the audit trail
			new Operation("refused", "secretary", "{ organization(code: \"GZ-DJ-DGW\") { name } }", "FORBIDDEN"),
			new Operation("refused", "secretary", "{ node(id: \"CommunityCommittee:GZ-DJ-C02-SQDW\") { id } }",
					"FORBIDDEN"),
			new Operation("refused", "viewer", "{ changes(first: 1) { totalCount } }", "FORBIDDEN"));

	private static final String RENAME = """
			mutation Rename($input: UpdateOrganizationInput!) {
			  updateOrganization(input: $input) { organization { name version } changeId errors { code message } } }
			""";

	public static void main(String[] args) throws Exception {
		Path jar = BenchApp.jar(args);
		int minutes = Integer.getInteger("soak.minutes", 10);
		int concurrency = Integer.getInteger("soak.concurrency", 8);
		long maxRequests = Long.getLong("soak.maxRequests", 1_000_000);
		new SoakBenchmark().run(jar, minutes, concurrency, maxRequests);
	}

	private void run(Path jar, int minutes, int concurrency, long maxRequests) throws Exception {
		Path gcLog = Files.createTempFile("partynet-soak-gc", ".log");
		List<String> jvm = new ArrayList<>(BenchApp.JVM_OPTIONS);
		jvm.add("-Xlog:gc:file=" + gcLog);
		// the retries are logged at DEBUG: counted below
		this.app = BenchApp.start(jar, jvm, "--logging.level.org.partynet.neo4j.TransientRetry=debug");
		System.out.printf("Soak: %d min at concurrency %d against pid %d on :%d (log %s)%n", minutes, concurrency,
				this.app.process.pid(), this.app.port, this.app.log);
		this.started = System.nanoTime();
		long deadline = this.started + TimeUnit.MINUTES.toNanos(minutes);
		sampleMemory();
		ExecutorService clients = Executors.newFixedThreadPool(concurrency);
		var sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(this::sampleMemory, SAMPLE_EVERY.toSeconds(), SAMPLE_EVERY.toSeconds(),
				TimeUnit.SECONDS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < concurrency; client++) {
				// a grid branch of its own for each client's writes: C01..C08's first
				// branch
				String branch = "GZ-DJ-C%02d-ZB01".formatted(client + 1);
				running.add(clients.submit(() -> {
					client(branch, deadline, maxRequests);
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			sampler.shutdownNow();
			clients.shutdownNow();
			sampleMemory();
			this.app.close();
		}
		report(minutes, concurrency, gcLog);
	}

	private void client(String branch, long deadline, long maxRequests) throws Exception {
		int version = version(branch);
		String original = name(branch);
		long sent = 0;
		while (System.nanoTime() < deadline && this.requests.sum() < maxRequests) {
			sent++;
			if (sent % WRITE_EVERY == 0) {
				String name = (sent / WRITE_EVERY % 2 == 1) ? original + "（改）" : original;
				JsonNode answer = send(new Operation("updateOrganization", "orgdept", RENAME),
						Map.of("input", Map.of("id", "GridBranch:" + branch, "version", version, "name", name)));
				JsonNode payload = (answer != null) ? answer.path("data").path("updateOrganization") : null;
				if (payload != null && payload.path("errors").isArray() && payload.path("errors").isEmpty()) {
					version = payload.path("organization").path("version").asInt();
				}
				else {
					count("updateOrganization: user error " + ((payload != null)
							? payload.path("errors").path(0).path("code").asString("none") : "none"));
					version = version(branch);
				}
			}
			else {
				send(READS.get(ThreadLocalRandom.current().nextInt(READS.size())), Map.of());
			}
		}
	}

	/**
	 * Sends one request, times it and sorts its errors; answers its JSON, or null when it
	 * had none.
	 */
	private JsonNode send(Operation operation, Map<String, Object> variables) {
		String key = operation.name() + " (" + operation.user() + ")";
		long begin = System.nanoTime();
		JsonNode answer = null;
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.app.base() + "/graphql"))
					.timeout(REQUEST_TIMEOUT)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.header("Authorization", basic(operation.user()))
					.POST(HttpRequest.BodyPublishers
						.ofString(json.writeValueAsString(Map.of("query", operation.query(), "variables", variables))))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				count(operation.name() + ": HTTP " + response.statusCode());
				if (response.statusCode() >= 500) {
					this.internalErrors.incrementAndGet();
				}
			}
			else {
				answer = json.readTree(response.body());
				for (JsonNode error : answer.path("errors")) {
					String code = error.path("extensions").path("code").asString("none");
					boolean expected = code.equals(operation.expectedCode());
					count(operation.name() + ": " + code + (expected ? " (expected)" : ""));
					if (code.equals("INTERNAL_ERROR")) {
						this.internalErrors.incrementAndGet();
					}
				}
				if (operation.expectedCode() != null && answer.path("errors").isEmpty()) {
					count(operation.name() + ": answered where " + operation.expectedCode() + " was expected");
				}
			}
		}
		catch (IOException ex) {
			count(operation.name() + ": " + ex.getClass().getSimpleName());
			this.internalErrors.incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		double millis = (System.nanoTime() - begin) / 1e6;
		this.requests.increment();
		this.times.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(millis);
		synchronized (this) {
			if (millis > this.slowestMillis) {
				this.slowestMillis = millis;
				this.slowest.set("%.0f ms: %s at %s into the run".formatted(millis, key, elapsed(begin)));
			}
		}
		return answer;
	}

	private int version(String branch) throws IOException, InterruptedException {
		String body = this.app.graphql("{ organization(code: \"" + branch + "\") { version } }");
		return json.readTree(body).path("data").path("organization").path("version").asInt();
	}

	private String name(String branch) throws IOException, InterruptedException {
		String body = this.app.graphql("{ organization(code: \"" + branch + "\") { name } }");
		return json.readTree(body).path("data").path("organization").path("name").asString();
	}

	private void count(String kind) {
		this.errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
	}

	/** Resident memory of the service (VmRSS) and its heap (jcmd GC.heap_info), now. */
	private void sampleMemory() {
		try {
			long pid = this.app.process.pid();
			String status = Files.readString(Path.of("/proc/" + pid + "/status"));
			Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
			String heap = heap(pid);
			String line = "| %s | %d MB | %s | %,d |".formatted(elapsed(System.nanoTime()),
					rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1, heap, this.requests.sum());
			synchronized (this.memory) {
				this.memory.add(line);
			}
		}
		catch (IOException ex) {
			// the process has ended
		}
	}

	private static String heap(long pid) {
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(pid), "GC.heap_info")
				.redirectErrorStream(true)
				.start();
			String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jcmd.waitFor(10, TimeUnit.SECONDS);
			// Serial: "def new generation total 39424K, used 12345K" and "tenured
			// generation total ..., used ..."
			Matcher generation = Pattern.compile("(new generation|tenured generation)\\s+total (\\d+)K, used (\\d+)K")
				.matcher(out);
			long total = 0, used = 0;
			while (generation.find()) {
				total += Long.parseLong(generation.group(2));
				used += Long.parseLong(generation.group(3));
			}
			return (total > 0) ? "%d of %d MB".formatted(used / 1024, total / 1024) : "n/a";
		}
		catch (IOException ex) {
			return "n/a";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "n/a";
		}
	}

	private String elapsed(long nanos) {
		long seconds = (nanos - this.started) / 1_000_000_000;
		return "%d:%02d".formatted(seconds / 60, seconds % 60);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private void report(int minutes, int concurrency, Path gcLog) throws IOException {
		System.out.println();
		System.out.printf("## Soak benchmark (%d min, concurrency %d, %d cores, java %s -jar)%n%n", minutes,
				concurrency, Runtime.getRuntime().availableProcessors(), String.join(" ", BenchApp.JVM_OPTIONS));
		System.out.printf("Requests: %,d (%.0f/s); internal errors: %d%n%n", this.requests.sum(),
				this.requests.sum() / (minutes * 60.0), this.internalErrors.get());
		System.out.println("| errors by kind | count |");
		System.out.println("|---|---|");
		if (this.errors.isEmpty()) {
			System.out.println("| none | 0 |");
		}
		new TreeMap<>(this.errors).forEach((kind, count) -> System.out.printf("| %s | %,d |%n", kind, count.sum()));
		System.out.println();
		System.out.println("| operation (account) | requests | p50 | p99 | max |");
		System.out.println("|---|---|---|---|---|");
		new TreeMap<>(this.times).forEach((key, list) -> {
			double[] sorted;
			synchronized (list) {
				sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			}
			System.out.printf("| %s | %,d | %.1f ms | %.1f ms | %.0f ms |%n", key, sorted.length,
					BenchApp.percentile(sorted, 50), BenchApp.percentile(sorted, 99), sorted[sorted.length - 1]);
		});
		System.out.println();
		System.out.println("Slowest request: " + this.slowest.get());
		System.out.println();
		System.out.println("| time | resident memory (VmRSS) | heap used of committed | requests by then |");
		System.out.println("|---|---|---|---|");
		synchronized (this.memory) {
			this.memory.forEach(System.out::println);
		}
		System.out.println();
		gc(gcLog);
		String log = Files.readString(this.app.log);
		long retried = log.lines().filter(line -> line.contains("transient error in attempt")).count();
		long givenUp = log.lines().filter(line -> line.contains("given up")).count();
		long warnings = log.lines().filter(line -> line.matches("^\\S+\\s+WARN\\s.*")).count();
		long errorLines = log.lines().filter(line -> line.matches("^\\S+\\s+ERROR\\s.*")).count();
		System.out.printf("Service log: %d transient errors retried, %d given up; %d WARN and %d ERROR lines (%s)%n",
				retried, givenUp, warnings, errorLines, this.app.log);
		log.lines()
			.filter(line -> line.matches("^\\S+\\s+(WARN|ERROR)\\s.*"))
			.map(line -> line.replaceAll("^\\S+\\s+(WARN|ERROR)\\s+\\d+ --- \\[[^]]*\\] \\[[^]]*\\] ", "$1 "))
			.map(line -> line.length() > 160 ? line.substring(0, 160) : line)
			.distinct()
			.limit(10)
			.forEach(line -> System.out.println("  " + line));
	}

	/** The collector's pauses, from -Xlog:gc: how many, their total and the longest. */
	private static void gc(Path gcLog) throws IOException {
		Pattern pause = Pattern.compile("Pause (Young|Full) \\(([^)]*)\\).* (\\d+\\.\\d+)ms");
		long young = 0, full = 0;
		double total = 0, longest = 0;
		String longestLine = "";
		for (String line : Files.readAllLines(gcLog)) {
			Matcher m = pause.matcher(line);
			if (m.find()) {
				double ms = Double.parseDouble(m.group(3));
				if (m.group(1).equals("Full")) {
					full++;
				}
				else {
					young++;
				}
				total += ms;
				if (ms > longest) {
					longest = ms;
					longestLine = line.trim();
				}
			}
		}
		System.out.printf("GC: %d young and %d full pauses, %.0f ms in all, longest %.0f ms (%s)%n", young, full, total,
				longest, longestLine);
	}

}
