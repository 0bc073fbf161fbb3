package org.partynet.bulk;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk workbook (issue 7): the template, the export of the sample (whole and one
 * community) read back as a spreadsheet program would, and the round trip through the
 * importer's dry run.
 */
class BulkRoundTripTests extends HarnessTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Neo4jClient neo4j;

	private HttpResponse<byte[]> get(String path, String user) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	private static List<String> expectedSheetNames() {
		List<String> names = new ArrayList<>(List.of(BulkWorkbook.INSTRUCTIONS));
		Format.SHEETS.forEach(sheet -> names.add(sheet.title()));
		return names;
	}

	private static List<String> headers(Sheet sheet) {
		List<String> headers = new ArrayList<>();
		sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
		return headers;
	}

	/**
	 * Rows by code (or by the first columns for relationship sheets), as the cells'
	 * texts.
	 */
	private static Map<String, List<String>> rows(Sheet sheet, int keyColumns) {
		Map<String, List<String>> rows = new HashMap<>();
		DataFormatter formatter = new DataFormatter();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
				Cell cell = row.getCell(c);
				if (cell != null) {
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				}
				cells.add(cell == null ? "" : formatter.formatCellValue(cell));
			}
			rows.put(String.join("|", cells.subList(0, keyColumns)), cells);
		}
		return rows;
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	@Test
	void template_has_instructions_and_every_sheet_with_headers_drop_downs_and_no_rows() throws Exception {
		var response = get("/import/template.xlsx", "viewer");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/vnd.openxmlformats");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(sheetNames(workbook)).containsExactlyElementsOf(expectedSheetNames());
			String instructions = text(workbook.getSheet(BulkWorkbook.INSTRUCTIONS));
			assertThat(instructions).contains("按代码更新 Upsert by code", "终止日期 Until", "不删除 Nothing is deleted",
					"yyyy-MM-dd", "<key>.csv", "grids.csv", "Institution", "示例 Example", "GZ-DJ-C01-G01，青年社区第1网格");
			for (Format.Sheet format : Format.SHEETS) {
				XSSFSheet sheet = workbook.getSheet(format.title());
				assertThat(headers(sheet)).as(format.key())
					.containsExactlyElementsOf(format.columns().stream().map(Format.Column::header).toList());
				assertThat(instructions).contains(format.title());
				assertThat(sheet.getLastRowNum()).as("no example rows in " + format.key()).isZero();
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
				for (int c = 0; c < format.columns().size(); c++) {
					Format.Column column = format.columns().get(c);
					Cell header = sheet.getRow(0).getCell(c);
					assertThat(header.getCellComment()).as(column.header()).isNotNull();
					assertThat(header.getCellComment().getString().getString())
						.startsWith(column.required() ? "必填 Required" : "选填 Optional");
					assertThat(header.getCellStyle().getFillForegroundColor()).isNotEqualTo((short) 0);
					assertThat(sheet.getColumnWidth(c)).isGreaterThanOrEqualTo(14 * 256);
				}
				List<String> choices = new ArrayList<>();
				List<Integer> dates = new ArrayList<>();
				for (DataValidation validation : sheet.getDataValidations()) {
					var region = validation.getRegions().getCellRangeAddress(0);
					assertThat(region.getFirstRow()).isEqualTo(1);
					assertThat(region.getLastRow()).isGreaterThanOrEqualTo(100_000);
					var constraint = validation.getValidationConstraint();
					if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
						Format.Column column = format.columns().get(region.getFirstColumn());
						assertThat(constraint.getExplicitListValues()).as(column.header())
							.containsExactlyElementsOf(column.values().keySet());
						choices.add(column.key());
					}
					else {
						dates.add(region.getFirstColumn());
					}
				}
				assertThat(choices).as(format.key())
					.containsExactlyInAnyOrderElementsOf(format.columns()
						.stream()
						.filter(c -> c.type() == Format.Type.CHOICE)
						.map(Format.Column::key)
						.toList());
				assertThat(dates)
					.hasSize((int) format.columns().stream().filter(c -> c.type() == Format.Type.DATE).count());
			}
			Sheet links = workbook.getSheet("关系 Links");
			assertThat(links.getRow(0).getCell(1).getCellStyle().getFillForegroundColor())
				.as("a required header differs from an optional one")
				.isNotEqualTo(links.getRow(0).getCell(3).getCellStyle().getFillForegroundColor());
		}
	}

	private static String text(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('\n')));
		return text.toString();
	}

	@Test
	void export_of_the_whole_sample_holds_every_node_and_relationship_with_its_history() throws Exception {
		var response = get("/export/network.xlsx", "orgdept");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition")).get()
			.asString()
			.contains("attachment")
			.containsPattern("network-all-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
		Map<String, String> counts = Map.ofEntries(Map.entry("districts", "MATCH (n:District) RETURN count(n)"),
				Map.entry("streets", "MATCH (n:Street) RETURN count(n)"),
				Map.entry("communities", "MATCH (n:Community) RETURN count(n)"),
				Map.entry("grids", "MATCH (n:Grid) RETURN count(n)"),
				Map.entry("buildings", "MATCH (n:Building) RETURN count(n)"),
				Map.entry("sites", "MATCH (n:CommercialBuilding|Market) RETURN count(n)"),
				Map.entry("organizations", "MATCH (n:PartyOrganization|Alliance) RETURN count(n)"),
				Map.entry("units", "MATCH (n:Unit) RETURN count(n)"),
				Map.entry("people", "MATCH (n:Person) RETURN count(n)"),
				Map.entry("roles", "MATCH (:Person)-[r:HOLDS]->() RETURN count(r)"),
				Map.entry("coverage",
						"MATCH (:PartyOrganization|Alliance)-[r:GOVERNS|COVERS]->(:Area) RETURN count(r)"),
				Map.entry("links",
						"MATCH (:Person|Unit)-[r:MEMBER_OF|IN_GROUP|HEAD_OF|WORKS_FOR|INSTRUCTS|EMPLOYED_BY|REGISTERED_AT|CO_BUILDS]->() RETURN count(r)"));
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(sheetNames(workbook)).containsExactlyElementsOf(expectedSheetNames());
			for (Format.Sheet format : Format.SHEETS) {
				Sheet sheet = workbook.getSheet(format.title());
				assertThat(headers(sheet))
					.containsExactlyElementsOf(format.columns().stream().map(Format.Column::header).toList());
				assertThat((long) sheet.getLastRowNum()).as(format.key()).isEqualTo(count(counts.get(format.key())));
			}
			// the sample's figures: 112 current grids and the 4 that 泰安社区 had until
			// 2021-01-01
			assertThat(workbook.getSheet("网格 Grids").getLastRowNum()).isEqualTo(116);
			assertThat(workbook.getSheet("党组织 Organizations").getLastRowNum()).isEqualTo(1 + 17 + 47 + 106 + 3);

			Map<String, List<String>> grids = rows(workbook.getSheet("网格 Grids"), 1);
			assertThat(grids.get("GZ-DJ-C16-J01")).containsExactly("GZ-DJ-C16-J01", "泰安社区原第1网格", "GZ-DJ-C16",
					"2019-06-01");
			assertThat(grids.get("GZ-DJ-C16-G01")).containsExactly("GZ-DJ-C16-G01", "泰安社区第1网格", "GZ-DJ-C16",
					"2021-01-01");
			Map<String, List<String>> buildings = rows(workbook.getSheet("楼院 Buildings"), 1);
			assertThat(buildings.get("GZ-DJ-C16-G01-B01").get(2)).as("the current parent, not the ended one")
				.isEqualTo("GZ-DJ-C16-G01");
			Map<String, List<String>> sites = rows(workbook.getSheet("商务楼宇与商圈市场 Commercial sites"), 1);
			assertThat(sites.get("GZ-DJ-SC01")).containsExactly("GZ-DJ-SC01", "东街农贸市场", "商圈市场", "GZ-DJ-C02-G05",
					"2019-06-01");
			Map<String, List<String>> organizations = rows(workbook.getSheet("党组织 Organizations"), 1);
			assertThat(organizations.get("GZ-DJ-DGW")).containsExactly("GZ-DJ-DGW", "东街街道党工委", "街道党工委", "", "", "");
			assertThat(organizations.get("GZ-DJ-C17-ZB02")).containsExactly("GZ-DJ-C17-ZB02", "丰乐社区第二网格党支部", "网格党支部",
					"GZ-DJ-C17-SQDW", "2021-06-01",
					this.neo4j.query("MATCH (o {code: 'GZ-DJ-C17-ZB02'}) RETURN toString(o.electedOn)")
						.fetchAs(String.class)
						.one()
						.orElseThrow());
			assertThat(organizations.get("GZ-DJ-LM01")).containsExactly("GZ-DJ-LM01", "东街商务楼宇党建联盟", "党建联盟", "GZ-DJ-DGW",
					"2020-04-01", "");
			Map<String, List<String>> units = rows(workbook.getSheet("驻区单位 Units"), 1);
			assertThat(units.get("DW009")).containsExactly("DW009", "安居物业服务有限公司", "物业服务公司");
			Map<String, List<String>> people = rows(workbook.getSheet("人员 People"), 1);
			assertThat(people.get("RY30001")).containsExactly("RY30001", "赵明远", "男", "000-0003-0001",
					"000000000000030001");
			assertThat(people.get("RY30002").get(2)).isEqualTo("女");
			Map<String, List<String>> roles = rows(workbook.getSheet("职务 Roles"), 3);
			assertThat(roles.values()).anySatisfy(row -> assertThat(row.subList(1, 6)).containsExactly("GZ-DJ-C12-ZB03",
					"书记", "书记", "2021-03-15", "2026-09-30"));
			assertThat(roles.get("RY30001|GZ-DJ-DGW|书记")).containsExactly("RY30001", "GZ-DJ-DGW", "书记", "党工委书记",
					"2021-09-01", "");
			Map<String, List<String>> coverage = rows(workbook.getSheet("覆盖 Coverage"), 3);
			assertThat(coverage.get("GZ-DJ-C16-ZB01|覆盖|GZ-DJ-C16-J01")).containsExactly("GZ-DJ-C16-ZB01", "覆盖",
					"GZ-DJ-C16-J01", "2019-09-01", "2021-01-01");
			assertThat(coverage.get("GZ-DJ-DGW|管辖|GZ-DJ")).containsExactly("GZ-DJ-DGW", "管辖", "GZ-DJ", "2019-06-01",
					"");
			assertThat(coverage.get("GZ-DJ-LM01|覆盖|GZ-DJ-SL01")).isNotNull();
			Map<String, List<String>> links = rows(workbook.getSheet("关系 Links"), 3);
			assertThat(links.get("RY30001|党员|GZ-DJ-DGW")).containsExactly("RY30001", "党员", "GZ-DJ-DGW", "正式", "",
					"1995-07-01", "");
			assertThat(links.get("DW005|联盟成员|GZ-DJ-LM01")).containsExactly("DW005", "联盟成员", "GZ-DJ-LM01", "", "",
					"2020-04-01", "");
			assertThat(links.values()).anySatisfy(row -> assertThat(row).containsExactly(row.get(0), "党员楼长",
					"GZ-DJ-C03-G02-B01", "", "", "2020-01-01", "2024-05-01"));
			assertThat(links.values())
				.anySatisfy(row -> assertThat(row.subList(1, 5)).containsExactly("在职", row.get(2), "", "党组织负责人"));
			assertThat(links.values()).anySatisfy(row -> assertThat(row.get(3)).isEqualTo("预备"));
			assertThat(links.keySet()).anyMatch(key -> key.contains("|共驻共建|"))
				.anyMatch(key -> key.contains("|双报到|"))
				.anyMatch(key -> key.contains("|党小组成员|"))
				.anyMatch(key -> key.contains("|专职网格员|"))
				.anyMatch(key -> key.contains("|党建指导员|"));
		}
	}

	@Test
	void export_of_a_community_holds_its_areas_organizations_people_and_their_relationships() throws Exception {
		var response = get("/export/network.xlsx?scope=Community:GZ-DJ-C01", "orgdept");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition")).get()
			.asString()
			.contains("network-GZ-DJ-C01-");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(sheetNames(workbook)).containsExactlyElementsOf(expectedSheetNames());
			assertThat(workbook.getSheet("区 Districts").getLastRowNum()).isZero();
			assertThat(workbook.getSheet("街道 Streets").getLastRowNum()).isZero();
			assertThat(rows(workbook.getSheet("社区 Communities"), 1).keySet()).containsExactly("GZ-DJ-C01");
			assertThat((long) workbook.getSheet("网格 Grids").getLastRowNum()).isEqualTo(7);
			assertThat((long) workbook.getSheet("楼院 Buildings").getLastRowNum()).isEqualTo(count(
					"MATCH (:Community {code: 'GZ-DJ-C01'})-[:HAS]->(:Grid)-[:HAS]->(b:Building) RETURN count(b)"));
			assertThat(rows(workbook.getSheet("商务楼宇与商圈市场 Commercial sites"), 1).keySet()).containsExactly("GZ-DJ-SL01");
			// the committee, its 3 branches and their 7 groups, and the alliance covering
			// its commercial building
			assertThat(rows(workbook.getSheet("党组织 Organizations"), 1).keySet()).hasSize(1 + 3 + 7 + 1)
				.contains("GZ-DJ-C01-SQDW", "GZ-DJ-C01-ZB01-XZ03", "GZ-DJ-LM01")
				.doesNotContain("GZ-DJ-DGW", "GZ-DJ-C02-SQDW");
			Map<String, List<String>> people = rows(workbook.getSheet("人员 People"), 1);
			assertThat((long) people.size()).isEqualTo(count("""
					MATCH (c:Community {code: 'GZ-DJ-C01'})
					CALL (c) {
					  MATCH (c)-[:HAS]->{0,2}(a:Area) RETURN a AS x
					  UNION
					  MATCH (c)-[:HAS]->{0,2}(:Area)<-[:GOVERNS|COVERS]-(o) RETURN o AS x
					  UNION
					  MATCH (:Area {code: 'GZ-DJ-SL01'})<-[:COVERS]-(o:Alliance) RETURN o AS x
					}
					MATCH (p:Person)-->(x) RETURN count(DISTINCT p)"""));
			Map<String, List<String>> coverage = rows(workbook.getSheet("覆盖 Coverage"), 3);
			assertThat(coverage).containsKeys("GZ-DJ-C01-SQDW|管辖|GZ-DJ-C01", "GZ-DJ-LM01|覆盖|GZ-DJ-SL02");
			assertThat(coverage.keySet()).noneMatch(key -> key.startsWith("GZ-DJ-C02"));
			Map<String, List<String>> organizations = rows(workbook.getSheet("党组织 Organizations"), 1);
			assertThat(organizations.get("GZ-DJ-C01-SQDW").get(3))
				.as("a parent outside the scope, already in the database")
				.isEqualTo("GZ-DJ-DGW");
		}
	}

	@Test
	void export_of_an_organization_holds_what_it_covers_and_leads() throws Exception {
		var response = get("/export/network.xlsx?scope=GridBranch:GZ-DJ-C01-ZB01", "orgdept");
		assertThat(response.statusCode()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(rows(workbook.getSheet("网格 Grids"), 1).keySet()).containsExactlyInAnyOrderElementsOf(
					this.neo4j.query("MATCH (:GridBranch {code: 'GZ-DJ-C01-ZB01'})-[:COVERS]->(g:Grid) RETURN g.code")
						.fetchAs(String.class)
						.all());
			assertThat(workbook.getSheet("社区 Communities").getLastRowNum()).isZero();
			assertThat(rows(workbook.getSheet("党组织 Organizations"), 1).keySet())
				.contains("GZ-DJ-C01-ZB01", "GZ-DJ-C01-ZB01-XZ01")
				.doesNotContain("GZ-DJ-C01-SQDW", "GZ-DJ-C01-ZB02");
			Map<String, List<String>> roles = rows(workbook.getSheet("职务 Roles"), 3);
			assertThat(roles.values())
				.anySatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("GZ-DJ-C01-ZB01", "书记"));
		}
	}

	@Test
	void only_the_organization_department_exports_and_bad_scopes_are_plain_errors() throws Exception {
		assertThat(get("/export/network.xlsx", "viewer").statusCode()).isEqualTo(403);
		var secretary = get("/export/network.xlsx?scope=Community:GZ-DJ-C01", "secretary");
		assertThat(secretary.statusCode()).isEqualTo(403);
		assertThat(new String(secretary.body(), StandardCharsets.UTF_8)).contains("may not read");
		var malformed = get("/export/network.xlsx?scope=nonsense", "orgdept");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
		assertThat(get("/export/network.xlsx?scope=Person:RY30001", "orgdept").statusCode()).isEqualTo(400);
		assertThat(get("/export/network.xlsx?scope=Community:GZ-DJ-C99", "orgdept").statusCode()).isEqualTo(404);
	}

	@Test
	void importing_an_export_changes_nothing() throws Exception {
		for (String path : List.of("/export/network.xlsx", "/export/network.xlsx?scope=Community:GZ-DJ-C01")) {
			var export = get(path, "orgdept");
			assertThat(export.statusCode()).isEqualTo(200);
			String boundary = "partynet-" + UUID.randomUUID();
			byte[] head = ("--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"network.xlsx\"\r\n"
					+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			var body = new java.io.ByteArrayOutputStream();
			body.write(head);
			body.write(export.body());
			body.write(tail);
			var response = this.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/import?dryRun=true"))
				.header("Authorization", basic("orgdept"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
			assertThat(json.path("created").asInt(-1)).as(path + ": " + response.body()).isZero();
			assertThat(json.path("updated").asInt(-1)).as(path + ": " + response.body()).isZero();
			assertThat(json.path("ended").asInt(-1)).as(path + ": " + response.body()).isZero();
			assertThat(json.path("errors").isArray()).as(response.body()).isTrue();
			assertThat(json.path("errors")).as(response.body()).isEmpty();
		}
	}

}
