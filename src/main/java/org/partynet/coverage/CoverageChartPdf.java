package org.partynet.coverage;

import java.awt.Color;
import java.util.List;
import java.util.stream.Collectors;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import org.partynet.report.PdfReport;
import org.partynet.report.ReportSettings;

/**
 * The breakdown charts of the coverage PDF: for each metric with a part not fully
 * covered, horizontal bars lowest first, one table row per part, so that 17 or 100
 * communities take the rows and pages they need. The legend and the value axis are header
 * rows above the bars (repeated on each page), never over them; bars not fully covered
 * are red and marked ◆, with covered/total and the ratio beside them. The metrics that
 * every part covers are listed in one line instead of a chart of full bars.
 */
final class CoverageChartPdf {

	/** The mark of a part not fully covered, in its name and in the legend. */
	static final String MARK = "◆";

	private static final Color FULL = new Color(0x9E, 0x9E, 0x9E);

	private static final Color GRIDLINE = new Color(0xBD, 0xBD, 0xBD);

	private static final float[] WIDTHS = { 3, 8, 2.4f };

	private static final float BAR_HEIGHT = 8;

	private static final float AXIS_HEIGHT = 10;

	private final PdfReport pdf;

	private final ReportSettings settings;

	private final Font red;

	private final float plotWidth;

	private CoverageChartPdf(PdfReport pdf) {
		this.pdf = pdf;
		this.settings = pdf.settings();
		this.red = new Font(pdf.font(), 8, Font.NORMAL, PdfReport.RED);
		float total = 0;
		for (float width : WIDTHS) {
			total += width;
		}
		// the bar column less its cell padding
		this.plotWidth = pdf.width() * WIDTHS[1] / total - 6;
	}

	static void write(PdfReport pdf, List<CoverageReport> breakdown) {
		CoverageChartPdf charts = new CoverageChartPdf(pdf);
		List<CoverageMetric> complete = BreakdownChart.complete(breakdown);
		if (!complete.isEmpty()) {
			pdf.add(pdf.note(charts.settings.heading("下级覆盖率", "Breakdown ratios"),
					charts.settings.heading("全部覆盖", "Fully covered") + "："
							+ complete.stream().map(charts::metricName).collect(Collectors.joining("、"))));
		}
		for (BreakdownChart chart : BreakdownChart.charts(breakdown)) {
			pdf.add(charts.chart(chart));
		}
	}

	private String metricName(CoverageMetric metric) {
		return this.settings.heading(metric.chinese(), metric.english());
	}

	private PdfPTable chart(BreakdownChart chart) {
		PdfPTable table = this.pdf.frame(
				this.settings.heading("下级覆盖率：" + chart.metric().chinese(), "Breakdown: " + chart.metric().english()),
				WIDTHS);
		table.addCell(legend(chart));
		table.addCell(plain(this.settings.heading("名称", "Name"), Element.ALIGN_LEFT));
		PdfPCell axis = new PdfPCell(Image.getInstance(axis(chart)), false);
		axis.setBorder(Rectangle.BOTTOM);
		axis.setPadding(3);
		table.addCell(axis);
		table.addCell(plain(this.settings.heading("覆盖/总数 覆盖率", "Covered/total ratio"), Element.ALIGN_RIGHT));
		table.setHeaderRows(3);
		for (BreakdownChart.Bar bar : chart.bars()) {
			Font font = bar.incomplete() ? this.red : this.pdf.small();
			table.addCell(plainIn((bar.incomplete() ? MARK + " " : "") + bar.name(), font, Element.ALIGN_LEFT));
			PdfPCell cell = new PdfPCell(Image.getInstance(bar(chart, bar)), false);
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPadding(3);
			cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
			table.addCell(cell);
			table.addCell(plainIn(
					bar.figure().covered() + "/" + bar.figure().total() + " " + BreakdownChart.percent(bar.ratio()),
					font, Element.ALIGN_RIGHT));
		}
		return table;
	}

	// Above the axis, so it can never cover a bar.
	private PdfPCell legend(BreakdownChart chart) {
		Phrase phrase = new Phrase();
		phrase.add(new Chunk(MARK + " " + this.settings.heading("红色：未全覆盖", "red: not fully covered"), this.red));
		phrase.add(new Chunk(
				"　■ " + this.settings.heading("灰色：全覆盖", "grey: fully covered") + "　"
						+ this.settings.heading("按覆盖率从低到高排列；横轴自", "lowest first; the axis starts at ") + " "
						+ BreakdownChart.tick(chart.axisStart()) + this.settings.heading(" 起", "")
						+ ((chart.nothingToCover() > 0)
								? "　" + this.settings.heading("另有 " + chart.nothingToCover() + " 个无此项",
										"(" + chart.nothingToCover() + " with nothing to cover)")
								: ""),
				this.pdf.small()));
		PdfPCell cell = new PdfPCell(phrase);
		cell.setColspan(WIDTHS.length);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(3);
		return cell;
	}

	private PdfTemplate axis(BreakdownChart chart) {
		PdfTemplate template = this.pdf.writer().getDirectContent().createTemplate(this.plotWidth, AXIS_HEIGHT);
		List<Integer> ticks = chart.ticks();
		template.beginText();
		template.setFontAndSize(this.pdf.font(), 7);
		for (int i = 0; i < ticks.size(); i++) {
			int align = (i == 0) ? Element.ALIGN_LEFT
					: (i == ticks.size() - 1) ? Element.ALIGN_RIGHT : Element.ALIGN_CENTER;
			template.showTextAligned(align, BreakdownChart.tick(ticks.get(i)), x(chart, ticks.get(i) / 1000.0), 2, 0);
		}
		template.endText();
		return template;
	}

	private PdfTemplate bar(BreakdownChart chart, BreakdownChart.Bar bar) {
		PdfTemplate template = this.pdf.writer().getDirectContent().createTemplate(this.plotWidth, BAR_HEIGHT);
		template.setColorFill(PdfReport.GREY);
		template.rectangle(0, 0, this.plotWidth, BAR_HEIGHT);
		template.fill();
		template.setColorFill(bar.incomplete() ? PdfReport.RED : FULL);
		template.rectangle(0, 0, x(chart, bar.ratio()), BAR_HEIGHT);
		template.fill();
		template.setColorStroke(GRIDLINE);
		template.setLineWidth(0.3f);
		for (int tick : chart.ticks()) {
			template.moveTo(x(chart, tick / 1000.0), 0);
			template.lineTo(x(chart, tick / 1000.0), BAR_HEIGHT);
		}
		template.stroke();
		return template;
	}

	private float x(BreakdownChart chart, double ratio) {
		return (float) (chart.position(ratio) * this.plotWidth);
	}

	private PdfPCell plain(String text, int align) {
		PdfPCell cell = plainIn(text, this.pdf.small(), align);
		cell.setBorder(Rectangle.BOTTOM);
		return cell;
	}

	private static PdfPCell plainIn(String text, Font font, int align) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(2);
		cell.setHorizontalAlignment(align);
		return cell;
	}

}
