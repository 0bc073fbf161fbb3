package org.partynet.health;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.partynet.report.CellText;
import org.partynet.report.ReportSettings;
import org.partynet.report.Sheets;

/**
 * The health report as a workbook: the findings under title rows (title and scope,
 * issuing unit, date line, when it was made), the counts by rule and the term expiries.
 * Headings and the names of rules and severities are Chinese unless the settings ask for
 * the English beside them.
 */
final class HealthExcel {

	/** The row of the findings' column titles, under the title rows. */
	static final int HEAD = 5;

	private HealthExcel() {
	}

	static void write(HealthDownloads.Contents contents, ReportSettings settings, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle header = Sheets.headerStyle(workbook);
			CellText.Cells text = CellText.cells(workbook);

			Sheet sheet = workbook.createSheet(settings.heading("发现", "Findings"));
			Sheets.widths(sheet, 10, 36, 40, 24, 30, 50);
			text.text(sheet.createRow(0), 0, contents.title(settings) + " · " + contents.scopeLine(settings));
			text.text(sheet.createRow(1), 0, settings.issuer());
			text.text(sheet.createRow(2), 0, settings.dateLine(contents.report().asOf()));
			text.text(sheet.createRow(3), 0, contents.madeLine(settings));
			Sheets.headers(sheet, HEAD, header, settings.heading("级别", "Severity"), settings.heading("规则", "Rule"),
					settings.heading("依据", "Source"), settings.heading("编码", "Code"), settings.heading("名称", "Name"),
					settings.heading("情况", "Figures"));
			sheet.createFreezePane(0, HEAD + 1);
			int r = HEAD + 1;
			for (HealthReport.Finding finding : contents.findings()) {
				Row row = sheet.createRow(r++);
				text.text(row, 0, HealthDownloads.severity(finding.severity(), settings));
				text.text(row, 1, HealthDownloads.rule(finding.rule(), settings));
				text.text(row, 2, finding.source());
				text.text(row, 3, HealthDownloads.code(finding));
				text.text(row, 4, HealthDownloads.name(finding));
				text.text(row, 5, finding.figures());
			}

			Sheet counts = workbook.createSheet(settings.heading("按规则", "By rule"));
			Sheets.widths(counts, 44, 10, 10);
			Sheets.headers(counts, 0, header, settings.heading("规则", "Rule"), settings.heading("级别", "Severity"),
					settings.heading("数量", "Count"));
			counts.createFreezePane(0, 1);
			r = 1;
			for (HealthReport.RuleCount count : contents.report().counts()) {
				Row row = counts.createRow(r++);
				text.text(row, 0, HealthDownloads.rule(count.rule(), settings));
				text.text(row, 1, HealthDownloads.severity(count.severity(), settings));
				row.createCell(2).setCellValue(count.count());
			}

			Sheet terms = workbook.createSheet(settings.heading("换届", "Terms"));
			Sheets.widths(terms, 24, 30, 14, 10, 14, 30);
			Sheets.headers(terms, 0, header, settings.heading("编码", "Code"), settings.heading("组织", "Organization"),
					settings.heading("选举日期", "Elected"), settings.heading("任期", "Years"),
					settings.heading("届满", "Expires"), settings.heading("状态", "Status"));
			terms.createFreezePane(0, 1);
			r = 1;
			for (HealthReport.TermExpiry term : contents.report().terms()) {
				Row row = terms.createRow(r++);
				text.text(row, 0, term.organization().code());
				text.text(row, 1, term.organization().name());
				text.text(row, 2, term.electedOn().toString());
				row.createCell(3).setCellValue(term.termYears());
				text.text(row, 4, term.expiresOn().toString());
				text.text(row, 5, HealthDownloads.rule(term.status(), settings));
			}
			workbook.write(out);
		}
	}

}
