package org.partynet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of the application went during each measured window, from a JDK Flight
 * Recorder file (the application's JVM ran with {@code -Dbench.profile}). Each execution
 * sample counts once, for the innermost frame of a known part: a sample in a
 * {@code HashMap} called by graphql-java's validation is validation's. Threads tell the
 * database's work (Neo4j's Bolt workers and Cypher runtime) from ours, which runs on
 * Tomcat's request threads and the driver's I/O threads. GC is the time the collector
 * paused the application in the window.
 */
final class ProfileBreakdown {

	/**
	 * The parts, innermost first where packages nest ({@code graphql.parser} before
	 * {@code graphql}).
	 */
	private static final Map<String, String> PARTS = parts();

	private ProfileBreakdown() {
	}

	private static Map<String, String> parts() {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("graphql.parser.", "GraphQL parsing");
		parts.put("graphql.language.", "GraphQL parsing");
		parts.put("graphql.validation.", "GraphQL validation");
		parts.put("graphql.analysis.", "query limits (depth, complexity, aliases)");
		parts.put("graphql.execution.instrumentation.", "GraphQL instrumentation");
		parts.put("org.dataloader.", "DataLoader");
		parts.put("com.fasterxml.jackson.", "JSON");
		parts.put("tools.jackson.", "JSON");
		parts.put("graphql.", "GraphQL execution");
		parts.put("org.springframework.graphql.", "Spring for GraphQL");
		parts.put("org.springframework.data.neo4j.", "Spring Data Neo4j client");
		parts.put("org.neo4j.driver.", "Neo4j driver (Bolt client)");
		parts.put("org.springframework.transaction.", "transactions");
		parts.put("org.springframework.security.", "security filters");
		parts.put("io.micrometer.", "metrics and observation");
		parts.put("reactor.", "Reactor");
		parts.put("ch.qos.logback.", "logging");
		parts.put("org.slf4j.", "logging");
		parts.put("org.partynet.", "partynet code");
		parts.put("org.apache.catalina.", "HTTP (Tomcat)");
		parts.put("org.apache.coyote.", "HTTP (Tomcat)");
		parts.put("org.apache.tomcat.", "HTTP (Tomcat)");
		parts.put("org.springframework.web.", "HTTP (Spring MVC)");
		parts.put("io.netty.", "Netty I/O");
		parts.put("sun.nio.", "socket I/O");
		return parts;
	}

	/** A named window of the run. */
	record Window(String name, Instant start, Instant end) {
	}

	/** One Markdown table per window: the share of CPU samples of each part. */
	static String of(Path recording, List<Window> windows) throws IOException {
		Map<String, Map<String, Integer>> samples = new LinkedHashMap<>();
		Map<String, Duration> paused = new LinkedHashMap<>();
		windows.forEach(w -> {
			samples.put(w.name(), new LinkedHashMap<>());
			paused.put(w.name(), Duration.ZERO);
		});
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				String type = event.getEventType().getName();
				boolean sample = type.equals("jdk.ExecutionSample");
				boolean gc = type.equals("jdk.GarbageCollection");
				if (!sample && !gc) {
					continue;
				}
				for (Window window : windows) {
					if (event.getStartTime().isBefore(window.start()) || event.getStartTime().isAfter(window.end())) {
						continue;
					}
					if (sample) {
						samples.get(window.name()).merge(part(event), 1, Integer::sum);
					}
					else {
						paused.merge(window.name(), event.getDuration(), Duration::plus);
					}
				}
			}
		}
		StringBuilder md = new StringBuilder();
		for (Window window : windows) {
			Map<String, Integer> counts = samples.get(window.name());
			int total = counts.values().stream().mapToInt(Integer::intValue).sum();
			double seconds = Duration.between(window.start(), window.end()).toMillis() / 1000.0;
			md.append("\n### ")
				.append(window.name())
				.append("\n\n%,d CPU samples in %.1f s; GC paused the application %.0f ms (%.1f %% of the window)\n\n"
					.formatted(total, seconds, paused.get(window.name()).toNanos() / 1e6,
							paused.get(window.name()).toNanos() / 1e7 / seconds));
			md.append("| part | share of CPU samples |\n|---|---|\n");
			counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.forEach(e -> md.append("| %s | %.1f %% |\n".formatted(e.getKey(), 100.0 * e.getValue() / total)));
		}
		return md.toString();
	}

	private static String part(RecordedEvent sample) {
		RecordedThread thread = sample.getThread("sampledThread");
		String name = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "";
		RecordedStackTrace stack = sample.getStackTrace();
		if (!name.startsWith("http-nio") && !name.startsWith("Neo4jDriverIO")) {
			// the database's own threads: Bolt workers, Cypher, the kernel
			return name.startsWith("neo4j.") || name.startsWith("bolt") ? "Neo4j server (Bolt and Cypher)"
					: "other threads (" + name.replaceAll("[-\\d]+$", "") + ")";
		}
		if (stack != null) {
			for (RecordedFrame frame : stack.getFrames()) {
				String type = frame.getMethod().getType().getName();
				for (Map.Entry<String, String> part : PARTS.entrySet()) {
					if (type.startsWith(part.getKey())) {
						return part.getValue();
					}
				}
			}
		}
		return "other (JDK)";
	}

}
