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

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.partynet.report.CellText;
import org.partynet.scope.Scope;
import org.partynet.support.HarnessTestSupport;

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
			assertThat(sheets).containsExactly("概况 Summary", "缺口 网格覆盖", "缺口 楼院党小组覆盖", "缺口 党员楼长覆盖", "缺口 商务楼宇与商圈市场覆盖",
					"缺口 双网合一", "缺口 社区党组织覆盖");

			Sheet summary = workbook.getSheet("概况 Summary");
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全覆盖报告 Coverage report");
			assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("范围 Scope: 青年社区");
			assertThat(summary.getRow(2).getCell(0).getStringCellValue()).startsWith("截至 As of: 20");
			assertThat(summary.getRow(3).getCell(0).getStringCellValue()).startsWith("生成时间 Made: ");
			assertThat(summary.getRow(5).getCell(3).getStringCellValue()).isEqualTo("覆盖率 Ratio");
			assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
			assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 6);
			assertThat(summary.getColumnWidth(0)).isGreaterThan(30 * 256);
			Row grid = summary.getRow(6);
			assertThat(grid.getCell(0).getStringCellValue()).isEqualTo("网格覆盖 Grid coverage");
			assertThat(grid.getCell(1).getNumericCellValue()).isEqualTo(7);
			assertThat(grid.getCell(2).getNumericCellValue()).isEqualTo(7);
			assertThat(grid.getCell(3).getNumericCellValue()).isEqualTo(1.0);
			assertThat(grid.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			Row heads = summary.getRow(8);
			assertThat(heads.getCell(0).getStringCellValue()).startsWith("党员楼长覆盖");
			assertThat(heads.getCell(2).getNumericCellValue()).isEqualTo(35);
			// the breakdown: the community's 7 grids
			assertThat(summary.getRow(13).getCell(0).getStringCellValue()).isEqualTo("下级 Breakdown");
			assertThat(summary.getRow(15).getCell(0).getStringCellValue()).isEqualTo("青年社区第1网格");
			assertThat(summary.getRow(21).getCell(0).getStringCellValue()).isEqualTo("青年社区第7网格");

			Sheet headGaps = workbook.getSheet("缺口 党员楼长覆盖");
			assertThat(headGaps.getRow(0).getCell(2).getStringCellValue()).isEqualTo("位置 Place");
			assertThat(headGaps.getPaneInformation().isFreezePane()).isTrue();
			assertThat(headGaps.getLastRowNum()).isEqualTo(2);
			assertThat(headGaps.getRow(1).getCell(0).getStringCellValue()).isEqualTo("GZ-DJ-C01-G03-B04");
			assertThat(headGaps.getRow(2).getCell(0).getStringCellValue()).isEqualTo("GZ-DJ-C01-G05-B01");
			assertThat(headGaps.getRow(1).getCell(2).getStringCellValue())
				.startsWith("甘州区 / 东街街道 / 青年社区 / 青年社区第3网格 / ");
			assertThat(workbook.getSheet("缺口 网格覆盖").getRow(1).getCell(0).getStringCellValue()).isEqualTo("无缺口 No gaps");
		}
	}

	@Test
	void pdf_is_a4_with_the_chinese_headings_in_an_embedded_font() throws Exception {
		var response = get("/reports/coverage.pdf?scope=Street:GZ-DJ&asOf=2020-06-01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		PdfReader reader = new PdfReader(response.body());
		assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f, org.assertj.core.data.Offset.offset(1f));
		assertThat(reader.getPageSize(1).getHeight()).isEqualTo(842f, org.assertj.core.data.Offset.offset(1f));
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		assertThat(text.toString()).contains("全覆盖报告 Coverage report", "范围 Scope: 东街街道", "截至 As of: 2020-06-01",
				"概况 Summary", "网格覆盖", "下级 Breakdown", "丰乐社区", "GZ-DJ-C17-G04", "无网格党支部覆盖");
		String raw = new String(response.body(), StandardCharsets.ISO_8859_1);
		assertThat(raw).contains("/FontFile");
	}

	@Test
	void csv_opens_in_excel_and_wps_with_chinese_intact() throws Exception {
		var response = get("/reports/coverage.csv?scope=Community:GZ-DJ-C01");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF全覆盖报告 Coverage report\r\n范围 Scope: 青年社区\r\n");
		assertThat(body).contains("网格覆盖 Grid coverage,7,7,100.0%\r\n")
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
