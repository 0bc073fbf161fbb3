package org.partynet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Scale and speed: for each preset (district, city, province by default), the packaged
 * application on a generated network, and the same questions answered three ways over
 * loopback, at concurrency 1 and 8: our GraphQL API; raw Cypher through the Java driver
 * (the lower bound); and {@code @neo4j/graphql} 7 serving equivalent type definitions
 * ({@code bench/neo4j-graphql}) against the same Neo4j (skipped with a message where
 * {@code npm} is absent). Prints one table per preset and one of growth, and writes
 * {@code target/bench/scale-report.md} with an SVG chart beside it. A benchmark, not a
 * test: it asserts nothing. Run with {@code mvn -Pscale verify}.
 * <p>
 * Over 400 lines on purpose: one run, its presets, the peer and its report.
 */
public final class ScaleBenchmark {

	private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("bench.seconds", 5));

	private static final int MAX_REQUESTS = 300;

	private static final String[] SYSTEMS = { "GraphQL (ours)", "raw Cypher", "@neo4j/graphql" };

	private static final String SUBTREE = """
			query Subtree($id: ID!) { organization(id: $id) { name secretary { name } members { total }
			  children { name secretary { name } children { name buildingHeads { name } } } } }""";

	private static final String SUBTREE_CYPHER = """
			MATCH (o:PartyOrganization {code: $code})
			RETURN o.name AS name, [(o)<-[h:HOLDS {role: 'SECRETARY'}]-(s:Person) WHERE h.until IS NULL | s.name][0] AS secretary,
			  COUNT { (o)(()-[l:LEADS WHERE l.until IS NULL]->()){0,3}()<-[m:MEMBER_OF WHERE m.until IS NULL]-(:Person) } AS members,
			  [(o)-[l:LEADS WHERE l.until IS NULL]->(b:PartyOrganization) | {name: b.name,
			    secretary: [(b)<-[h:HOLDS {role: 'SECRETARY'}]-(s:Person) WHERE h.until IS NULL | s.name][0],
			    children: [(b)-[l2:LEADS WHERE l2.until IS NULL]->(g:PartyOrganization) | {name: g.name,
			      heads: [(g)-[c:COVERS WHERE c.until IS NULL]->(:Building)<-[r:HEAD_OF WHERE r.until IS NULL]-(p:Person) | p.name]}]}] AS children
			""";

	private static final String SUBTREE_PEER = """
			query Subtree($code: String!) { organizations(where: { code: { eq: $code } }) { name secretary { name } members
			  children { name secretary { name } children { name buildingHeads { name } } } } }""";

	private static final String COVERAGE = """
			query Coverage($scope: ID) { coverage(scope: $scope) { grid { total covered } buildingGroup { total covered }
			  buildingHead { total covered } commercial { total covered } dualNet { total covered } organization { total covered } } }""";

	private static final String HELD = "%1$s.since <= $asOf AND (%1$s.until IS NULL OR %1$s.until > $asOf)";

	private static final String COVERAGE_CYPHER = """
			MATCH (top:Area {code: $code})
			MATCH (top)(()-[h:HAS WHERE %s]->()){0,5}(a:Area)
			WITH collect(DISTINCT a) AS areas
			WITH [a IN areas WHERE a:Grid] AS grids, [a IN areas WHERE a:Building] AS buildings,
			     [a IN areas WHERE a:CommercialBuilding OR a:Market] AS sites, [a IN areas WHERE a:Community] AS communities
			RETURN size(grids) AS grids,
			  size([g IN grids WHERE EXISTS { (g)<-[r:COVERS]-(:GridBranch) WHERE %s }]) AS gridsCovered,
			  size([g IN grids WHERE EXISTS { (g)<-[r:COVERS]-(:GridBranch) WHERE %s } AND EXISTS { (g)<-[w:WORKS_FOR]-(:Person) WHERE %s }]) AS dual,
			  size(buildings) AS buildings,
			  size([b IN buildings WHERE EXISTS { (b)<-[r:COVERS]-(:BuildingGroup) WHERE %s }]) AS grouped,
			  size([b IN buildings WHERE EXISTS { (b)<-[r:HEAD_OF]-(:Person) WHERE %s }]) AS headed,
			  size(sites) AS sites,
			  size([s IN sites WHERE EXISTS { (s)<-[r:COVERS]-(:Alliance) WHERE %s } OR EXISTS { (s)<-[i:INSTRUCTS]-(:Person) WHERE %s }]) AS sitesCovered,
			  size(communities) AS communities,
			  size([c IN communities WHERE EXISTS { (c)<-[r:GOVERNS]-(:CommunityCommittee) WHERE %s }]) AS organized
			"""
		.formatted(HELD.formatted("h"), HELD.formatted("r"), HELD.formatted("r"), HELD.formatted("w"),
				HELD.formatted("r"), HELD.formatted("r"), HELD.formatted("r"), HELD.formatted("i"),
				HELD.formatted("r"));

	private static final String COVERAGE_PEER = "query Coverage($code: String!) { coverage(code: $code) }";

	private static final String LINKAGES = """
			query Linkages($id: ID!) { linkages(id: $id) { unitCount groups { kind links { unit { code name } } } } }""";

	private static final String LINKAGES_CYPHER = """
			MATCH (c:Community {code: $code})
			CALL (c) {
			  MATCH (c)<-[g:GOVERNS WHERE g.until IS NULL]-(:CommunityCommittee)<-[h:HOLDS WHERE h.role = 'PART_TIME_MEMBER' AND h.until IS NULL]-(:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(u:Unit)
			  RETURN 'PART_TIME_MEMBER' AS kind, u
			  UNION MATCH (c)<-[g:GOVERNS WHERE g.until IS NULL]-(:CommunityCommittee)<-[r:CO_BUILDS WHERE r.until IS NULL]-(u:Unit) RETURN 'CO_BUILDING' AS kind, u
			  UNION MATCH (c)<-[r:REGISTERED_AT WHERE r.until IS NULL]-(u:Unit) RETURN 'UNIT_REGISTERED' AS kind, u
			  UNION MATCH (c)<-[r:REGISTERED_AT WHERE r.until IS NULL]-(:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(u:Unit) RETURN 'MEMBER_REGISTERED' AS kind, u
			  UNION MATCH (c)-[h1:HAS WHERE h1.until IS NULL]->(:Grid)-[h2:HAS WHERE h2.until IS NULL]->(:CommercialBuilding|Market)<-[r:COVERS WHERE r.until IS NULL]-(:Alliance)<-[m:MEMBER_OF WHERE m.until IS NULL]-(u:Unit)
			  RETURN 'ALLIANCE_MEMBER' AS kind, u
			}
			RETURN kind, collect(u {.code, .name}) AS units
			""";

	private static final String LINKAGES_PEER = "query Linkages($code: String!) { linkedUnits(code: $code) { code name } }";

	private static final String SEARCH = "query Search($text: String!) { search(text: $text, first: 10) { node { id name } score } }";

	private static final String SEARCH_CYPHER = """
			CALL db.index.fulltext.queryNodes('name_fulltext', $text, {limit: 10}) YIELD node, score
			RETURN node.code AS code, node.name AS name, score""";

	private static final String SEARCH_PEER = "query Search($text: String!) { searchPeople(text: $text, first: 10) { code name } }";

	private static final String FLOOR = "{\"query\":\"{ __typename }\"}";

	private static final String LOOK_UP = "query LookUp($id: ID!) { node(id: $id) { id code name } }";

	private static final String LOOK_UP_CYPHER = "MATCH (n:Person {code: $code}) RETURN n.code AS code, n.name AS name";

	private static final String LOOK_UP_PEER = "query LookUp($code: String!) { people(where: { code: { eq: $code } }) { code name } }";

	/**
	 * Only the operations whose names contain one of these (comma-separated), for a
	 * quicker A/B of one change; all by default.
	 */
	private static final List<String> ONLY = List.of(System.getProperty("bench.ops", "").split(","));

	/**
	 * Where to write a flight recording of the application and its breakdown per
	 * operation at c=8 ({@code -Dbench.profile=target/bench}); none by default.
	 */
	private static final String PROFILE = System.getProperty("bench.profile", "");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Our c=8 cells' windows in the flight recording. */
	private final List<ProfileBreakdown.Window> windows = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		Path jar = BenchApp.jar(args);
		List<String> presets = List.of(System.getProperty("bench.presets", "district,city,province").split(","));
		new ScaleBenchmark().run(jar, presets);
	}

	/** One operation: a name and how each system asks it, given the i-th random input. */
	private record Operation(String name, IntFunction<String> ours, IntFunction<Map<String, Object>> raw, String cypher,
			IntFunction<String> peer) {
	}

	/** Latencies in ms and throughput in requests per second of one cell. */
	private record Cell(double p50, double p95, double p99, double throughput, int requests) {

		static final Cell SKIPPED = new Cell(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

	}

	private void run(Path jar, List<String> presets) throws Exception {
		Path peerDir = Path.of("bench", "neo4j-graphql");
		String peerSkipped = Boolean.parseBoolean(System.getProperty("bench.peer", "true")) ? preparePeer(peerDir)
				: "-Dbench.peer=false";
		Map<String, Map<String, Cell[][]>> results = new LinkedHashMap<>();
		Map<String, String> sizes = new LinkedHashMap<>();
		for (String preset : presets) {
			String jvm = preset.equals("province") ? "-Xmx3g -XX:+UseSerialGC" : String.join(" ", BenchApp.JVM_OPTIONS);
			Path recording = PROFILE.isEmpty() ? null : Path.of(PROFILE).toAbsolutePath().resolve(preset + ".jfr");
			if (recording != null) {
				Files.createDirectories(recording.getParent());
				jvm += " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording;
			}
			this.windows.clear();
			try (BenchApp app = BenchApp.start(jar, List.of(jvm.split(" ")), "--partynet.sample.enabled=false");
					Driver driver = GraphDatabase.driver("bolt://localhost:" + app.boltPort, AuthTokens.none())) {
				NetworkGenerator.Result network = new NetworkGenerator(42).load(NetworkGenerator.Preset.of(preset),
						driver);
				sizes.put(preset,
						"%,d nodes, %,d relationships (generated in %.0f s, %,.0f nodes/s)".formatted(network.nodes(),
								network.relationships(), network.seconds(), network.nodes() / network.seconds()));
				System.out.println("[scale] " + preset + ": " + sizes.get(preset));
				Peer peer = (peerSkipped == null) ? startPeer(peerDir, app.boltPort) : null;
				try {
					results.put(preset, measure(app, driver, (peer != null) ? peer.port() : 0, network));
				}
				finally {
					if (peer != null) {
						peer.process().destroy();
						peer.process().waitFor();
					}
				}
			}
			if (recording != null) {
				String breakdown = "# Where our CPU went at c=8: " + preset + "\n"
						+ ProfileBreakdown.of(recording, this.windows);
				System.out.println(breakdown);
				Files.writeString(recording.resolveSibling(preset + "-profile.md"), breakdown);
			}
		}
		String report = report(results, sizes, peerSkipped);
		System.out.println();
		System.out.println(report);
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("scale-report.md"), report);
		Files.writeString(out.resolve("scale-growth.svg"), chart(results));
		System.out
			.println("[scale] written: " + out.resolve("scale-report.md") + ", " + out.resolve("scale-growth.svg"));
	}

	private Map<String, Cell[][]> measure(BenchApp app, Driver driver, int peerPort, NetworkGenerator.Result network)
			throws Exception {
		Random random = new Random(11);
		List<String> committees = shuffled(network.ids().get("CommunityCommittee"), random);
		List<String> communities = shuffled(network.ids().get("Community"), random);
		List<String> streets = shuffled(network.ids().get("Street"), random);
		List<String> people = shuffled(network.ids().get("Person"), random);
		List<String> names = driver.executableQuery("MATCH (p:Person) RETURN p.name AS name LIMIT 500")
			.execute()
			.records()
			.stream()
			.map(r -> r.get("name").asString())
			.toList();
		String district = network.ids().get("District").get(0);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		List<Operation> operations = List.of(
				new Operation("a community's org subtree (4 levels)", i -> vars(SUBTREE, "id", at(committees, i)),
						i -> Map.of("code", code(at(committees, i))), SUBTREE_CYPHER,
						i -> vars(SUBTREE_PEER, "code", code(at(committees, i)))),
				new Operation("coverage of a street", i -> vars(COVERAGE, "scope", at(streets, i)),
						i -> Map.of("code", code(at(streets, i)), "asOf", today), COVERAGE_CYPHER,
						i -> vars(COVERAGE_PEER, "code", code(at(streets, i)))),
				new Operation("coverage of the whole network", i -> vars(COVERAGE, "scope", null),
						i -> Map.of("code", code(district), "asOf", today), COVERAGE_CYPHER,
						i -> vars(COVERAGE_PEER, "code", code(district))),
				new Operation("a community's linkages", i -> vars(LINKAGES, "id", at(communities, i)),
						i -> Map.of("code", code(at(communities, i))), LINKAGES_CYPHER,
						i -> vars(LINKAGES_PEER, "code", code(at(communities, i)))),
				new Operation("a name search", i -> vars(SEARCH, "text", at(names, i)),
						i -> Map.of("text", "\"" + at(names, i) + "\""), SEARCH_CYPHER,
						i -> vars(SEARCH_PEER, "text", "\"" + at(names, i) + "\"")),
				// what every request costs before its first statement (ADR 0009)
				new Operation("the floor: { __typename }", i -> FLOOR, i -> Map.of(), "RETURN 1", i -> FLOOR),
				new Operation("a look-up by id", i -> vars(LOOK_UP, "id", at(people, i)),
						i -> Map.of("code", code(at(people, i))), LOOK_UP_CYPHER,
						i -> vars(LOOK_UP_PEER, "code", code(at(people, i)))));
		operations = operations.stream().filter(op -> ONLY.stream().anyMatch(op.name()::contains)).toList();
		// A round over everything first: the JIT of both servers must have compiled the
		// paths of every operation (on 2 cores that takes tens of seconds), or the first
		// cells pay for it.
		for (int round = 0; round < 2; round++) {
			for (Operation op : operations) {
				warm(i -> post(app.base() + "/graphql", op.ours().apply(i)));
				if (peerPort > 0) {
					warm(i -> post("http://localhost:" + peerPort + "/", op.peer().apply(i)));
				}
			}
		}
		Map<String, Cell[][]> cells = new LinkedHashMap<>();
		for (Operation op : operations) {
			Cell[][] grid = new Cell[SYSTEMS.length][2];
			int[] concurrency = { 1, 8 };
			for (int c = 0; c < 2; c++) {
				int threads = concurrency[c];
				java.time.Instant started = java.time.Instant.now();
				grid[0][c] = cell(threads, i -> post(app.base() + "/graphql", op.ours().apply(i)));
				if (threads > 1) {
					this.windows.add(new ProfileBreakdown.Window(op.name(), started, java.time.Instant.now()));
				}
				grid[1][c] = cell(threads,
						i -> driver.executableQuery(op.cypher()).withParameters(op.raw().apply(i)).execute());
				grid[2][c] = (peerPort > 0)
						? cell(threads, i -> post("http://localhost:" + peerPort + "/", op.peer().apply(i)))
						: Cell.SKIPPED;
			}
			cells.put(op.name(), grid);
			System.out.println("[scale] " + op.name() + ": ours p50 %.1f ms, raw %.1f ms, peer %.1f ms"
				.formatted(grid[0][0].p50(), grid[1][0].p50(), grid[2][0].p50()));
		}
		return cells;
	}

	@FunctionalInterface
	private interface Request {

		void send(int i) throws Exception;

	}

	private static void warm(Request request) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		for (int i = 0; i < 500 && (i == 0 || System.nanoTime() < until); i++) {
			request.send(i);
		}
	}

	/**
	 * Warms up (up to 100 requests or 3 s: the JIT must have compiled the path, or the
	 * first operations measured pay for it), then runs requests on {@code threads}
	 * threads until the budget or the count is spent.
	 */
	private static Cell cell(int threads, Request request) throws Exception {
		long warmUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		for (int i = 0; i < 100 && (i == 0 || System.nanoTime() < warmUntil); i++) {
			request.send(i);
		}
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(10);
		long deadline = System.nanoTime() + BUDGET.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		try {
			List<Future<Void>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit((Callable<Void>) () -> {
					while (System.nanoTime() < deadline && latencies.size() < MAX_REQUESTS * threads) {
						int i = next.getAndIncrement();
						long begin = System.nanoTime();
						request.send(i);
						latencies.add((System.nanoTime() - begin) / 1e6);
					}
					return null;
				}));
			}
			for (Future<Void> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(1, TimeUnit.MINUTES);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new Cell(BenchApp.percentile(sorted, 50), BenchApp.percentile(sorted, 95),
				BenchApp.percentile(sorted, 99), sorted.length / seconds, sorted.length);
	}

	private void post(String url, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", BenchApp.AUTHORIZATION)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
			throw new IOException(url + " HTTP " + response.statusCode() + ": " + response.body());
		}
	}

	/** {@code null} when the peer is ready; otherwise why it is skipped. */
	private static String preparePeer(Path dir) throws Exception {
		try {
			Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
				.directory(dir.toFile())
				.inheritIO()
				.start();
			if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
				return "`npm install` failed in " + dir;
			}
			return null;
		}
		catch (IOException ex) {
			return "npm is not installed (" + ex.getMessage() + ")";
		}
	}

	/** The @neo4j/graphql server and its port. */
	private record Peer(Process process, int port) {
	}

	private static Peer startPeer(Path dir, int boltPort) throws Exception {
		int port = BenchApp.freePort();
		Path log = Files.createTempFile("partynet-peer", ".log");
		Process peer = new ProcessBuilder("node", "server.mjs", "bolt://localhost:" + boltPort, String.valueOf(port))
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long started = System.nanoTime();
		while (!Files.readString(log).contains("ready")) {
			if (!peer.isAlive() || System.nanoTime() - started > Duration.ofMinutes(1).toNanos()) {
				throw new IllegalStateException("@neo4j/graphql did not start; see " + log);
			}
			Thread.sleep(100);
		}
		return new Peer(peer, port);
	}

	private static String report(Map<String, Map<String, Cell[][]>> results, Map<String, String> sizes,
			String peerSkipped) {
		StringBuilder md = new StringBuilder("# Scale benchmark\n\n");
		md.append(
				"%d cores, Java %s, loopback; first two warm-up rounds over every operation (3 s each); then each cell: up to 100 more warm-up requests (3 s), then up to %d s or %d requests per thread.\n"
					.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
							BUDGET.toSeconds(), MAX_REQUESTS));
		if (peerSkipped != null) {
			md.append("\n@neo4j/graphql skipped: ").append(peerSkipped).append('\n');
		}
		results.forEach((preset, cells) -> {
			md.append("\n## ").append(preset).append(": ").append(sizes.get(preset)).append("\n\n");
			md.append("| operation | ours p50 / p95 / p99 (c=1) | raw Cypher p50 | @neo4j/graphql p50 | ours ÷ raw | "
					+ "throughput c=8: ours / raw / @neo4j/graphql (req/s) | ours ÷ @neo4j/graphql (c=8) |\n");
			md.append("|---|---|---|---|---|---|---|\n");
			cells.forEach((op, grid) -> md
				.append("| %s | %.1f / %.1f / %.1f ms | %.1f ms | %s | %.2f× | %.0f / %.0f / %s | %s |\n".formatted(op,
						grid[0][0].p50(), grid[0][0].p95(), grid[0][0].p99(), grid[1][0].p50(), ms(grid[2][0].p50()),
						grid[0][0].p50() / grid[1][0].p50(), grid[0][1].throughput(), grid[1][1].throughput(),
						rate(grid[2][1].throughput()), ratio(grid[0][1].throughput() / grid[2][1].throughput()))));
		});
		md.append("\n## Growth: our p50 at c=1 (ms)\n\n| operation |");
		results.keySet().forEach(preset -> md.append(' ').append(preset).append(" |"));
		md.append("\n|---|").append("---|".repeat(results.size())).append('\n');
		results.values().iterator().next().keySet().forEach(op -> {
			md.append("| ").append(op).append(" |");
			results.values().forEach(cells -> md.append(" %.1f |".formatted(cells.get(op)[0][0].p50())));
			md.append('\n');
		});
		md.append("\n![growth](scale-growth.svg)\n");
		return md.toString();
	}

	/** A grouped bar chart of our p50 per operation and preset, log scale. */
	private static String chart(Map<String, Map<String, Cell[][]>> results) {
		List<String> ops = new ArrayList<>(results.values().iterator().next().keySet());
		List<String> presets = new ArrayList<>(results.keySet());
		String[] colors = { "#1565c0", "#ef6c00", "#b71c1c" };
		int width = 900, height = 420, left = 60, bottom = 330, top = 40;
		double max = results.values()
			.stream()
			.flatMap(c -> c.values().stream())
			.mapToDouble(g -> g[0][0].p50())
			.max()
			.orElse(1);
		double logMax = Math.log10(Math.max(10, max * 1.5));
		StringBuilder svg = new StringBuilder(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">"
					.formatted(width, height));
		svg.append(
				"<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><text x=\"10\" y=\"20\" font-size=\"14\">Our p50 latency per operation and network size (ms, log scale)</text>");
		for (double tick = 0.1; tick <= Math.pow(10, logMax); tick *= 10) {
			double y = bottom - (Math.log10(tick) + 1) / (logMax + 1) * (bottom - top);
			svg.append(
					"<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"5\" y=\"%.1f\">%s</text>"
						.formatted(left, width - 10, y, y, y + 4, (tick < 1) ? "0.1" : String.valueOf((long) tick)));
		}
		double group = (width - left - 20.0) / ops.size();
		for (int o = 0; o < ops.size(); o++) {
			for (int p = 0; p < presets.size(); p++) {
				double value = Math.max(0.1, results.get(presets.get(p)).get(ops.get(o))[0][0].p50());
				double h = (Math.log10(value) + 1) / (logMax + 1) * (bottom - top);
				double x = left + o * group + 10 + p * (group - 20) / presets.size();
				svg.append(
						"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %.1f ms</title></rect>"
							.formatted(x, bottom - h, (group - 20) / presets.size() - 2, h, colors[p % colors.length],
									presets.get(p), ops.get(o), value));
			}
			svg.append(
					"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>".formatted(left + o * group + group / 2,
							bottom + 16, ops.get(o).replace("&", "&amp;").replaceAll("^(a |an )", "")));
		}
		for (int p = 0; p < presets.size(); p++) {
			svg.append(
					"<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>"
						.formatted(left + p * 120, height - 30, colors[p % colors.length], left + p * 120 + 16,
								height - 20, presets.get(p)));
		}
		return svg.append("</svg>\n").toString();
	}

	private static String vars(String query, String name, String value) {
		return "{\"query\":" + BenchApp.json(query) + ",\"variables\":{\"" + name + "\":"
				+ ((value == null) ? "null" : BenchApp.json(value)) + "}}";
	}

	private static String code(String id) {
		return id.substring(id.indexOf(':') + 1);
	}

	private static <T> T at(List<T> list, int i) {
		return list.get(Math.floorMod(i, list.size()));
	}

	private static <T> List<T> shuffled(List<T> list, Random random) {
		List<T> copy = new ArrayList<>(list);
		Collections.shuffle(copy, random);
		return copy;
	}

	private static String ms(double value) {
		return Double.isNaN(value) ? "skipped" : "%.1f ms".formatted(value);
	}

	private static String rate(double value) {
		return Double.isNaN(value) ? "skipped" : "%.0f".formatted(value);
	}

	private static String ratio(double value) {
		return Double.isNaN(value) ? "—" : "%.2f×".formatted(value);
	}

}
