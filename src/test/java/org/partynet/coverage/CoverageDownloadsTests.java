package org.partynet.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.pdf.PdfReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.partynet.report.CellText;
import org.partynet.report.ReportSettings;
import org.partynet.scope.Scope;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.PdfText;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The downloads, read back as a user's spreadsheet program or PDF viewer would. */
class CoverageDownloadsTests extends HarnessTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic("orgdept")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void excel_has_a_summary_and_a_sheet_of_gaps_per_metric() throws Exception {
		var response = get("/reports/coverage.xlsx?scope=Community:GZ-DJ-C01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition")).get()
			.asString()
			.contains("attachment")
			.contains("coverage-GZ-DJ-C01-");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactly("概况", "缺口 网格覆盖", "缺口 楼院党小组覆盖", "缺口 党员楼长覆盖", "缺口 商务楼宇与商圈市场覆盖", "缺口 双网合一",
					"缺口 社区党组织覆盖");

			Sheet summary = workbook.getSheet("概况");
			// the title rows: title, issuing unit, date line, scope, when made
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全覆盖报告");
			assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("中共甘州区委组织部");
			assertThat(summary.getRow(2).getCell(0).getStringCellValue()).startsWith("截至20");
			assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("范围：青年社区");
			assertThat(summary.getRow(4).getCell(0).getStringCellValue()).startsWith("生成时间：").endsWith("（北京时间）");
			assertThat(cells(summary.getRow(CoverageExcel.HEAD))).containsExactly("指标", "总数", "已覆盖", "覆盖率");
			assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
			assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 7);
			assertThat(summary.getColumnWidth(0)).isGreaterThan(30 * 256);
			Row grid = summary.getRow(7);
			assertThat(grid.getCell(0).getStringCellValue()).isEqualTo("网格覆盖");
			assertThat(grid.getCell(1).getNumericCellValue()).isEqualTo(7);
			assertThat(grid.getCell(2).getNumericCellValue()).isEqualTo(7);
			assertThat(grid.getCell(3).getNumericCellValue()).isEqualTo(1.0);
			assertThat(grid.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			Row heads = summary.getRow(9);
			assertThat(heads.getCell(0).getStringCellValue()).startsWith("党员楼长覆盖");
			assertThat(heads.getCell(2).getNumericCellValue()).isEqualTo(35);
			// the breakdown: the community's 7 grids
			assertThat(summary.getRow(14).getCell(0).getStringCellValue()).isEqualTo("下级");
			assertThat(cells(summary.getRow(15))).startsWith("名称", "网格覆盖 总数", "已覆盖", "覆盖率")
				.noneMatch(title -> title.matches(".*[A-Za-z].*"));
			assertThat(summary.getRow(16).getCell(0).getStringCellValue()).isEqualTo("青年社区第1网格");
			assertThat(summary.getRow(22).getCell(0).getStringCellValue()).isEqualTo("青年社区第7网格");

			Sheet headGaps = workbook.getSheet("缺口 党员楼长覆盖");
			assertThat(cells(headGaps.getRow(0))).containsExactly("编码", "名称", "位置", "原因");
			assertThat(headGaps.getPaneInformation().isFreezePane()).isTrue();
			assertThat(headGaps.getLastRowNum()).isEqualTo(2);
			assertThat(headGaps.getRow(1).getCell(0).getStringCellValue()).isEqualTo("GZ-DJ-C01-G03-B04");
			assertThat(headGaps.getRow(2).getCell(0).getStringCellValue()).isEqualTo("GZ-DJ-C01-G05-B01");
			assertThat(headGaps.getRow(1).getCell(2).getStringCellValue())
				.startsWith("甘州区 / 东街街道 / 青年社区 / 青年社区第3网格 / ");
			assertThat(headGaps.getRow(1).getCell(3).getStringCellValue()).isEqualTo("无党员楼长");
			assertThat(workbook.getSheet("缺口 网格覆盖").getRow(1).getCell(0).getStringCellValue()).isEqualTo("无缺口");
		}
	}

	@Test
	void pdf_is_a4_with_chinese_headings_the_issuer_and_page_numbers_in_an_embedded_font() throws Exception {
		var response = get("/reports/coverage.pdf?scope=Street:GZ-DJ&asOf=2020-06-01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		PdfReader reader = new PdfReader(response.body());
		assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f, org.assertj.core.data.Offset.offset(1f));
		assertThat(reader.getPageSize(1).getHeight()).isEqualTo(842f, org.assertj.core.data.Offset.offset(1f));
		List<String> pages = pages(response.body());
		for (int n = 1; n <= pages.size(); n++) {
			assertThat(pages.get(n - 1)).contains("第 " + n + " 页", "共 " + pages.size() + " 页", "中共甘州区委组织部",
					"截至2020-06-01");
		}
		String text = String.join("\n", pages);
		assertThat(text).contains("全覆盖报告", "范围：东街街道", "概况", "网格覆盖", "下级", "丰乐社区", "GZ-DJ-C17-G04", "无网格党支部覆盖",
				"缺口：网格覆盖");
		assertThat(text).doesNotContain("Coverage report", "Scope", "Summary", "Breakdown", "Gaps:", "Grid coverage",
				"no grid branch", "As of", "Beijing");
		String raw = new String(response.body(), StandardCharsets.ISO_8859_1);
		assertThat(raw).contains("/FontFile");
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "report-coverage-GZ-DJ.pdf"), response.body());
	}

	@Test
	void pdf_breakdown_charts_list_the_17_communities_lowest_first_with_the_incomplete_marked() throws Exception {
		List<String> pages = pages(get("/reports/coverage.pdf?scope=Street:GZ-DJ&asOf=2020-06-01").body());
		String text = String.join("\n", pages);
		Map<CoverageMetric, String> fields = Map.of(CoverageMetric.GRID, "grid", CoverageMetric.BUILDING_GROUP,
				"buildingGroup", CoverageMetric.BUILDING_HEAD, "buildingHead", CoverageMetric.COMMERCIAL, "commercial",
				CoverageMetric.DUAL_NET, "dualNet", CoverageMetric.ORGANIZATION, "organization");
		int charted = 0;
		List<String> complete = new ArrayList<>();
		for (CoverageMetric metric : CoverageMetric.values()) {
			String field = fields.get(metric);
			List<Map<String, Object>> parts = graphQl().document(
					"{ coverage(scope: \"Street:GZ-DJ\", asOf: \"2020-06-01\") { breakdown { name %s { total covered } } } }"
						.formatted(field))
				.execute()
				.path("coverage.breakdown")
				.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			assertThat(parts).hasSize(17);
			// the expected order, from the API's figures: lowest ratio first, ties as
			// listed
			List<Map<String, Object>> bars = new ArrayList<>(parts.stream().filter(p -> total(p, field) > 0).toList());
			bars.sort(java.util.Comparator.comparingDouble(p -> (double) covered(p, field) / total(p, field)));
			if (bars.stream().allMatch(p -> covered(p, field) == total(p, field))) {
				complete.add(metric.chinese());
				assertThat(text).doesNotContain("下级覆盖率：" + metric.chinese());
				continue;
			}
			charted++;
			int start = text.indexOf("下级覆盖率：" + metric.chinese());
			assertThat(start).as("the chart of %s", metric).isNotNegative();
			// to the next metric's chart or the gaps (its own heading repeats on each
			// page)
			int end = text.indexOf("缺口：", start);
			for (CoverageMetric other : CoverageMetric.values()) {
				int next = text.indexOf("下级覆盖率：" + other.chinese(), start);
				if (other != metric && next > start && next < end) {
					end = next;
				}
			}
			String chart = text.substring(start, end);
			assertThat(chart).contains("红色：未全覆盖", "横轴自");
			int at = 0;
			for (Map<String, Object> bar : bars) {
				String name = (String) bar.get("name");
				boolean incomplete = covered(bar, field) < total(bar, field);
				String shown = (incomplete ? CoverageChartPdf.MARK + " " : "") + name;
				int found = chart.indexOf(shown, at);
				assertThat(found).as("%s: %s after %d", metric, shown, at).isGreaterThanOrEqualTo(at);
				if (incomplete) {
					assertThat(chart.substring(found))
						.startsWith(shown + covered(bar, field) + "/" + total(bar, field));
				}
				at = found + shown.length();
			}
		}
		assertThat(charted).as("metrics with a community not fully covered on 2020-06-01").isPositive();
		if (!complete.isEmpty()) {
			assertThat(text).contains("全部覆盖：" + String.join("、", complete));
		}
	}

	@Test
	void english_beside_the_chinese_when_the_settings_ask_for_it() throws Exception {
		ReportSettings english = new ReportSettings(null, "中共甘州区委组织部", "截至{date}", true);
		var contents = this.export.contents("Street:GZ-DJ", java.time.LocalDate.of(2020, 6, 1));
		var pdf = new java.io.ByteArrayOutputStream();
		CoveragePdf.write(this.export, contents, english, english.font(), pdf);
		String text = String.join("\n", pages(pdf.toByteArray()));
		assertThat(text).contains("全覆盖报告 Coverage report", "范围 Scope：东街街道", "概况 Summary", "下级 Breakdown",
				"缺口：网格覆盖 Gaps: Grid coverage", "网格覆盖 Grid coverage", "无网格党支部覆盖 / no grid");
		var xlsx = new java.io.ByteArrayOutputStream();
		CoverageExcel.write(this.export, contents, english, xlsx);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
			Sheet summary = workbook.getSheet("概况 Summary");
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全覆盖报告 Coverage report");
			assertThat(cells(summary.getRow(CoverageExcel.HEAD))).containsExactly("指标 Metric", "总数 Total",
					"已覆盖 Covered", "覆盖率 Ratio");
		}
		var csv = new java.io.ByteArrayOutputStream();
		CoverageCsv.write(this.export, contents, english, csv);
		assertThat(csv.toString(StandardCharsets.UTF_8)).contains("指标 Metric,总数 Total");
	}

	private static int total(Map<String, Object> part, String field) {
		return ((Number) ((Map<?, ?>) part.get(field)).get("total")).intValue();
	}

	private static int covered(Map<String, Object> part, String field) {
		return ((Number) ((Map<?, ?>) part.get(field)).get("covered")).intValue();
	}

	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		row.forEach(cell -> cells.add(cell.getStringCellValue()));
		return cells;
	}

	private static List<String> pages(byte[] pdf) throws IOException {
		return PdfText.pages(pdf);
	}

	@Test
	void csv_opens_in_excel_and_wps_with_chinese_intact() throws Exception {
		var response = get("/reports/coverage.csv?scope=Community:GZ-DJ-C01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF全覆盖报告\r\n中共甘州区委组织部\r\n截至20");
		assertThat(body).contains("\r\n范围：青年社区\r\n", "\r\n指标,总数,已覆盖,覆盖率\r\n", "\r\n缺口,编码,名称,位置,原因\r\n")
			.doesNotContain("Coverage report", "Metric", "Grid coverage", "no building head")
			.contains("网格覆盖,7,7,100.0%\r\n")
			.contains("党员楼长覆盖,GZ-DJ-C01-G03-B04,")
			.contains("楼院党小组覆盖,GZ-DJ-C01-G02-B03,");
		assertThat(CellText.csv("a,b")).isEqualTo("\"a,b\"");
		assertThat(CellText.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
	}

	@Autowired
	CoverageExport export;

	@Test
	void gaps_stream_page_by_page_in_code_order() {
		var contents = this.export.contents(null, null);
		List<String> onePerPage = new ArrayList<>();
		this.export.eachGap(contents.report(), CoverageMetric.BUILDING_HEAD, 1,
				gap -> onePerPage.add(gap.area().code()));
		List<String> allAtOnce = new ArrayList<>();
		this.export.eachGap(contents.report(), CoverageMetric.BUILDING_HEAD, gap -> allAtOnce.add(gap.area().code()));
		assertThat(onePerPage).hasSize(562 - 531).isEqualTo(allAtOnce).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void bad_downloads_get_a_clear_error_and_no_file() throws Exception {
		var unknown = get("/reports/coverage.xlsx?scope=Community:GZ-NOWHERE");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("scope", "GZ-NOWHERE");
		var future = get("/reports/coverage.pdf?asOf=2999-01-01");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(new String(future.body(), StandardCharsets.UTF_8)).contains("asOf");
		var notADate = get("/reports/coverage.csv?asOf=yesterday");
		assertThat(notADate.statusCode()).isEqualTo(400);
		assertThat(new String(notADate.body(), StandardCharsets.UTF_8)).contains("asOf", "yesterday");
	}

}
