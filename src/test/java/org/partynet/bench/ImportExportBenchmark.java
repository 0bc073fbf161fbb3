package org.partynet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The bulk workbook at city scale (issue 7): the packaged application on a fresh store
 * with the sample off and a generated city ({@link NetworkGenerator}, preset
 * {@code city}, seed 42) loaded over Bolt; then the export of the whole network
 * ({@code /export/network.xlsx}) over loopback, timed, with its rows per sheet, size and
 * the application JVM's peak heap (sampled with {@code jstat} every 50 ms); then that
 * workbook imported ({@code POST /import}) into a second application on an empty store
 * with the README's {@code -Xmx512m}, timed, with its peak heap and resident memory. A
 * benchmark, not a test: it prints figures and asserts nothing. Targets: export ≤ 10 s,
 * import ≤ 30 s. {@code -Dbench.import-only=<workbook>} runs the import alone.
 */
public final class ImportExportBenchmark {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * The import's JVM: the README's default; it writes in batches under a journal, so a
	 * city fits. {@code -Dbench.import.jvm="..."} to try others.
	 */
	private static final List<String> IMPORT_JVM_OPTIONS = List
		.of(System.getProperty("bench.import.jvm", "-Xmx512m -XX:+UseSerialGC").trim().split("\\s+"));

	public static void main(String[] args) throws Exception {
		Path jar = BenchApp.jar(args);
		String preset = System.getProperty("bench.preset", "city");
		Path file = Path.of("target", "bench", "network-" + preset + ".xlsx");
		Files.createDirectories(file.getParent());
		StringBuilder report = new StringBuilder();
		long totalRows;
		String importOnly = System.getProperty("bench.import-only", "");
		if (!importOnly.isBlank()) {
			// -Dbench.import-only=<workbook>: the import alone, of a workbook an earlier
			// run exported
			file = Path.of(importOnly);
			totalRows = rowsPerSheet(file).values().stream().mapToLong(Long::longValue).sum();
			report.append("## Import benchmark (%d cores, java -jar %s, loopback, %s: %,d rows)%n%n".formatted(
					Runtime.getRuntime().availableProcessors(), jar.getFileName(), file.getFileName(), totalRows));
			importInto(jar, file, totalRows, report);
			System.out.println();
			System.out.print(report);
			return;
		}
		try (BenchApp app = BenchApp.start(jar, "--partynet.sample.enabled=false")) {
			NetworkGenerator.Result network;
			try (Driver driver = GraphDatabase.driver("bolt://localhost:" + app.boltPort, AuthTokens.none())) {
				network = new NetworkGenerator(42).load(NetworkGenerator.Preset.of(preset), driver);
			}
			report.append(
					"## Import and export benchmark (%d cores, java %s -jar, loopback, preset %s: %,d nodes and %,d relationships generated in %.1f s)%n%n"
						.formatted(Runtime.getRuntime().availableProcessors(), String.join(" ", BenchApp.JVM_OPTIONS),
								preset, network.nodes(), network.relationships(), network.seconds()));
			HeapSampler heap = new HeapSampler(app.process.pid());
			long before = heap.sample();
			double[] seconds = new double[3];
			heap.start();
			for (int i = 0; i < seconds.length; i++) {
				long started = System.nanoTime();
				HttpResponse<Path> response = HTTP
					.send(HttpRequest.newBuilder(URI.create(app.base() + "/export/network.xlsx"))
						.header("Authorization", BenchApp.AUTHORIZATION)
						.timeout(Duration.ofMinutes(10))
						.build(), HttpResponse.BodyHandlers.ofFile(file));
				seconds[i] = (System.nanoTime() - started) / 1e9;
				if (response.statusCode() != 200) {
					throw new IllegalStateException("export: HTTP " + response.statusCode() + "; see " + app.log);
				}
			}
			long peak = heap.stop();
			Map<String, Long> rows = rowsPerSheet(file);
			totalRows = rows.values().stream().mapToLong(Long::longValue).sum();
			report.append("### Export `/export/network.xlsx` (whole network)\n\n| sheet | rows |\n|---|---|\n");
			rows.forEach((sheet, count) -> report.append("| %s | %,d |%n".formatted(sheet, count)));
			report.append("| **total** | **%,d** |%n%n".formatted(totalRows));
			report.append("| what | value | target |\n|---|---|---|\n");
			report.append("| first export (cold: statements planned) | %.1f s | ≤ 10 s |%n".formatted(seconds[0]));
			report.append("| second and third export | %.1f s, %.1f s (%,.0f rows/s) | ≤ 10 s |%n".formatted(seconds[1],
					seconds[2], totalRows / Math.min(seconds[1], seconds[2])));
			report.append("| file size | %.1f MB |  |%n".formatted(Files.size(file) / 1e6));
			report.append(
					"| application heap used: before / peak during the exports (-Xmx of %s) | %.0f MB / %.0f MB | bounded |%n%n"
						.formatted(String.join(" ", BenchApp.JVM_OPTIONS), before / 1e6, peak / 1e6));
		}
		importInto(jar, file, totalRows, report);
		System.out.println();
		System.out.print(report);
		Files.writeString(Path.of("target", "bench", "import-export-report.md"), report.toString());
	}

	/**
	 * The workbook imported into an empty store, timed, with the service's peak heap
	 * (jstat every 50 ms) and peak resident memory ({@code VmHWM}).
	 */
	private static void importInto(Path jar, Path file, long totalRows, StringBuilder report) throws Exception {
		report.append("### Import `POST /import` of that workbook into an empty database (%s)\n\n"
			.formatted(String.join(" ", IMPORT_JVM_OPTIONS)));
		try (BenchApp empty = BenchApp.start(jar, IMPORT_JVM_OPTIONS, "--partynet.sample.enabled=false")) {
			HeapSampler heap = new HeapSampler(empty.process.pid());
			long before = heap.sample();
			heap.start();
			long started = System.nanoTime();
			HttpResponse<String> response = upload(empty, file);
			double seconds = (System.nanoTime() - started) / 1e9;
			long peak = heap.stop();
			String rss = peakResident(empty.process.pid());
			String body = response.body();
			body = body.length() > 500 ? body.substring(0, 500) + "…" : body;
			report.append("| what | value | target |\n|---|---|---|\n");
			report.append("| import of %,d rows: HTTP %d | %.1f s (%,.0f rows/s) | ≤ 30 s |%n".formatted(totalRows,
					response.statusCode(), seconds, totalRows / seconds));
			report.append("| service heap used: before / peak during the import | %.0f MB / %.0f MB | within -Xmx |%n"
				.formatted(before / 1e6, peak / 1e6));
			report.append("| service resident memory: peak (VmHWM) | %s | |%n%n".formatted(rss));
			report.append("Answer: `%s`%n%n".formatted(body));
			if (response.statusCode() == 200) {
				// the service still answers afterwards
				empty.graphql("{ dataset { code } }");
			}
		}
	}

	/** The peak resident set of a process, from /proc (Linux). */
	static String peakResident(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter(line -> line.startsWith("VmHWM:"))
				.map(line -> "%.0f MB".formatted(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0))
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static HttpResponse<String> upload(BenchApp app, Path file) throws IOException, InterruptedException {
		String boundary = "partynet-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName()
				+ "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + "/import"))
			.header("Authorization", BenchApp.AUTHORIZATION)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Data rows per sheet (the header row aside), counted in the sheets' XML without
	 * loading them.
	 */
	static Map<String, Long> rowsPerSheet(Path file) throws Exception {
		Map<String, Long> rows = new LinkedHashMap<>();
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					String name = sheets.getSheetName();
					long count = count(in, "<row ".getBytes(StandardCharsets.US_ASCII));
					if (!name.startsWith("说明")) {
						rows.put(name, Math.max(0, count - 1));
					}
				}
			}
		}
		return rows;
	}

	private static long count(InputStream in, byte[] needle) throws IOException {
		long found = 0;
		int matched = 0;
		byte[] buffer = new byte[1 << 16];
		for (int n; (n = in.read(buffer)) > 0;) {
			for (int i = 0; i < n; i++) {
				if (buffer[i] == needle[matched]) {
					if (++matched == needle.length) {
						found++;
						matched = 0;
					}
				}
				else {
					matched = (buffer[i] == needle[0]) ? 1 : 0;
				}
			}
		}
		return found;
	}

	/**
	 * The heap a process uses (survivor, eden and old generation), sampled with
	 * {@code jstat}.
	 */
	static final class HeapSampler {

		private final long pid;

		private final AtomicLong peak = new AtomicLong();

		private volatile boolean running;

		private Thread thread;

		HeapSampler(long pid) {
			this.pid = pid;
		}

		long sample() throws IOException, InterruptedException {
			Process jstat = new ProcessBuilder(jstat(), "-gc", Long.toString(this.pid)).redirectErrorStream(true)
				.start();
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
				List<String> lines = out.lines().toList();
				jstat.waitFor();
				return used(lines.get(0), lines.get(1));
			}
		}

		void start() throws IOException {
			this.running = true;
			Process jstat = new ProcessBuilder(jstat(), "-gc", Long.toString(this.pid), "50").redirectErrorStream(true)
				.start();
			this.thread = new Thread(() -> {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
					String header = out.readLine();
					for (String line; this.running && (line = out.readLine()) != null;) {
						if (!line.isBlank() && !line.trim().startsWith("S0C")) {
							long used = used(header, line);
							this.peak.accumulateAndGet(used, Math::max);
						}
					}
				}
				catch (IOException | RuntimeException ex) {
					// sampling ends with the process
				}
				finally {
					jstat.destroy();
				}
			});
			this.thread.setDaemon(true);
			this.thread.start();
		}

		long stop() throws InterruptedException {
			this.running = false;
			this.thread.join(2000);
			return this.peak.get();
		}

		private static long used(String header, String line) {
			List<String> names = List.of(header.trim().split("\\s+"));
			String[] values = line.trim().split("\\s+");
			double kb = 0;
			for (String column : List.of("S0U", "S1U", "EU", "OU")) {
				kb += Double.parseDouble(values[names.indexOf(column)]);
			}
			return (long) (kb * 1024);
		}

		private static String jstat() {
			return Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
		}

	}

}
