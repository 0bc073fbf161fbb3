package org.partynet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Backup and restore at city scale (issue 19): the packaged application at the README's
 * {@code -Xmx512m} on a fresh store with the sample off and a generated city
 * ({@link NetworkGenerator}, preset {@code city}, seed 42) loaded over Bolt; a backup by
 * the page's button (in the service's own JVM) and one by
 * {@code java -Xmx512m -jar partynet.jar backup FILE} while the service runs (through its
 * Bolt port), each timed with its file's size and its JVM's peak heap (jstat every 50 ms)
 * and resident memory; a mutation sent while the backup reads, and how long it waited;
 * then the service stopped and {@code restore FILE} into an empty data directory, timed
 * the same way, and the service started on it answering the same figures. A benchmark,
 * not a test: it prints figures and asserts only that the figures match.
 */
public final class BackupBenchmark {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String FIGURES = "{ networkStats { streetCommittees communityCommittees gridBranches buildingGroups"
			+ " buildingHeads grids buildings commercialSites alliances partTimeMembers instructors partyMembers } }";

	public static void main(String[] args) throws Exception {
		Path jar = BenchApp.jar(args).toAbsolutePath();
		String preset = System.getProperty("bench.preset", "city");
		Path work = Files.createDirectories(Path.of("target", "bench").toAbsolutePath());
		Path file = work.resolve("backup-" + preset + ".jsonl.gz");
		Files.deleteIfExists(file);
		Path data = Files.createTempDirectory("partynet-bench-backup");
		StringBuilder report = new StringBuilder();
		String before;
		try (BenchApp app = BenchApp.start(jar, BenchApp.JVM_OPTIONS, data, "--partynet.sample.enabled=false",
				"--partynet.backup.schedule=-", "--partynet.backup.directory=" + work.resolve("backups"))) {
			NetworkGenerator.Result network;
			try (Driver driver = GraphDatabase.driver("bolt://localhost:" + app.boltPort, AuthTokens.none())) {
				network = new NetworkGenerator(42).load(NetworkGenerator.Preset.of(preset), driver);
			}
			before = app.graphql(FIGURES);
			report.append(
					"## Backup and restore benchmark (%d cores, java %s -jar, preset %s: %,d nodes and %,d relationships generated)%n%n"
						.formatted(Runtime.getRuntime().availableProcessors(), String.join(" ", BenchApp.JVM_OPTIONS),
								preset, network.nodes(), network.relationships()));
			report.append("| what | time | file | peak heap | peak resident |\n|---|---|---|---|---|\n");

			// the page's button, twice: the first plans the statements
			for (int i = 1; i <= 2; i++) {
				ImportExportBenchmark.HeapSampler heap = new ImportExportBenchmark.HeapSampler(app.process.pid());
				heap.start();
				long started = System.nanoTime();
				HttpResponse<String> response = HTTP
					.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin/backups/run"))
						.header("Authorization", BenchApp.AUTHORIZATION)
						.timeout(Duration.ofMinutes(10))
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(), HttpResponse.BodyHandlers.ofString());
				double seconds = (System.nanoTime() - started) / 1e9;
				long peak = heap.stop();
				if (response.statusCode() != 200) {
					throw new IllegalStateException("backup: HTTP " + response.statusCode() + " " + response.body());
				}
				long bytes = Long.parseLong(response.body().replaceAll(".*\"bytes\":(\\d+).*", "$1"));
				report.append("| backup by the button (in the service), %s | %.1f s | %.1f MB | %.0f MB | %s |%n"
					.formatted((i == 1) ? "first" : "second", seconds, bytes / 1e6, peak / 1e6,
							ImportExportBenchmark.peakResident(app.process.pid())));
			}

			// the command line while the service runs, with a mutation sent meanwhile
			Command backup = Command.start(jar, "backup", file.toString(), "--partynet.embedded.data-dir=" + data,
					"--partynet.embedded.bolt-port=" + app.boltPort);
			// once the backup holds its lease (its JVM has started), a little into its
			// read
			try (Driver driver = GraphDatabase.driver("bolt://localhost:" + app.boltPort, AuthTokens.none());
					var session = driver.session()) {
				while (session.run("MATCH (l:Lease {name: 'import', holder: 'backup'}) RETURN count(l) AS n")
					.single()
					.get("n")
					.asLong() == 0) {
					Thread.sleep(20);
				}
			}
			Thread.sleep(500);
			long sent = System.nanoTime();
			// BenchApp.graphql refuses an answer with errors in it, user errors too
			String changed = app
				.graphql("mutation { updateOrganization(input: {id: \"StreetWorkingCommittee:X-S1-DGW\","
						+ " version: 0, name: \"第1街道党工委（备份中）\"}) { changeId } }");
			double waited = (System.nanoTime() - sent) / 1e9;
			if (changed.contains("\"changeId\":null")) {
				throw new IllegalStateException("The mutation changed nothing: " + changed);
			}
			Command.Finished done = backup.finish();
			report.append(
					"| `backup FILE` while the service runs (a JVM of its own, through Bolt) | %.1f s | %.1f MB | %.0f MB | %s |%n"
						.formatted(done.seconds(), Files.size(file) / 1e6, done.peakHeap() / 1e6, done.peakResident()));
			report.append("| a mutation sent 0.5 s after that backup took its lease: answered after | %.2f s | | | |%n"
				.formatted(waited));
		}

		Path restored = Files.createTempDirectory("partynet-bench-restore");
		Command restore = Command.start(jar, "restore", file.toString(), "--partynet.embedded.data-dir=" + restored,
				"--partynet.embedded.bolt-port=" + BenchApp.freePort());
		Command.Finished done = restore.finish();
		report.append("| `restore FILE` into an empty data directory | %.1f s | | %.0f MB | %s |%n"
			.formatted(done.seconds(), done.peakHeap() / 1e6, done.peakResident()));
		try (BenchApp app = BenchApp.start(jar, BenchApp.JVM_OPTIONS, restored, "--partynet.backup.schedule=-")) {
			String after = app.graphql(FIGURES);
			report.append("%nThe service started on the restored store answers %s figures: `%s`%n"
				.formatted(after.equals(before) ? "the same" : "**different**", after));
			if (!after.equals(before)) {
				throw new IllegalStateException("Figures differ after the restore: " + before + " / " + after);
			}
		}
		System.out.println();
		System.out.print(report);
		Files.writeString(work.resolve("backup-report.md"), report.toString());
	}

	/**
	 * {@code java -jar partynet.jar <command>} in a JVM of its own, with the README's
	 * options.
	 */
	private record Command(Process process, long started, ImportExportBenchmark.HeapSampler heap, Path log,
			String[] resident) {

		static Command start(Path jar, String... args) throws IOException {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
			command.addAll(BenchApp.JVM_OPTIONS);
			command.addAll(List.of("-jar", jar.toString()));
			command.addAll(List.of(args));
			Path log = Files.createTempFile("partynet-bench-command", ".log");
			long started = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			ImportExportBenchmark.HeapSampler heap = new ImportExportBenchmark.HeapSampler(process.pid());
			heap.start();
			String[] resident = { "?" };
			// VmHWM only grows: the last reading before the process ends is its peak
			Thread watcher = new Thread(() -> {
				while (process.isAlive()) {
					String now = ImportExportBenchmark.peakResident(process.pid());
					if (!now.equals("?")) {
						resident[0] = now;
					}
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			watcher.setDaemon(true);
			watcher.start();
			return new Command(process, started, heap, log, resident);
		}

		Finished finish() throws Exception {
			int status = this.process.waitFor();
			double seconds = (System.nanoTime() - this.started) / 1e9;
			long peak = this.heap.stop();
			if (status != 0) {
				throw new IllegalStateException("exit " + status + ": " + Files.readString(this.log));
			}
			return new Finished(seconds, peak, this.resident[0]);
		}

		record Finished(double seconds, long peakHeap, String peakResident) {
		}

	}

}
