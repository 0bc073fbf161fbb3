package org.partynet.bulk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.harness.Neo4j;
import org.partynet.PartynetApplication;
import org.partynet.model.Fields;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.GraphDump;
import org.partynet.support.InProcessNeo4j;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import over HTTP, on a Neo4j of its own (it writes): create, re-import unchanged,
 * update, end; CSV and ZIP; the dry run; every kind of bad input answers the error report
 * and writes nothing; a crash in the middle leaves nothing; only the organization
 * department imports; the command line.
 * <p>
 * Over 400 lines on purpose: the cases of one endpoint, each short.
 */
class ImportApiTests extends HarnessTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private BulkImporter importer;

	private static Neo4j neo4j() {
		return InProcessNeo4j.own("import-api");
	}

	private static Driver driver() {
		return InProcessNeo4j.driver(neo4j());
	}

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "import-api");
	}

	// -- happy paths
	// -----------------------------------------------------------------------------

	@Test
	void create_then_reimport_unchanged_then_update_then_end() {
		var network = ImportFixture.network("HP");
		byte[] workbook = ImportFixture.xlsx(network);

		List<String> before = dump();
		Map<String, Object> dry = post("network.xlsx", workbook, true, "orgdept");
		assertThat(dry).containsEntry("created", ImportFixture.ROWS)
			.containsEntry("updated", 0)
			.containsEntry("dryRun", true);
		assertThat(dump()).as("a dry run writes nothing").isEqualTo(before);

		Map<String, Object> first = post("network.xlsx", workbook, false, "orgdept");
		assertThat(first).containsEntry("created", ImportFixture.ROWS)
			.containsEntry("updated", 0)
			.containsEntry("ended", 0);
		assertThat(first.get("errors")).asList().isEmpty();
		assertThat(value("MATCH (:Street {code: 'GZ-HP'})<-[:GOVERNS]-(w:StreetWorkingCommittee) RETURN w.name"))
			.isEqualTo("HP街道党工委");
		assertThat(value(
				"MATCH (:District {code: 'GZ'})-[h:HAS]->(:Street:Area {code: 'GZ-HP'}) RETURN toString(h.since)"))
			.isEqualTo("2024-01-01");
		assertThat(value(
				"MATCH (p:Person {code: 'RYHP1'})-[m:MEMBER_OF]->(:GridBranch {code: 'GZ-HP-C1-ZB1'}) RETURN m.status"))
			.isEqualTo("FULL");
		assertThat(value("MATCH (c:Change {id: $id}) RETURN c.operation + ' ' + c.user + ' ' + c.summary",
				Map.of("id", first.get("changeId"))))
			.isEqualTo("importNetwork orgdept 导入 network.xlsx：新增 14，更新 0，终止 0");
		// a grid's since left blank: the day of the import (Beijing)
		assertThat(value("MATCH (:Community {code: 'GZ-HP-C1'})-[h:HAS]->(:Grid {code: 'GZ-HP-C1-G1'}) RETURN h.since"))
			.isEqualTo(LocalDate.now(Fields.BEIJING));

		Map<String, Object> again = post("network.xlsx", workbook, false, "orgdept");
		assertThat(again).containsEntry("created", 0)
			.containsEntry("updated", 0)
			.containsEntry("ended", 0)
			.containsEntry("unchanged", ImportFixture.ROWS);

		long version = ((Number) value("MATCH (p:Person {code: 'RYHP1'}) RETURN p.version")).longValue();
		network.get("people").get(0).put("name", "张三丰");
		Map<String, Object> renamed = post("network.xlsx", ImportFixture.xlsx(network), false, "orgdept");
		assertThat(renamed).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("ended", 0);
		assertThat(value("MATCH (p:Person {code: 'RYHP1'}) RETURN p.name")).isEqualTo("张三丰");
		assertThat(((Number) value("MATCH (p:Person {code: 'RYHP1'}) RETURN p.version")).longValue())
			.isEqualTo(version + 1);

		network.get("links").get(1).put("until", LocalDate.of(2026, 1, 31));
		Map<String, Object> ended = post("network.xlsx", ImportFixture.xlsx(network), false, "orgdept");
		assertThat(ended).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("ended", 1);
		assertThat(value(
				"MATCH (:Person {code: 'RYHP1'})-[h:HEAD_OF]->(:Building {code: 'GZ-HP-C1-G1-B1'}) RETURN toString(h.until)"))
			.isEqualTo("2026-01-31");

		// a new parent ends the old relationship and starts a new one
		network.get("grids").get(0).put("community", "GZ-DJ-C01");
		Map<String, Object> moved = post("network.xlsx", ImportFixture.xlsx(network), false, "orgdept");
		assertThat(moved).containsEntry("updated", 1);
		assertThat(
				value("MATCH (c:Community)-[h:HAS WHERE h.until IS NULL]->(:Grid {code: 'GZ-HP-C1-G1'}) RETURN c.code"))
			.isEqualTo("GZ-DJ-C01");
		assertThat(value("MATCH (:Community {code: 'GZ-HP-C1'})-[h:HAS]->(:Grid {code: 'GZ-HP-C1-G1'}) RETURN h.until"))
			.isEqualTo(LocalDate.now(Fields.BEIJING));
	}

	@Test
	void csv_files_and_a_zip_of_them() {
		var network = ImportFixture.network("CSV");
		List<Part> parts = new ArrayList<>();
		network.forEach((key, rows) -> parts.add(new Part(key + ".csv", ImportFixture.csv(key, rows))));
		Map<String, Object> csv = post(parts, false, "orgdept");
		assertThat(csv.get("errors")).asList().isEmpty();
		assertThat(csv).containsEntry("created", ImportFixture.ROWS);
		assertThat(value("MATCH (g:GridBranch {code: 'GZ-CSV-C1-ZB1'})-[:COVERS]->(x:Grid) RETURN x.code"))
			.isEqualTo("GZ-CSV-C1-G1");

		Map<String, Object> zip = post("network.zip", ImportFixture.zip(ImportFixture.network("ZIP")), false,
				"orgdept");
		assertThat(zip.get("errors")).asList().isEmpty();
		assertThat(zip).containsEntry("created", ImportFixture.ROWS);
		Map<String, Object> zipAgain = post("network.zip", ImportFixture.zip(ImportFixture.network("ZIP")), true,
				"orgdept");
		assertThat(zipAgain).containsEntry("created", 0).containsEntry("unchanged", ImportFixture.ROWS);
	}

	@Test
	void rows_of_the_sample_as_they_are_change_nothing() {
		Map<String, List<Map<String, Object>>> sample = new LinkedHashMap<>();
		sample.put("grids", ImportFixture.rows(ImportFixture.row("code", "GZ-DJ-C16-J01", "name", "泰安社区原第1网格",
				"community", "GZ-DJ-C16", "since", "2019-06-01")));
		sample.put("sites", ImportFixture.rows(ImportFixture.row("code", "GZ-DJ-SL01", "name", "东街金融大厦", "kind", "商务楼宇",
				"grid", "GZ-DJ-C01-G02", "since", "2019-06-01")));
		sample.put("organizations",
				ImportFixture.rows(ImportFixture.row("code", "GZ-DJ-DGW", "name", "东街街道党工委", "kind", "街道党工委"),
						ImportFixture.row("code", "GZ-DJ-LM01", "name", "东街商务楼宇党建联盟", "kind", "党建联盟", "parent",
								"GZ-DJ-DGW", "since", "2020-04-01")));
		sample.put("units",
				ImportFixture.rows(ImportFixture.row("code", "DW001", "name", "甘州区税务局东街税务所", "category", "机关")));
		sample.put("people", ImportFixture.rows(ImportFixture.row("code", "RY30001", "name", "赵明远", "gender", "男",
				"phone", "000-0003-0001", "idNumber", "000000000000030001")));
		sample.put("roles", ImportFixture.rows(ImportFixture.row("person", "RY30001", "organization", "GZ-DJ-DGW",
				"role", "书记", "title", "党工委书记", "since", "2021-09-01")));
		sample.put("coverage", ImportFixture.rows(ImportFixture.row("organization", "GZ-DJ-LM01", "relation", "覆盖",
				"area", "GZ-DJ-SL01", "since", "2020-04-01")));
		sample.put("links",
				ImportFixture.rows(
						ImportFixture.row("from", "RY60001", "kind", "指导员", "to", "GZ-DJ-SL01", "since", "2020-04-15"),
						ImportFixture.row("from", "DW005", "kind", "联盟成员", "to", "GZ-DJ-LM01", "since", "2020-04-01"),
						ImportFixture.row("from", "RY30001", "kind", "党员", "to", "GZ-DJ-DGW", "status", "正式", "since",
								"1995-07-01")));
		Map<String, Object> answer = post("sample.xlsx", ImportFixture.xlsx(sample), true, "orgdept");
		assertThat(answer.get("errors")).asList().isEmpty();
		assertThat(answer).containsEntry("created", 0)
			.containsEntry("updated", 0)
			.containsEntry("ended", 0)
			.containsEntry("unchanged", 11);
	}

	// -- bad input: the error report, nothing written
	// --------------------------------------------

	@Test
	void wrong_headers() {
		var network = ImportFixture.network("WH");
		byte[] csv = ("\uFEFF代码 Code,名字,所属区 District\r\nGZ-WH,x,GZ\r\n").getBytes(StandardCharsets.UTF_8);
		Map<String, Object> answer = refused(List.of(new Part("streets.csv", csv)));
		assertThat(errors(answer)).anySatisfy(e -> assertError(e, "街道 Streets", 1, "名字", "Unknown column"));
		assertThat(errors(answer)).anySatisfy(e -> assertError(e, "街道 Streets", 1, "名称 Name", "required column"));
		assertThat(network).isNotEmpty();
	}

	@Test
	void missing_code() {
		var network = ImportFixture.network("MC");
		network.get("communities").get(0).remove("code");
		assertThat(errors(refused("network.xlsx", ImportFixture.xlsx(network))))
			.anySatisfy(e -> assertError(e, "社区 Communities", 2, "代码 Code", "Required"));
	}

	@Test
	void duplicate_code() {
		var network = ImportFixture.network("DC");
		network.get("organizations").add(new LinkedHashMap<>(network.get("organizations").get(2)));
		assertThat(errors(refused("network.xlsx", ImportFixture.xlsx(network))))
			.anySatisfy(e -> assertError(e, "党组织 Organizations", 5, "代码 Code", "Duplicate code"));
	}

	@Test
	void unknown_reference_and_wrong_kind() {
		var network = ImportFixture.network("UR");
		network.get("communities").get(0).put("street", "GZ-NOWHERE");
		network.get("links").get(1).put("to", "GZ-DJ-C01");
		List<Map<String, Object>> errors = errors(refused("network.xlsx", ImportFixture.xlsx(network)));
		assertThat(errors).anySatisfy(
				e -> assertError(e, "社区 Communities", 2, "所属街道 Street", "neither in the file nor in the database"));
		assertThat(errors).anySatisfy(e -> assertError(e, "关系 Links", 3, "终点 To", "is a Community, not a Building"));
	}

	@Test
	void nothing_new_goes_under_an_ended_organization() {
		try (var session = driver().session()) {
			session.run("MATCH (o:GridBranch {code: 'GZ-DJ-C16-ZB02'}) SET o.until = date('2026-01-01')").consume();
		}
		try {
			var network = new java.util.LinkedHashMap<String, List<Map<String, Object>>>();
			network.put("organizations", ImportFixture.rows(ImportFixture.row("code", "GZ-DJ-C16-ZB02-XZ77", "name",
					"测试楼院党小组", "kind", "楼院党小组", "parent", "GZ-DJ-C16-ZB02")));
			assertThat(errors(refused("network.xlsx", ImportFixture.xlsx(network))))
				.anySatisfy(e -> assertError(e, "党组织 Organizations", 2, "上级组织 Parent", "ended on 2026-01-01"));
		}
		finally {
			try (var session = driver().session()) {
				session.run("MATCH (o:GridBranch {code: 'GZ-DJ-C16-ZB02'}) REMOVE o.until").consume();
			}
		}
	}

	@Test
	void bad_choice_value_and_bad_parent_kind() {
		var network = ImportFixture.network("BC");
		network.get("organizations").get(1).put("kind", "居委会");
		assertThat(errors(refused("network.xlsx", ImportFixture.xlsx(network))))
			.anySatisfy(e -> assertError(e, "党组织 Organizations", 3, "类型 Kind", "is not one of"));
		// cells first; then, once they are fine, references and kinds
		network = ImportFixture.network("BC");
		network.get("organizations").get(2).put("parent", "GZ-BC-DGW");
		network.get("coverage").get(2).put("area", "GZ-BC-C1");
		List<Map<String, Object>> errors = errors(refused("network.xlsx", ImportFixture.xlsx(network)));
		assertThat(errors)
			.anySatisfy(e -> assertError(e, "党组织 Organizations", 4, "上级组织 Parent", "not a CommunityCommittee"));
		assertThat(errors).anySatisfy(e -> assertError(e, "覆盖 Coverage", 4, "区域 Area", "cannot cover a Community"));
	}

	@Test
	void bad_dates() {
		var network = ImportFixture.network("BD");
		network.get("streets").get(0).put("since", "2024-13-01");
		network.get("roles").get(0).put("until", "2023-01-01");
		List<Map<String, Object>> errors = errors(refused("network.xlsx", ImportFixture.xlsx(network)));
		assertThat(errors).anySatisfy(e -> assertError(e, "街道 Streets", 2, "起始日期 Since", "yyyy-MM-dd"));
		assertThat(errors).anySatisfy(e -> assertError(e, "职务 Roles", 2, "终止日期 Until", "before since"));
	}

	@Test
	void not_a_workbook() {
		Map<String, Object> text = refused("network.xlsx", "这不是工作簿 not a workbook".getBytes(StandardCharsets.UTF_8));
		assertThat(errors(text)).singleElement()
			.satisfies(e -> assertThat((String) e.get("message")).contains("not an Excel workbook"));
		byte[] ole2 = new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0, 0, 0 };
		assertThat(errors(refused("old.xls", ole2))).singleElement()
			.satisfies(e -> assertThat((String) e.get("message")).contains(".xls"));
		byte[] broken = ImportFixture.zip(Map.of());
		assertThat(errors(refused("broken.xlsx", broken))).isNotEmpty();
	}

	@Test
	void a_200_mb_file_is_refused_with_413() throws Exception {
		List<String> before = dump();
		String boundary = "----partynet" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		long size = 200L * 1024 * 1024;
		HttpRequest request = withCsrf(HttpRequest.newBuilder(URI.create(baseUrl() + "/import?dryRun=true")), "orgdept")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.fromPublisher(
					HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
							java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
									new ZeroStream(size), new java.io.ByteArrayInputStream(tail))))),
					head.length + size + tail.length))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		Map<String, Object> answer = parse(response.body());
		assertThat(answer).containsEntry("created", 0).containsEntry("dryRun", true);
		assertThat(errors(answer)).singleElement()
			.satisfies(e -> assertThat((String) e.get("message")).contains("100 MB"));
		assertThat(dump()).isEqualTo(before);
	}

	@Test
	void a_crash_in_the_middle_leaves_nothing() {
		var network = ImportFixture.network("CR");
		// changes to what exists too, so that the undo has before-states to put back
		network.get("people").add(ImportFixture.row("code", "RY30001", "name", "赵明远改", "gender", "男"));
		network.get("links")
			.add(ImportFixture.row("from", "RY30001", "kind", "党员", "to", "GZ-DJ-DGW", "status", "正式", "since",
					"1995-07-01", "until", "2026-01-31"));
		List<String> before = dump();
		for (int batches : List.of(1, 4, 9)) {
			this.importer.failAfterStatements(batches);
			try {
				HttpResponse<String> response = send(List.of(new Part("network.xlsx", ImportFixture.xlsx(network))),
						false, "orgdept");
				assertThat(response.statusCode()).isEqualTo(500);
				Map<String, Object> answer = parse(response.body());
				assertThat(answer).containsEntry("created", 0).containsEntry("dryRun", false);
				assertThat(errors(answer)).singleElement()
					.satisfies(e -> assertThat((String) e.get("message")).contains("内部错误")
						.contains(" / ")
						.contains("what it had written is undone"));
			}
			finally {
				this.importer.failAfterStatements(-1);
			}
			assertThat(dump()).as("nothing half-imported after %d batches", batches).isEqualTo(before);
		}
		assertThat(value("MATCH (j:ImportJournal) WHERE j.state = 'RUNNING' RETURN count(j)")).isEqualTo(0L);
		assertThat(value("MATCH (j:ImportJournal {state: 'UNDONE'}) RETURN count(j) >= 3")).isEqualTo(true);
		assertThat(value("MATCH (e:ImportJournalEntry) RETURN count(e)")).isEqualTo(0L);
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_community_s_gaps_download_as_a_workbook_one_filled_in_imports_back() throws IOException {
		String scope = "/reports/coverage/gaps.xlsx?scope=Community:GZ-DJ-C01";
		// A secretary gets only their own subtree's gaps.
		web("secretary").get()
			.uri("/reports/coverage/gaps.xlsx?scope=Community:GZ-DJ-C02")
			.exchange()
			.expectStatus()
			.isForbidden();
		web("secretary").get().uri(scope).exchange().expectStatus().isOk();
		byte[] bytes = web().get()
			.uri(scope)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody()
			.returnResult()
			.getResponseBody();
		Map<String, Object> before = buildingHeads();
		int gaps = (int) before.get("total") - (int) before.get("covered");
		assertThat(gaps).isPositive();
		byte[] filled;
		int linkRows;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet links = workbook.getSheet("关系 Links");
			List<Row> heads = new ArrayList<>();
			links.forEach((row) -> {
				if (row.getRowNum() > 0 && "党员楼长".equals(text(row, 1))) {
					heads.add(row);
				}
			});
			// one row per building without a head: the building's code, its name in the
			// note, the person left empty and highlighted
			assertThat(heads).hasSize(gaps).allSatisfy((row) -> {
				assertThat(text(row, 0)).isEmpty();
				assertThat(row.getCell(0).getCellStyle().getFillForegroundColor())
					.isEqualTo(IndexedColors.YELLOW.getIndex());
				assertThat(text(row, 2)).startsWith("GZ-DJ-C01-G");
				assertThat(text(row, 7)).startsWith("青年社区 · ").contains(text(row, 2), "无党员楼长", "人员代码");
			});
			assertThat(text(links.getRow(0), 7)).isEqualTo(Format.NOTE);
			// a building without a group: a coverage row, the groups of its grid's
			// branches offered
			Sheet coverage = workbook.getSheet("覆盖 Coverage");
			assertThat(coverage.getLastRowNum()).isPositive();
			assertThat(text(coverage.getRow(1), 1)).isEqualTo("覆盖");
			assertThat(text(coverage.getRow(1), 5)).contains("无楼院党小组覆盖", "可选 Choices: GZ-DJ-C01-ZB");
			linkRows = links.getLastRowNum();
			heads.get(0).getCell(0).setCellValue("RY20001");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			filled = out.toByteArray();
		}
		Map<String, Object> result = post("gaps.xlsx", filled, false, "orgdept");
		assertThat(result).containsEntry("created", 1).containsEntry("errors", List.of());
		// the rows left unfilled are skipped and counted, not an error
		assertThat((List<String>) result.get("warnings"))
			.anySatisfy((w) -> assertThat(w).startsWith("关系 Links：%d 行缺口未填写".formatted(linkRows - 1)));
		assertThat(buildingHeads()).containsEntry("covered", (int) before.get("covered") + 1);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> buildingHeads() {
		return graphQl().document("{ coverage(scope: \"Community:GZ-DJ-C01\") { buildingHead { total covered } } }")
			.execute()
			.path("coverage.buildingHead")
			.entity(Map.class)
			.get();
	}

	private static String text(Row row, int column) {
		return (row.getCell(column) == null) ? "" : row.getCell(column).getStringCellValue();
	}

	@Test
	void only_the_organization_department_imports() {
		byte[] workbook = ImportFixture.xlsx(ImportFixture.network("RO"));
		for (String user : List.of("secretary", "viewer")) {
			HttpResponse<String> response = send(List.of(new Part("network.xlsx", workbook)), true, user);
			assertThat(response.statusCode()).as(user).isEqualTo(403);
			assertThat(parse(response.body()).get("errors")).asList().hasSize(1);
		}
	}

	@Test
	void the_progress_endpoint_answers_idle_when_nothing_runs() {
		HttpResponse<String> response = get("/import/progress", "orgdept");
		assertThat(parse(response.body())).containsEntry("phase", "idle");
	}

	@Test
	void the_command_line_imports_into_the_configured_database() throws IOException {
		Path file = Files.createTempFile("partynet-cli-", ".xlsx");
		try {
			Files.write(file, ImportFixture.xlsx(ImportFixture.network("CLI")));
			String[] common = { "--spring.neo4j.uri=" + neo4j().boltURI(), "--partynet.sample.external=true",
					"--logging.level.root=warn" };
			List<String> dry = new ArrayList<>(List.of("import", file.toString(), "--dry-run"));
			dry.addAll(List.of(common));
			assertThat(ImportCommand.run(PartynetApplication.class, dry.toArray(new String[0]))).isZero();
			assertThat(value("MATCH (s:Street {code: 'GZ-CLI'}) RETURN count(s)")).isEqualTo(0L);
			List<String> real = new ArrayList<>(List.of("import", file.toString()));
			real.addAll(List.of(common));
			assertThat(ImportCommand.run(PartynetApplication.class, real.toArray(new String[0]))).isZero();
			assertThat(value("MATCH (s:Street {code: 'GZ-CLI'}) RETURN count(s)")).isEqualTo(1L);
			assertThat(value("MATCH (c:Change {operation: 'importNetwork', user: 'system'}) RETURN count(c) > 0"))
				.isEqualTo(true);
			Files.writeString(file, "not a workbook");
			List<String> bad = new ArrayList<>(List.of("import", file.toString()));
			bad.addAll(List.of(common));
			assertThat(ImportCommand.run(PartynetApplication.class, bad.toArray(new String[0]))).isEqualTo(1);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	// -- helpers
	// ----------------------------------------------------------------------------------

	record Part(String name, byte[] content) {
	}

	private static void assertError(Map<String, Object> error, String sheet, int row, String column, String message) {
		assertThat(error.get("sheet")).isEqualTo(sheet);
		assertThat(((Number) error.get("row")).intValue()).isEqualTo(row);
		assertThat(error.get("column")).isEqualTo(column);
		assertThat((String) error.get("message")).contains(" / ").contains(message);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(Map<String, Object> answer) {
		return (List<Map<String, Object>>) answer.get("errors");
	}

	/**
	 * An import that must be refused with 400 and write nothing (a full dump before and
	 * after).
	 */
	private Map<String, Object> refused(String name, byte[] content) {
		return refused(List.of(new Part(name, content)));
	}

	private Map<String, Object> refused(List<Part> parts) {
		List<String> before = dump();
		HttpResponse<String> response = send(parts, false, "orgdept");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		Map<String, Object> answer = parse(response.body());
		assertThat(answer).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("ended", 0);
		assertThat(errors(answer)).isNotEmpty();
		assertThat(dump()).as("nothing written").isEqualTo(before);
		return answer;
	}

	private Map<String, Object> post(String name, byte[] content, boolean dryRun, String user) {
		return post(List.of(new Part(name, content)), dryRun, user);
	}

	private Map<String, Object> post(List<Part> parts, boolean dryRun, String user) {
		HttpResponse<String> response = send(parts, dryRun, user);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(response.body());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

	HttpResponse<String> send(List<Part> parts, boolean dryRun, String user) {
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
			HttpRequest request = withCsrf(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/import" + (dryRun ? "?dryRun=true" : ""))), user)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(String path, String user) {
		try {
			return http.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]*)\">");

	/**
	 * HTTP Basic, plus the CSRF token of the page and its session (harmless once requests
	 * with an Authorization header need none).
	 */
	private HttpRequest.Builder withCsrf(HttpRequest.Builder builder, String user) {
		HttpResponse<String> page = get("/import", user);
		Map<String, String> meta = new TreeMap<>();
		Matcher matcher = META.matcher(page.body());
		while (matcher.find()) {
			meta.put(matcher.group(1), matcher.group(2));
		}
		builder.header("Authorization", basic(user));
		page.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(c -> c.split(";", 2)[0])
			.reduce((a, b) -> a + "; " + b)
			.ifPresent(cookie -> builder.header("Cookie", cookie));
		if (meta.containsKey("_csrf") && !meta.get("_csrf").isEmpty()) {
			builder.header(meta.get("_csrf_header"), meta.get("_csrf"));
		}
		return builder;
	}

	static Object value(String cypher) {
		return value(cypher, Map.of());
	}

	static Object value(String cypher, Map<String, Object> parameters) {
		try (var session = driver().session()) {
			var result = session.run(cypher, parameters).list();
			return result.isEmpty() ? null : result.get(0).get(0).asObject();
		}
	}

	/**
	 * Every node and relationship with labels and properties, sorted; the import journal
	 * aside.
	 */
	static List<String> dump() {
		return GraphDump.of(driver(), "ImportJournal");
	}

	/** Zeros, without holding them. */
	private static final class ZeroStream extends InputStream {

		private long left;

		ZeroStream(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left <= 0) {
				return -1;
			}
			this.left--;
			return 0;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.left <= 0) {
				return -1;
			}
			int n = (int) Math.min(len, this.left);
			java.util.Arrays.fill(b, off, off + n, (byte) 0);
			this.left -= n;
			return n;
		}

	}

}
