package org.partynet.coverage;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.partynet.bulk.GapWorkbook;
import org.partynet.report.ReportSettings;
import org.partynet.report.Sheets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /reports/coverage.xlsx}, {@code .pdf} and {@code .csv} with
 * {@code ?scope=&asOf=}, and the report page at {@code /reports/coverage}. The scope and
 * day are checked before anything is written, so a bad request gets a clear error; the
 * gaps then stream into the response.
 */
@Controller
class CoverageDownloads {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final CoverageExport export;

	private final ReportSettings settings;

	private final CoverageDays days;

	CoverageDownloads(CoverageExport export, ReportSettings settings, CoverageDays days) {
		this.export = export;
		this.settings = settings;
		this.days = days;
	}

	@GetMapping("/reports/coverage")
	String page() {
		return "forward:/reports/coverage.html";
	}

	@GetMapping("/reports/coverage.xlsx")
	ResponseEntity<StreamingResponseBody> excel(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String asOf) {
		var contents = contents(scope, asOf);
		return download(contents, "xlsx", Sheets.XLSX,
				out -> CoverageExcel.write(this.export, contents, this.settings, out));
	}

	@GetMapping("/reports/coverage.csv")
	ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String asOf) {
		var contents = contents(scope, asOf);
		return download(contents, "csv", CSV, out -> CoverageCsv.write(this.export, contents, this.settings, out));
	}

	@GetMapping("/reports/coverage.pdf")
	ResponseEntity<StreamingResponseBody> pdf(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String asOf) {
		BaseFont cjk = this.settings.font();
		if (cjk == null) {
			return error(HttpStatus.SERVICE_UNAVAILABLE, ReportSettings.NO_FONT);
		}
		var contents = contents(scope, asOf);
		return download(contents, "pdf", MediaType.APPLICATION_PDF,
				out -> CoveragePdf.write(this.export, contents, this.settings, cjk, out));
	}

	/**
	 * 缺口导入表: the scope's gaps as a workbook to fill in and import back, read before
	 * anything is written (a secretary's reach confines it as every read).
	 */
	@GetMapping("/reports/coverage/gaps.xlsx")
	ResponseEntity<StreamingResponseBody> gapWorkbook(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String asOf) {
		CoverageExport.Gaps gaps = this.export.gaps((scope == null || scope.isBlank()) ? null : scope,
				this.days.parse(asOf));
		List<GapWorkbook.Row> rows = CoverageGapWorkbook.rows(gaps.rows());
		String code = (gaps.report().area() != null) ? gaps.report().area().code() : "all";
		return ResponseEntity.ok()
			.contentType(Sheets.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("coverage-gaps-" + code + "-" + gaps.report().asOf() + ".xlsx")
						.build()
						.toString())
			.body(out -> CoverageGapWorkbook.write(gaps.report(), rows, out));
	}

	private CoverageExport.Contents contents(String scope, String asOf) {
		return this.export.contents((scope == null || scope.isBlank()) ? null : scope, this.days.parse(asOf));
	}

	private static ResponseEntity<StreamingResponseBody> download(CoverageExport.Contents contents, String extension,
			MediaType type, StreamingResponseBody body) {
		String scope = (contents.report().area() != null) ? contents.report().area().code() : "all";
		String name = "coverage-" + scope + "-" + contents.report().asOf() + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private static ResponseEntity<StreamingResponseBody> error(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(out -> out.write(message.getBytes(StandardCharsets.UTF_8)));
	}

}
