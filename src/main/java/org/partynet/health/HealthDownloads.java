package org.partynet.health;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.partynet.coverage.CoverageDays;
import org.partynet.graphql.BadRequestException;
import org.partynet.report.CellText;
import org.partynet.report.Sheets;
import org.partynet.scope.Scope;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The health page {@code /reports/health} and its Excel download
 * {@code /reports/health.xlsx}.
 */
@Controller
class HealthDownloads {

	private final HealthQueries queries;

	private final Scope scope;

	private final CoverageDays days;

	HealthDownloads(HealthQueries queries, Scope scope, CoverageDays days) {
		this.queries = queries;
		this.scope = scope;
		this.days = days;
	}

	@GetMapping("/reports/health")
	String page() {
		return "forward:/reports/health.html";
	}

	@GetMapping("/reports/health.xlsx")
	ResponseEntity<StreamingResponseBody> excel(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String severity) {
		HealthRule onlyRule = parse(HealthRule.class, "rule", rule);
		HealthRule.Severity onlySeverity = parse(HealthRule.Severity.class, "severity", severity);
		HealthReport report = this.queries.report(this.scope.code((scope == null || scope.isBlank()) ? null : scope),
				this.days.parse(asOf));
		LocalDateTime made = LocalDateTime.now(this.days.clock());
		List<HealthReport.Finding> findings = report.findings()
			.stream()
			.filter(f -> onlyRule == null || f.rule() == onlyRule)
			.filter(f -> onlySeverity == null || f.severity() == onlySeverity)
			.toList();
		String name = "health-" + ((scope == null || scope.isBlank()) ? "all" : scope.replace(':', '-')) + "-"
				+ report.asOf() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(Sheets.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(out -> write(report, findings, made, out));
	}

	private static void write(HealthReport report, List<HealthReport.Finding> findings, LocalDateTime made,
			OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle header = Sheets.headerStyle(workbook);
			CellText.Cells text = CellText.cells(workbook);

			Sheet sheet = workbook.createSheet("发现 Findings");
			Sheets.widths(sheet, 10, 36, 40, 24, 30, 50);
			text.text(sheet.createRow(0), 0, "组织健康 Organization health · 范围 Scope: " + report.name());
			text.text(sheet.createRow(1), 0, "截至 As of: " + report.asOf() + " · 生成时间 Made: "
					+ made.withNano(0).toString().replace('T', ' ') + "（北京时间 Beijing time）");
			Sheets.headers(sheet, 3, header, "级别 Severity", "规则 Rule", "依据 Source", "编码 Code", "名称 Name", "情况 Figures");
			sheet.createFreezePane(0, 4);
			int r = 4;
			for (HealthReport.Finding finding : findings) {
				Row row = sheet.createRow(r++);
				text.text(row, 0, finding.severity().name());
				text.text(row, 1, finding.ruleName());
				text.text(row, 2, finding.source());
				boolean organization = finding.organization() != null;
				text.text(row, 3, organization ? finding.organization().code() : finding.area().code());
				text.text(row, 4, organization ? finding.organization().name()
						: finding.area().name() + "：" + finding.person().name());
				text.text(row, 5, finding.figures());
			}

			Sheet counts = workbook.createSheet("按规则 By rule");
			Sheets.widths(counts, 44, 10, 10);
			Sheets.headers(counts, 0, header, "规则 Rule", "级别 Severity", "数量 Count");
			counts.createFreezePane(0, 1);
			r = 1;
			for (HealthReport.RuleCount count : report.counts()) {
				Row row = counts.createRow(r++);
				text.text(row, 0, count.ruleName());
				text.text(row, 1, count.severity().name());
				row.createCell(2).setCellValue(count.count());
			}

			Sheet terms = workbook.createSheet("换届 Terms");
			Sheets.widths(terms, 24, 30, 14, 10, 14, 30);
			Sheets.headers(terms, 0, header, "编码 Code", "组织 Organization", "选举日期 Elected", "任期 Years", "届满 Expires",
					"状态 Status");
			terms.createFreezePane(0, 1);
			r = 1;
			for (HealthReport.TermExpiry term : report.terms()) {
				Row row = terms.createRow(r++);
				text.text(row, 0, term.organization().code());
				text.text(row, 1, term.organization().name());
				text.text(row, 2, term.electedOn().toString());
				row.createCell(3).setCellValue(term.termYears());
				text.text(row, 4, term.expiresOn().toString());
				text.text(row, 5, term.status().ruleName());
			}
			workbook.write(out);
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String argument, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(argument,
					"参数 %s 的值 %s 无效 / Argument '%s' has no value %s".formatted(argument, value, argument, value));
		}
	}

}
