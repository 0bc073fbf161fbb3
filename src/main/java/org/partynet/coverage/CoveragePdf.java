package org.partynet.coverage;

import java.io.OutputStream;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import org.partynet.report.PdfReport;
import org.partynet.report.ReportSettings;

/**
 * The coverage report as an A4 PDF in the frame of {@link PdfReport} (issuing unit, date
 * line, page numbers, headings kept with their tables): the summary, the breakdown as a
 * table and as {@link CoverageChartPdf charts}, and the gaps of every metric. Headings
 * are Chinese unless the settings ask for the English beside them. Gap tables go to the
 * document a chunk at a time, so that a large scope streams.
 */
final class CoveragePdf {

	private static final int CHUNK = 200;

	private final PdfReport pdf;

	private final ReportSettings settings;

	private CoveragePdf(PdfReport pdf) {
		this.pdf = pdf;
		this.settings = pdf.settings();
	}

	static void write(CoverageExport export, CoverageExport.Contents contents, ReportSettings settings, BaseFont font,
			OutputStream out) {
		PdfReport pdf = PdfReport.open(settings, font, out, contents.title(settings) + " – " + contents.report().name(),
				contents.report().asOf(), contents.scopeLine(settings), contents.madeLine(settings));
		CoveragePdf coverage = new CoveragePdf(pdf);
		coverage.summary(contents.report());
		if (!contents.breakdown().isEmpty()) {
			coverage.breakdown(contents);
			CoverageChartPdf.write(pdf, contents.breakdown());
		}
		for (CoverageMetric metric : CoverageMetric.values()) {
			coverage.gaps(export, contents.report(), metric);
		}
		pdf.close();
	}

	private String heading(String chinese, String english) {
		return this.settings.heading(chinese, english);
	}

	private void summary(CoverageReport report) {
		PdfPTable table = this.pdf.section(heading("概况", "Summary"), new float[] { 5, 2, 2, 2 },
				heading("指标", "Metric"), heading("总数", "Total"), heading("已覆盖", "Covered"), heading("覆盖率", "Ratio"));
		for (CoverageMetric metric : CoverageMetric.values()) {
			CoverageFigure figure = report.figures().get(metric);
			table.addCell(this.pdf.cell(heading(metric.chinese(), metric.english()), this.pdf.text()));
			table.addCell(this.pdf.number(String.valueOf(figure.total())));
			table.addCell(this.pdf.number(String.valueOf(figure.covered())));
			table.addCell(this.pdf.number(BreakdownChart.percent(figure.ratio())));
		}
		this.pdf.add(table);
	}

	private void breakdown(CoverageExport.Contents contents) {
		String[] titles = new String[CoverageMetric.values().length + 1];
		float[] widths = new float[titles.length];
		titles[0] = heading("名称", "Name");
		widths[0] = 3;
		for (CoverageMetric metric : CoverageMetric.values()) {
			titles[metric.ordinal() + 1] = heading(metric.chinese(), metric.english());
			widths[metric.ordinal() + 1] = 2;
		}
		PdfPTable table = this.pdf.section(heading("下级", "Breakdown"), widths, titles);
		for (CoverageReport child : contents.breakdown()) {
			table.addCell(this.pdf.cell(child.name(), this.pdf.small()));
			for (CoverageMetric metric : CoverageMetric.values()) {
				CoverageFigure figure = child.figures().get(metric);
				table.addCell(this.pdf
					.number(figure.covered() + "/" + figure.total() + " " + BreakdownChart.percent(figure.ratio())));
			}
		}
		this.pdf.add(table);
	}

	private void gaps(CoverageExport export, CoverageReport report, CoverageMetric metric) {
		String title = heading("缺口：" + metric.chinese(), "Gaps: " + metric.english());
		PdfPTable table = this.pdf.section(title, new float[] { 3, 6, 3 }, heading("编码", "Code"),
				heading("位置", "Place"), heading("原因", "Reason"));
		table.setComplete(false);
		int[] rows = { 0 };
		export.eachGap(report, metric, gap -> {
			table.addCell(this.pdf.cell(gap.area().code(), this.pdf.small()));
			table.addCell(this.pdf.cell(gap.place(), this.pdf.small()));
			table.addCell(this.pdf.cell(CoverageExport.reason(gap, this.settings), this.pdf.small()));
			if (++rows[0] % CHUNK == 0) {
				this.pdf.add(table);
			}
		});
		if (rows[0] == 0) {
			this.pdf.add(this.pdf.note(title, heading("无缺口", "No gaps")));
			return;
		}
		table.setComplete(true);
		this.pdf.add(table);
	}

}
