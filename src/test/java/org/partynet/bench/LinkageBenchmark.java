package org.partynet.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * 联动 at city scale: the packaged application on its embedded default, with the sample off
 * and a generated city ({@link NetworkGenerator}, preset {@code city}) loaded over Bolt,
 * measured over loopback: a community's {@code linkages}, and {@code connection} between
 * two random nodes with {@code maxHops: 6}. A benchmark, not a test: it prints figures
 * and asserts nothing.
 */
public final class LinkageBenchmark {

	private static final int WARM_UP = 100;

	private static final int MEASURED = 300;

	public static void main(String[] args) throws Exception {
		Path jar = BenchApp.jar(args);
		String preset = System.getProperty("bench.preset", "city");
		try (BenchApp app = BenchApp.start(jar, "--partynet.sample.enabled=false")) {
			NetworkGenerator.Result network;
			try (Driver driver = GraphDatabase.driver("bolt://localhost:" + app.boltPort, AuthTokens.none())) {
				network = new NetworkGenerator(42).load(NetworkGenerator.Preset.of(preset), driver);
			}
			Random random = new Random(7);
			List<String> committees = network.ids().get("CommunityCommittee");
			List<String> anyNode = new java.util.ArrayList<>();
			network.ids().values().forEach(anyNode::addAll);

			String linkages = "query L($id: ID!) { linkages(id: $id) { unitCount groups { kind links { unit { id name } people { name } alliances { name } } } } }";
			double[] linkageTimes = new double[MEASURED];
			for (int i = 0; i < WARM_UP + MEASURED; i++) {
				double ms = app.timed(linkages,
						"{\"id\":\"" + committees.get(random.nextInt(committees.size())) + "\"}");
				if (i >= WARM_UP) {
					linkageTimes[i - WARM_UP] = ms;
				}
			}
			String connection = "query C($from: ID!, $to: ID!) { connection(from: $from, to: $to, maxHops: 6) { length sentence } }";
			double[] connectionTimes = new double[MEASURED];
			int found = 0;
			for (int i = 0; i < WARM_UP + MEASURED; i++) {
				String from = anyNode.get(random.nextInt(anyNode.size())),
						to = anyNode.get(random.nextInt(anyNode.size()));
				long started = System.nanoTime();
				String body = app.graphql("{\"query\":" + BenchApp.json(connection) + ",\"variables\":{\"from\":\""
						+ from + "\",\"to\":\"" + to + "\"}}");
				if (i >= WARM_UP) {
					connectionTimes[i - WARM_UP] = (System.nanoTime() - started) / 1e6;
					found += body.contains("\"length\"") ? 1 : 0;
				}
			}
			// Pairs that are usually connected: two nodes of one street (people aside,
			// whose codes name no street).
			double[] nearTimes = new double[MEASURED];
			int nearFound = 0;
			int streets = network.ids().get("Street").size();
			for (int i = 0; i < WARM_UP + MEASURED; i++) {
				String prefix = ":X-S" + (1 + random.nextInt(streets)) + "-";
				List<String> street = anyNode.stream().filter((id) -> id.contains(prefix)).toList();
				String from = street.get(random.nextInt(street.size())), to = street.get(random.nextInt(street.size()));
				long started = System.nanoTime();
				String body = app.graphql("{\"query\":" + BenchApp.json(connection) + ",\"variables\":{\"from\":\""
						+ from + "\",\"to\":\"" + to + "\"}}");
				if (i >= WARM_UP) {
					nearTimes[i - WARM_UP] = (System.nanoTime() - started) / 1e6;
					nearFound += body.contains("\"length\"") ? 1 : 0;
				}
			}
			System.out.println();
			System.out.println("## Linkage benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, java "
					+ String.join(" ", BenchApp.JVM_OPTIONS) + " -jar, loopback, preset " + preset + ": "
					+ "%,d nodes, %,d relationships generated in %.1f s, %,.0f nodes/s)".formatted(network.nodes(),
							network.relationships(), network.seconds(), network.nodes() / network.seconds()));
			System.out.println();
			System.out.println("| what | median | p95 | p99 | max | target |");
			System.out.println("|---|---|---|---|---|---|");
			System.out
				.println(BenchApp.row("`linkages` of a random community committee", linkageTimes, "median ≤ 20 ms"));
			System.out.println(BenchApp.row("`connection` between two random nodes, `maxHops: 6` (%d of %d had a path)"
				.formatted(found, MEASURED), connectionTimes, "median ≤ 50 ms"));
			System.out.println(BenchApp.row("`connection` between two random nodes of one street (%d of %d had a path)"
				.formatted(nearFound, MEASURED), nearTimes, "—"));
			System.out.println();
		}
	}

}
