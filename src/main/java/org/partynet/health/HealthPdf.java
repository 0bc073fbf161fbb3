package org.partynet.health;

import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import org.partynet.report.PdfReport;
import org.partynet.report.ReportSettings;

/**
 * The health report as an A4 PDF in the frame of {@link PdfReport}: the counts by rule,
 * the findings grouped by severity (errors first), and the term expiries.
 */
final class HealthPdf {

	private static final int CHUNK = 200;

	private HealthPdf() {
	}

	static void write(HealthDownloads.Contents contents, ReportSettings settings, BaseFont font, OutputStream out) {
		PdfReport pdf = PdfReport.open(settings, font, out, contents.title(settings), contents.report().asOf(),
				contents.scopeLine(settings), contents.madeLine(settings));
		PdfPTable counts = pdf.section(settings.heading("按规则", "By rule"), new float[] { 6, 1.5f, 1.5f },
				settings.heading("规则", "Rule"), settings.heading("级别", "Severity"), settings.heading("数量", "Count"));
		for (HealthReport.RuleCount count : contents.report().counts()) {
			counts.addCell(pdf.cell(HealthDownloads.rule(count.rule(), settings), pdf.small()));
			counts.addCell(pdf.cell(HealthDownloads.severity(count.severity(), settings), pdf.small()));
			counts.addCell(pdf.number(String.valueOf(count.count())));
		}
		pdf.add(counts);
		for (HealthRule.Severity severity : HealthRule.Severity.values()) {
			List<HealthReport.Finding> findings = contents.findings()
				.stream()
				.filter(finding -> finding.severity() == severity)
				.toList();
			String heading = settings.heading("发现：", "Findings: ") + HealthDownloads.severity(severity, settings) + "（"
					+ findings.size() + "）";
			if (findings.isEmpty()) {
				pdf.add(pdf.note(heading, settings.heading("无", "None")));
				continue;
			}
			PdfPTable table = pdf.section(heading, new float[] { 3, 2.5f, 3, 3.5f }, settings.heading("规则", "Rule"),
					settings.heading("编码", "Code"), settings.heading("名称", "Name"), settings.heading("情况", "Figures"));
			table.setComplete(false);
			int rows = 0;
			for (HealthReport.Finding finding : findings) {
				table.addCell(pdf.cell(HealthDownloads.rule(finding.rule(), settings), pdf.small()));
				table.addCell(pdf.cell(HealthDownloads.code(finding), pdf.small()));
				table.addCell(pdf.cell(HealthDownloads.name(finding), pdf.small()));
				table.addCell(pdf.cell(finding.figures(), pdf.small()));
				if (++rows % CHUNK == 0) {
					pdf.add(table);
				}
			}
			table.setComplete(true);
			pdf.add(table);
		}
		terms(pdf, contents.report(), settings);
		pdf.close();
	}

	private static void terms(PdfReport pdf, HealthReport report, ReportSettings settings) {
		String heading = settings.heading("换届提醒", "Terms");
		if (report.terms().isEmpty()) {
			pdf.add(pdf.note(heading, settings.heading("无", "None")));
			return;
		}
		PdfPTable table = pdf.section(heading, new float[] { 3, 3.5f, 2, 1, 2, 3 }, settings.heading("编码", "Code"),
				settings.heading("组织", "Organization"), settings.heading("选举日期", "Elected"),
				settings.heading("任期", "Years"), settings.heading("届满", "Expires"), settings.heading("状态", "Status"));
		for (HealthReport.TermExpiry term : report.terms()) {
			table.addCell(pdf.cell(term.organization().code(), pdf.small()));
			table.addCell(pdf.cell(term.organization().name(), pdf.small()));
			table.addCell(pdf.cell(term.electedOn().toString(), pdf.small()));
			table.addCell(pdf.number(String.valueOf(term.termYears())));
			table.addCell(pdf.cell(term.expiresOn().toString(), pdf.small()));
			table.addCell(pdf.cell(HealthDownloads.rule(term.status(), settings), pdf.small()));
		}
		pdf.add(table);
	}

}
