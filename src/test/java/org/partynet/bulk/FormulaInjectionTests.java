package org.partynet.bulk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.harness.Neo4j;
import org.partynet.report.CellText;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.InProcessNeo4j;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that a spreadsheet would take for formulas ({@code =HYPERLINK(…)},
 * {@code @SUM(1+1)}, {@code +1}, {@code -1}, tab-led), on a Neo4j of its own: every
 * download neutralises them (xlsx text cells quote-prefixed with the value intact, CSV
 * fields prefixed with an apostrophe; numbers stay numbers), and the export and a CSV of
 * them import back with no change.
 */
class FormulaInjectionTests extends HarnessTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	/** People of the sample, renamed. */
	private static final Map<String, String> PEOPLE = new LinkedHashMap<>();

	static {
		PEOPLE.put("RY30001", "=HYPERLINK(\"http://x\",\"y\")");
		PEOPLE.put("RY30002", "@SUM(1+1)");
		PEOPLE.put("RY30003", "+1");
		PEOPLE.put("RY30004", "-1");
		PEOPLE.put("RY30005", "\t=1+1");
		PEOPLE.put("RY30006", "'引号开头");
	}

	/** A grid that is a coverage gap on 2020-06-01. */
	private static final String GAP = "GZ-DJ-C17-G04";

	private static final String GAP_NAME = "=HYPERLINK(\"http://x\",\"y\")";

	private static Neo4j neo4j() {
		return InProcessNeo4j.own("formula-injection");
	}

	private static Driver driver() {
		return InProcessNeo4j.driver(neo4j());
	}

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "formula-injection");
	}

	/**
	 * Written straight into the database: the API strips names, so a tab-led one can only
	 * come from elsewhere; every organization and unit is made formula-like too, so that
	 * every report meets them.
	 */
	private void hostileNames() {
		try (var session = driver().session()) {
			session
				.run("UNWIND keys($people) AS code MATCH (p:Person {code: code}) SET p.name = $people[code]",
						Map.of("people", PEOPLE))
				.consume();
			session.run("MATCH (g:Grid {code: $code}) SET g.name = $name", Map.of("code", GAP, "name", GAP_NAME))
				.consume();
			session.run("MATCH (o:PartyOrganization) WHERE NOT o.name STARTS WITH '@' SET o.name = '@' + o.name")
				.consume();
			session.run("MATCH (u:Unit) WHERE NOT u.name STARTS WITH '-' SET u.name = '-' + u.name").consume();
		}
	}

	@Test
	void the_network_export_quote_prefixes_formula_like_cells_and_imports_back_with_no_change() throws Exception {
		hostileNames();
		byte[] export = get("/export/network.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			Sheet people = workbook.getSheet("人员 People");
			Map<String, Row> byCode = new LinkedHashMap<>();
			people.forEach(row -> byCode.put(row.getCell(0).getStringCellValue(), row));
			PEOPLE.forEach((code, name) -> {
				Cell cell = byCode.get(code).getCell(1);
				assertThat(cell.getCellType()).as(code).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).as(code).isEqualTo(name);
				assertThat(cell.getCellStyle().getQuotePrefixed()).as(code + " " + name)
					.isEqualTo(CellText.formulaLike(name));
				assertThat(cell.getCellStyle().getDataFormatString()).as("still a text cell").isEqualTo("@");
			});
			assertThat(neutralised(workbook)).as("organizations and units too").isGreaterThan(100);
		}
		Map<String, Object> dry = importBack(List.of(new ImportApiTests.Part("network.xlsx", export)), true);
		assertThat(dry).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("ended", 0);
		Map<String, Object> real = importBack(List.of(new ImportApiTests.Part("network.xlsx", export)), false);
		assertThat(real).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("ended", 0);
		assertThat(names()).isEqualTo(PEOPLE);
	}

	@Test
	void people_as_csv_with_apostrophes_import_back_with_no_change() {
		hostileNames();
		StringBuilder csv = new StringBuilder("\uFEFF代码 Code,名称 Name\r\n");
		PEOPLE.forEach(
				(code, name) -> csv.append(CellText.csv(code)).append(',').append(CellText.csv(name)).append("\r\n"));
		assertThat(csv.toString()).contains("\r\nRY30002,'@SUM(1+1)\r\n", "\r\nRY30005,'\t=1+1\r\n",
				"\r\nRY30006,''引号开头\r\n");
		List<ImportApiTests.Part> parts = List
			.of(new ImportApiTests.Part("people.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> dry = importBack(parts, true);
		assertThat(dry).containsEntry("created", 0)
			.containsEntry("updated", 0)
			.containsEntry("unchanged", PEOPLE.size());
		importBack(parts, false);
		assertThat(names()).isEqualTo(PEOPLE);
	}

	@Test
	void the_coverage_csv_prefixes_formula_like_names_and_leaves_numbers_as_they_are() throws Exception {
		hostileNames();
		String csv = new String(get("/reports/coverage.csv?scope=Street:GZ-DJ&asOf=2020-06-01"),
				StandardCharsets.UTF_8);
		assertThat(csv).contains("," + GAP + ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
		assertThat(csv).containsPattern("\r\n网格覆盖,\\d+,\\d+,\\d+\\.\\d%\r\n");
		for (String line : csv.split("\r\n")) {
			for (String field : line.split(",")) {
				assertThat(CellText.formulaLike(field.startsWith("\"") ? field.substring(1) : field)).as(line)
					.isFalse();
			}
		}
	}

	@Test
	void every_report_workbook_quote_prefixes_formula_like_text_and_keeps_numbers_numeric() throws Exception {
		hostileNames();
		for (String path : List.of("/reports/coverage.xlsx?scope=Street:GZ-DJ&asOf=2020-06-01",
				"/reports/health.xlsx?scope=Street:GZ-DJ", "/reports/linkage.xlsx?scope=Street:GZ-DJ")) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(get(path)))) {
				assertThat(neutralised(workbook)).as(path).isPositive();
				assertThat(numbers(workbook)).as(path + ": figures stay numbers").isPositive();
			}
		}
	}

	// -- helpers
	// ---------------------------------------------------------------------------------

	/**
	 * Checks every text cell: quote-prefixed exactly when formula-like, never a formula;
	 * answers how many were.
	 */
	private static int neutralised(XSSFWorkbook workbook) {
		int count = 0;
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					if (cell.getCellType() == CellType.STRING && CellText.formulaLike(cell.getStringCellValue())) {
						assertThat(cell.getCellStyle().getQuotePrefixed())
							.as(sheet.getSheetName() + "!" + cell.getAddress() + " " + cell.getStringCellValue())
							.isTrue();
						count++;
					}
				}
			}
		}
		return count;
	}

	private static int numbers(XSSFWorkbook workbook) {
		int count = 0;
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.NUMERIC) {
						assertThat(cell.getCellStyle().getQuotePrefixed()).isFalse();
						count++;
					}
				}
			}
		}
		return count;
	}

	private static Map<String, String> names() {
		try (var session = driver().session()) {
			Map<String, String> names = new LinkedHashMap<>();
			session
				.run("UNWIND $codes AS code MATCH (p:Person {code: code}) RETURN p.code AS code, p.name AS name",
						Map.of("codes", List.copyOf(PEOPLE.keySet())))
				.list()
				.forEach(r -> names.put(r.get("code").asString(), r.get("name").asString()));
			return names;
		}
	}

	private byte[] get(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic("orgdept")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> importBack(List<ImportApiTests.Part> parts, boolean dryRun) {
		try {
			String boundary = "----partynet" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (ImportApiTests.Part part : parts) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
						+ part.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(part.content());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/import" + (dryRun ? "?dryRun=true" : "")))
					.header("Authorization", basic("orgdept"))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			Map<String, Object> answer = json.readValue(response.body(), Map.class);
			assertThat(ImportApiTests.errors(answer)).as(response.body()).isEmpty();
			return answer;
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
