package org.partynet.coverage;

import java.awt.Color;
import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The coverage report as an A4 PDF: the same tables as the workbook and a bar chart,
 * drawn as vectors, with Chinese text in an embedded CJK font (subset). Gap tables go to
 * the document a chunk at a time, so that a large scope streams.
 */
final class CoveragePdf {

	private static final Color RED = new Color(0xB7, 0x1C, 0x1C);

	private static final Color GREY = new Color(0xEE, 0xEE, 0xEE);

	private static final int CHUNK = 200;

	private final Document document = new Document(PageSize.A4, 36, 36, 42, 36);

	private final Font title;

	private final Font heading;

	private final Font text;

	private final Font small;

	private final BaseFont font;

	private CoveragePdf(BaseFont font) {
		this.font = font;
		this.title = new Font(font, 16, Font.BOLD);
		this.heading = new Font(font, 12, Font.BOLD, RED);
		this.text = new Font(font, 9);
		this.small = new Font(font, 8);
	}

	static void write(CoverageExport export, CoverageExport.Contents contents, BaseFont font, OutputStream out) {
		CoveragePdf pdf = new CoveragePdf(font);
		PdfWriter writer = PdfWriter.getInstance(pdf.document, out);
		pdf.document.addTitle("全覆盖报告 Coverage report – " + contents.report().name());
		pdf.document.addCreator("partynet");
		pdf.document.open();
		pdf.document.add(new Paragraph("全覆盖报告 Coverage report", pdf.title));
		pdf.document.add(new Paragraph(contents.scopeLine(), pdf.text));
		pdf.document.add(new Paragraph(contents.asOfLine(), pdf.text));
		pdf.document.add(new Paragraph(contents.madeLine(), pdf.text));
		pdf.summary(contents.report());
		pdf.chart(writer, contents.report());
		if (!contents.breakdown().isEmpty()) {
			pdf.breakdown(contents);
		}
		for (CoverageMetric metric : CoverageMetric.values()) {
			pdf.gaps(export, contents.report(), metric);
		}
		pdf.document.close();
	}

	private void summary(CoverageReport report) {
		this.document.add(spaced(new Paragraph("概况 Summary", this.heading)));
		PdfPTable table = table(new float[] { 5, 2, 2, 2 }, "指标 Metric", "总数 Total", "已覆盖 Covered", "覆盖率 Ratio");
		for (CoverageMetric metric : CoverageMetric.values()) {
			CoverageFigure figure = report.figures().get(metric);
			table.addCell(cell(metric.chinese() + " " + metric.english(), this.text));
			table.addCell(number(String.valueOf(figure.total())));
			table.addCell(number(String.valueOf(figure.covered())));
			table.addCell(number(percent(figure)));
		}
		this.document.add(table);
	}

	// Horizontal bars, one per metric, as vector graphics: sharp when printed.
	private void chart(PdfWriter writer, CoverageReport report) {
		float width = this.document.right() - this.document.left();
		float barHeight = 14;
		float gap = 8;
		float labelWidth = 150;
		CoverageMetric[] metrics = CoverageMetric.values();
		float height = metrics.length * (barHeight + gap) + 12;
		PdfContentByte canvas = writer.getDirectContent();
		PdfTemplate template = canvas.createTemplate(width, height);
		float barWidth = width - labelWidth - 50;
		for (int i = 0; i < metrics.length; i++) {
			CoverageFigure figure = report.figures().get(metrics[i]);
			float y = height - (i + 1) * (barHeight + gap);
			template.beginText();
			template.setFontAndSize(this.font, 9);
			template.setColorFill(Color.BLACK);
			template.showTextAligned(Element.ALIGN_LEFT, metrics[i].chinese(), 0, y + 4, 0);
			template.endText();
			template.setColorFill(GREY);
			template.rectangle(labelWidth, y, barWidth, barHeight);
			template.fill();
			double ratio = (figure.ratio() != null) ? figure.ratio() : 0;
			template.setColorFill(RED);
			template.rectangle(labelWidth, y, (float) (barWidth * ratio), barHeight);
			template.fill();
			template.beginText();
			template.setFontAndSize(this.font, 9);
			template.setColorFill(Color.BLACK);
			template.showTextAligned(Element.ALIGN_LEFT, percent(figure), labelWidth + barWidth + 6, y + 4, 0);
			template.endText();
		}
		Image image = Image.getInstance(template);
		image.setSpacingBefore(12);
		this.document.add(new Paragraph("覆盖率 Coverage ratios", this.heading));
		this.document.add(image);
	}

	private void breakdown(CoverageExport.Contents contents) {
		this.document.add(spaced(new Paragraph("下级 Breakdown", this.heading)));
		String[] titles = new String[CoverageMetric.values().length + 1];
		float[] widths = new float[titles.length];
		titles[0] = "范围 Scope";
		widths[0] = 3;
		for (CoverageMetric metric : CoverageMetric.values()) {
			titles[metric.ordinal() + 1] = metric.chinese();
			widths[metric.ordinal() + 1] = 2;
		}
		PdfPTable table = table(widths, titles);
		for (CoverageReport child : contents.breakdown()) {
			table.addCell(cell(child.name(), this.small));
			for (CoverageMetric metric : CoverageMetric.values()) {
				CoverageFigure figure = child.figures().get(metric);
				table.addCell(number(figure.covered() + "/" + figure.total() + " " + percent(figure)));
			}
		}
		this.document.add(table);
	}

	private void gaps(CoverageExport export, CoverageReport report, CoverageMetric metric) {
		this.document.add(spaced(new Paragraph("缺口：" + metric.chinese() + " Gaps: " + metric.english(), this.heading)));
		PdfPTable[] table = { table(new float[] { 3, 6, 3 }, "编码 Code", "位置 Place", "原因 Reason") };
		int[] rows = { 0 };
		export.eachGap(report, metric, gap -> {
			table[0].addCell(cell(gap.area().code(), this.small));
			table[0].addCell(cell(gap.place(), this.small));
			table[0].addCell(cell(gap.reason(), this.small));
			if (++rows[0] % CHUNK == 0) {
				this.document.add(table[0]);
				table[0] = table(new float[] { 3, 6, 3 }, "编码 Code", "位置 Place", "原因 Reason");
			}
		});
		if (rows[0] == 0) {
			this.document.add(new Paragraph("无缺口 No gaps", this.text));
		}
		else if (rows[0] % CHUNK != 0) {
			this.document.add(table[0]);
		}
	}

	private PdfPTable table(float[] widths, String... titles) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		for (String title : titles) {
			PdfPCell cell = cell(title, this.small);
			cell.setBackgroundColor(GREY);
			table.addCell(cell);
		}
		table.setHeaderRows(1);
		return table;
	}

	private PdfPCell cell(String value, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(value, font));
		cell.setPadding(3);
		return cell;
	}

	private PdfPCell number(String value) {
		PdfPCell cell = cell(value, this.small);
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}

	private static Paragraph spaced(Paragraph paragraph) {
		paragraph.setSpacingBefore(10);
		return paragraph;
	}

	private static String percent(CoverageFigure figure) {
		return (figure.ratio() != null) ? String.format("%.1f%%", figure.ratio() * 100) : "–";
	}

}
