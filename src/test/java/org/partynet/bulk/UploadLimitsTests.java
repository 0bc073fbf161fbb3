package org.partynet.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.harness.Neo4j;
import org.partynet.PartynetApplication;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.GraphDump;
import org.partynet.support.InProcessNeo4j;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile uploads, on a Neo4j of its own: a ZIP of a few MB whose CSV expands past 1 GB,
 * an entry and a whole past their byte limits, a cell with no end, a workbook whose
 * shared strings expand to hundreds of MB or hold too many strings, sheets with too many
 * rows or cells, many and nested entries. Each is refused while it is read with the
 * import's JSON (413, naming the limit and the file), writes nothing, and the service
 * answers a GraphQL query during and after. The service here runs with smaller byte and
 * row limits (below), so that the bombs are quick to make and to refuse; the real 1 GB
 * bomb also meets the real defaults, read directly and through the command line (which
 * starts with {@code application.yml}'s defaults). Each upload's peak heap is printed;
 * run with {@code -DargLine="-Xmx512m -XX:+UseSerialGC"} to hold the whole test JVM (the
 * service, its Neo4j and the test) to the README's heap.
 * <p>
 * Over 400 lines on purpose: one case per limit, each short.
 */
class UploadLimitsTests extends HarnessTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String STREETS_HEADER = "代码 Code,名称 Name,所属区 District\r\n";

	private static Neo4j neo4j() {
		return InProcessNeo4j.own("upload-limits");
	}

	private static Driver driver() {
		return InProcessNeo4j.driver(neo4j());
	}

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "upload-limits");
		registry.add("partynet.import.limits.max-total-bytes", () -> "48MB");
		registry.add("partynet.import.limits.max-entry-bytes", () -> "32MB");
		registry.add("partynet.import.limits.max-rows-per-sheet", () -> "20000");
		registry.add("partynet.import.limits.max-shared-strings", () -> "100000");
		registry.add("partynet.import.limits.max-shared-strings-bytes", () -> "8MB");
	}

	@Autowired
	private ImportLimits limits;

	private static byte[] bomb;

	/** 6 MB of ZIP: a streets.csv of 1,100 MB, one plausible row repeated. */
	private static synchronized byte[] bomb() {
		if (bomb == null) {
			bomb = zip(entry("streets.csv", STREETS_HEADER, "GZ-BOMB,炸弹街道,GZ\r\n", 1100L << 20));
		}
		return bomb;
	}

	// -- ZIP files of CSV
	// ----------------------------------------------------------------------

	@Test
	void a_zip_of_a_few_mb_whose_csv_expands_past_1_gb_is_refused_at_the_row_limit_while_the_service_answers()
			throws Exception {
		byte[] bomb = bomb();
		assertThat(bomb.length).as("a few MB").isLessThan(12 << 20);
		List<String> before = dump();
		Peak peak = Peak.start();
		CompletableFuture<HttpResponse<String>> upload = http
			.sendAsync(upload(List.of(new Part("bomb.zip", bomb)), false), HttpResponse.BodyHandlers.ofString());
		// the service answers while the bomb is read
		assertThat(networkStats()).isPositive();
		HttpResponse<String> response = upload.join();
		peak.stop("zip bomb of " + (bomb.length >> 20) + " MB expanding to 1,100 MB (rows)");
		Map<String, Object> error = assertRefused(response, "max-rows-per-sheet", "bomb.zip/streets.csv");
		// the 20,001st row kept, the header being the first
		assertThat(error)
			.isEqualTo(asJson(this.limits.exceeded(ImportLimits.Limit.ROWS_PER_SHEET, "bomb.zip/streets.csv", 20_001)));
		assertThat(dump()).as("nothing written").isEqualTo(before);
		assertThat(networkStats()).isPositive();
	}

	@Test
	void the_real_defaults_refuse_the_real_bomb_early() throws IOException {
		Path file = Files.createTempFile("partynet-bomb-", ".zip");
		try {
			Files.write(file, bomb());
			Peak peak = Peak.start();
			long started = System.nanoTime();
			ImportException refused = catchThrowableOfType(ImportException.class, () -> ImportReader.read(file,
					"bomb.zip", new ImportLimits.Budget(ImportLimits.defaults()), rows -> {
					}));
			long millis = (System.nanoTime() - started) / 1_000_000;
			peak.stop("the 1,100 MB bomb against the defaults, read directly (" + millis + " ms)");
			assertThat(refused.errors()).singleElement()
				.satisfies(e -> assertThat(e.limit()).isEqualTo("max-rows-per-sheet"))
				.satisfies(e -> assertThat(e.row()).isEqualTo(250_001))
				.satisfies(e -> assertThat(e.message()).contains("250,000", "bomb.zip/streets.csv"));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void a_zip_entry_past_max_entry_bytes_is_refused() {
		// blank lines keep no row: only the bytes count
		byte[] bomb = zip(entry("streets.csv", STREETS_HEADER, ",,\r\n", 256L << 20));
		refused("blank.zip", bomb, "max-entry-bytes", "blank.zip/streets.csv", "32 MB");
	}

	@Test
	void entries_together_past_max_total_bytes_are_refused() {
		byte[] bombs = zip(entry("streets.csv", STREETS_HEADER, ",,\r\n", 20L << 20),
				entry("grids.csv", STREETS_HEADER, ",,\r\n", 20L << 20),
				entry("people.csv", STREETS_HEADER, ",,\r\n", 20L << 20));
		refused("total.zip", bombs, "max-total-bytes", "total.zip/people.csv", "48 MB");
	}

	@Test
	void a_cell_without_end_is_refused_at_max_cell_chars() {
		byte[] bomb = zip(entry("streets.csv", STREETS_HEADER + "GZ-X,\"", "甲乙丙丁", 256L << 20));
		refused("cell.zip", bomb, "max-cell-chars", "cell.zip/streets.csv", "32,767");
	}

	@Test
	void a_csv_row_with_too_many_cells_is_refused() {
		String row = "GZ-X,x,GZ" + ",".repeat(5_000) + "\r\n";
		refused(List.of(new Part("streets.csv", (STREETS_HEADER + row).getBytes(StandardCharsets.UTF_8))),
				"max-cells-per-row", "streets.csv");
	}

	@Test
	void a_zip_of_too_many_entries_is_refused_and_a_nested_archive_is_not_opened() {
		List<Entry> many = new ArrayList<>();
		for (int i = 0; i <= 1000; i++) {
			many.add(entry("x" + i + ".csv", "", "", 0));
		}
		refused("many.zip", zip(many.toArray(new Entry[0])), "max-entries", "many.zip", "1,000");

		byte[] nested = zip(new Nested("inner.zip", bomb()));
		List<String> before = dump();
		Peak peak = Peak.start();
		HttpResponse<String> response = send(List.of(new Part("nested.zip", nested)), false);
		peak.stop("ZIP holding a ZIP bomb");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		Map<String, Object> answer = parse(response.body());
		assertThat(answer.get("warnings").toString()).contains("inner.zip");
		assertThat(dump()).isEqualTo(before);
		assertThat(networkStats()).isPositive();
	}

	// -- workbooks
	// -----------------------------------------------------------------------------

	@Test
	void a_workbook_whose_shared_strings_expand_to_1_gb_is_refused_as_a_bomb() {
		// one string repeated shrinks far more than any real workbook: POI's own ratio
		// check, named
		String item = "<si><t>" + "共享字符串".repeat(20) + "</t></si>";
		byte[] bomb = xlsx(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
				new Entry("xl/sharedStrings.xml", SST_HEAD, item, 1024L << 20, "</sst>"));
		assertThat(bomb.length).as("a few MB").isLessThan(12 << 20);
		refused("strings.xlsx", bomb, "min-inflate-ratio", "strings.xlsx/xl/sharedStrings.xml", "1%");
	}

	@Test
	void a_workbook_whose_shared_strings_are_over_their_bytes_is_refused() {
		// distinct strings shrink as real ones do, so that only the size counts
		byte[] bomb = xlsx(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), distinctStrings(400_000));
		refused("strings.xlsx", bomb, "max-shared-strings-bytes", "strings.xlsx/xl/sharedStrings.xml", "8 MB");
	}

	@Test
	void a_workbook_with_too_many_shared_strings_is_refused() {
		byte[] bomb = xlsx(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), distinctStrings(100_001));
		refused("count.xlsx", bomb, "max-shared-strings", "count.xlsx/xl/sharedStrings.xml", "100,000");
	}

	/**
	 * A shared strings part of {@code count} distinct short strings that claims two
	 * billion (POI would size a list by it).
	 */
	private static Entry distinctStrings(int count) {
		return new Entry("xl/sharedStrings.xml", SST_HEAD.replace("uniqueCount=\"1\"", "uniqueCount=\"2000000000\""),
				"", 0, "</sst>") {
			@Override
			void write(OutputStream out) throws IOException {
				out.write(this.head.getBytes(StandardCharsets.UTF_8));
				java.util.Random random = new java.util.Random(42);
				for (int i = 0; i < count; i++) {
					out.write(("<si><t>" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "</t></si>")
						.getBytes(StandardCharsets.UTF_8));
				}
				out.write(this.tail.getBytes(StandardCharsets.UTF_8));
			}
		};
	}

	@Test
	void a_sheet_with_too_many_rows_is_refused() {
		Entry sheet = new Entry("xl/worksheets/sheet1.xml", SHEET_HEAD + headerRow(), null, 0,
				"</sheetData></worksheet>") {
			@Override
			void write(OutputStream out) throws IOException {
				out.write(this.head.getBytes(StandardCharsets.UTF_8));
				for (int r = 2; r <= 20_001; r++) {
					out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>GZ-R" + r
							+ "</t></is></c><c r=\"B" + r + "\" t=\"inlineStr\"><is><t>街道" + r + "</t></is></c><c r=\"C"
							+ r + "\" t=\"inlineStr\"><is><t>GZ</t></is></c></row>")
						.getBytes(StandardCharsets.UTF_8));
				}
				out.write(this.tail.getBytes(StandardCharsets.UTF_8));
			}
		};
		refused("rows.xlsx", xlsx(sheet, sst()), "max-rows-per-sheet", "rows.xlsx/街道 Streets", "20,000");
	}

	@Test
	void a_sheet_row_with_too_many_cells_or_a_far_column_is_refused() {
		StringBuilder row = new StringBuilder("<row r=\"2\">");
		for (int c = 0; c < 101; c++) {
			row.append("<c t=\"inlineStr\"><is><t>x</t></is></c>");
		}
		row.append("</row>");
		refused("cells.xlsx", xlsx(sheet(headerRow() + row), sst()), "max-cells-per-row", "cells.xlsx/街道 Streets",
				"100");
		String far = "<row r=\"2\"><c r=\"XFD2\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
		refused("far.xlsx", xlsx(sheet(headerRow() + far), sst()), "max-cells-per-row", "far.xlsx/街道 Streets", "100");
	}

	@Test
	void a_normal_workbook_still_imports_under_the_limits() {
		// the hand-made workbook of the other tests, with a shared string, reads as any
		// other
		String row = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>GZ-ULX</t></is></c><c r=\"B2\" t=\"s\"><v>0</v></c>"
				+ "<c r=\"C2\" t=\"inlineStr\"><is><t>GZ</t></is></c></row>";
		HttpResponse<String> response = send(List.of(new Part("ok.xlsx", xlsx(sheet(headerRow() + row), sst()))), true);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(parse(response.body())).containsEntry("created", 1);
		HttpResponse<String> ok = send(
				List.of(new Part("network.xlsx", ImportFixture.xlsx(ImportFixture.network("UL")))), true);
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
	}

	// -- the command line
	// ----------------------------------------------------------------------

	@Test
	void the_command_line_gives_the_same_refusal() throws IOException {
		byte[] bomb = bomb();
		Path file = Files.createTempFile("partynet-bomb-", ".zip");
		Path named = file.resolveSibling("bomb.zip-" + UUID.randomUUID()).resolve("bomb.zip");
		Files.createDirectories(named.getParent());
		Files.move(file, named);
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		try {
			Files.write(named, bomb);
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			int status = ImportCommand.run(PartynetApplication.class,
					new String[] { "import", named.toString(), "--spring.neo4j.uri=" + neo4j().boltURI(),
							"--partynet.sample.external=true", "--logging.level.root=warn" });
			assertThat(status).isEqualTo(1);
		}
		finally {
			System.setOut(out);
			Files.deleteIfExists(named);
			Files.deleteIfExists(named.getParent());
		}
		String printed = captured.toString(StandardCharsets.UTF_8);
		Map<String, Object> cli = parse(printed.substring(printed.indexOf('{')));
		// the command line runs with application.yml's defaults, the service here with
		// smaller limits
		assertThat(ImportApiTests.errors(cli)).singleElement()
			.isEqualTo(asJson(ImportLimits.defaults()
				.exceeded(ImportLimits.Limit.ROWS_PER_SHEET, "bomb.zip/streets.csv", 250_001)));
	}

	/** A refusal as the import's JSON carries it. */
	private static Map<String, Object> asJson(ImportException refused) {
		return parse(json.writeValueAsString(refused.errors().get(0)));
	}

	// -- helpers
	// ---------------------------------------------------------------------------------

	record Part(String name, byte[] content) {
	}

	/**
	 * A ZIP entry: a head, then {@code body} repeated up to {@code size} bytes, then a
	 * tail; written as a stream.
	 */
	static class Entry {

		final String name;

		final String head;

		final String body;

		final long size;

		final String tail;

		Entry(String name, String head, String body, long size, String tail) {
			this.name = name;
			this.head = head;
			this.body = body;
			this.size = size;
			this.tail = tail;
		}

		void write(OutputStream out) throws IOException {
			out.write(this.head.getBytes(StandardCharsets.UTF_8));
			if (this.size > 0) {
				byte[] block = this.body
					.repeat(Math.max(1, (1 << 16) / this.body.getBytes(StandardCharsets.UTF_8).length))
					.getBytes(StandardCharsets.UTF_8);
				for (long n = 0; n < this.size; n += block.length) {
					out.write(block);
				}
			}
			out.write(this.tail.getBytes(StandardCharsets.UTF_8));
		}

	}

	static Entry entry(String name, String head, String body, long size) {
		return new Entry(name, head, body, size, "");
	}

	/**
	 * A ZIP of the entries, deflated fast (a repeated body still shrinks about 160
	 * times).
	 */
	static byte[] zip(Entry... entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			zip.setLevel(Deflater.BEST_SPEED);
			for (Entry entry : entries) {
				zip.putNextEntry(new ZipEntry(entry.name));
				if (entry instanceof Nested nested) {
					zip.write(nested.content);
				}
				else {
					entry.write(zip);
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String SHEET_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
			+ "\"><sheetData>";

	private static final String SST_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
			+ "\" count=\"1\" uniqueCount=\"1\">";

	private static String headerRow() {
		return "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>代码 Code</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>名称 Name</t></is></c>"
				+ "<c r=\"C1\" t=\"inlineStr\"><is><t>所属区 District</t></is></c></row>";
	}

	static Entry sheet(String rows) {
		return new Entry("xl/worksheets/sheet1.xml", SHEET_HEAD + rows, "", 0, "</sheetData></worksheet>");
	}

	static Entry sst() {
		return new Entry("xl/sharedStrings.xml",
				SST_HEAD + "<si><t>共享</t><rPh><t>gongxiang</t></rPh><r><t>街道</t></r></si>", "", 0, "</sst>");
	}

	/**
	 * A workbook of one sheet, 街道 Streets, as a handful of parts written by hand (so that
	 * any part can be hostile).
	 */
	static byte[] xlsx(Entry sheet, Entry sharedStrings) {
		String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
				+ "</Types>";
		String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
				+ "</Relationships>";
		String workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
				+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
				+ "<sheets><sheet name=\"街道 Streets\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
		String workbookRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
				+ "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
				+ "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
				+ "</Relationships>";
		String styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN
				+ "\"><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
				+ "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>";
		return zip(text("[Content_Types].xml", types), text("_rels/.rels", rels), text("xl/workbook.xml", workbook),
				text("xl/_rels/workbook.xml.rels", workbookRels), text("xl/styles.xml", styles), sheet, sharedStrings);
	}

	private static Entry text(String name, String content) {
		return new Entry(name, content, "", 0, "");
	}

	/** An entry holding bytes as they are (a ZIP inside the ZIP). */
	static final class Nested extends Entry {

		final byte[] content;

		Nested(String name, byte[] content) {
			super(name, "", "", 0, "");
			this.content = content;
		}

	}

	private void refused(String name, byte[] content, String limit, String where, String amount) {
		refused(List.of(new Part(name, content)), limit, where, amount);
	}

	private void refused(List<Part> parts, String limit, String where) {
		refused(parts, limit, where, "");
	}

	private void refused(List<Part> parts, String limit, String where, String amount) {
		List<String> before = dump();
		Peak peak = Peak.start();
		long started = System.nanoTime();
		HttpResponse<String> response = send(parts, false);
		long millis = (System.nanoTime() - started) / 1_000_000;
		peak.stop(limit + " (" + parts.get(0).name() + ", " + (parts.get(0).content().length >> 10) + " KB, " + millis
				+ " ms)");
		Map<String, Object> error = assertRefused(response, limit, where);
		assertThat((String) error.get("message")).contains(amount);
		assertThat(dump()).as("nothing written").isEqualTo(before);
		assertThat(networkStats()).as("the service still answers").isPositive();
	}

	private static Map<String, Object> assertRefused(HttpResponse<String> response, String limit, String where) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		Map<String, Object> answer = parse(response.body());
		assertThat(answer).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("dryRun", false);
		List<Map<String, Object>> errors = ImportApiTests.errors(answer);
		assertThat(errors).hasSize(1);
		Map<String, Object> error = errors.get(0);
		assertThat(error).containsEntry("limit", limit).containsEntry("sheet", where);
		assertThat((String) error.get("message")).contains(" / ", where,
				limit.equals("min-inflate-ratio") ? "ZipSecureFile" : "partynet.import.limits." + limit);
		return error;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

	private HttpResponse<String> send(List<Part> parts, boolean dryRun) {
		try {
			return http.send(upload(parts, dryRun), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest upload(List<Part> parts, boolean dryRun) {
		try {
			String boundary = "----partynet" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (Part part : parts) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
						+ part.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(part.content());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return HttpRequest.newBuilder(URI.create(baseUrl() + "/import" + (dryRun ? "?dryRun=true" : "")))
				.header("Authorization", basic("orgdept"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A normal GraphQL query: the number of street working committees. */
	private int networkStats() {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
				.header("Authorization", basic("orgdept"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ networkStats { streetCommittees } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			Map<String, Object> answer = parse(response.body());
			@SuppressWarnings("unchecked")
			Map<String, Object> stats = (Map<String, Object>) ((Map<String, Object>) answer.get("data"))
				.get("networkStats");
			return ((Number) stats.get("streetCommittees")).intValue();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> dump() {
		return GraphDump.of(driver());
	}

	/**
	 * The heap while an upload runs, in this JVM (the service, its Neo4j and the test):
	 * the most used heap sampled every 5 ms, and the sum of the heap pools' peaks (an
	 * upper bound).
	 */
	static final class Peak {

		private final AtomicLong max = new AtomicLong();

		private final long before;

		private volatile boolean running = true;

		private final Thread sampler;

		private Peak() {
			System.gc();
			this.before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			this.sampler = new Thread(() -> {
				while (this.running) {
					this.max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
							Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		static Peak start() {
			return new Peak();
		}

		void stop(String what) {
			this.running = false;
			try {
				this.sampler.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			long pools = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
					pools += pool.getPeakUsage().getUsed();
				}
			}
			long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
			System.out.printf("[heap] %s: used before %d MB, sampled peak %d MB, pool peaks %d MB, max heap %d MB%n",
					what, this.before >> 20, this.max.get() >> 20, pools >> 20, maxHeap >> 20);
		}

	}

}
