package org.partynet.report;

import java.awt.Color;
import java.io.OutputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The frame of every A4 report sent upward: a title block (title, issuing unit, date
 * line, then the report's own lines), a footer on every page with the issuing unit, the
 * date line and "第 n 页 / 共 m 页", and sections whose heading travels with its table.
 *
 * <p>
 * A section is one table whose first header row is the heading and whose second is the
 * column titles: the heading repeats on every page the table runs onto, and a section
 * starts on a new page when the heading, the titles and the first row would not all fit,
 * so that no heading is left alone at the foot of a page. Large tables may be added a
 * chunk at a time ({@link PdfPTable#setComplete(boolean) incomplete}), so a long list
 * streams.
 */
public final class PdfReport {

	/** The colour of headings and of what is missing. */
	public static final Color RED = new Color(0xB7, 0x1C, 0x1C);

	/** The background of column titles and of bars' tracks. */
	public static final Color GREY = new Color(0xEE, 0xEE, 0xEE);

	private static final float FOOTER_SIZE = 8;

	private final Document document = new Document(PageSize.A4, 36, 36, 42, 42);

	private final PdfWriter writer;

	private final ReportSettings settings;

	private final BaseFont font;

	private final Font title;

	private final Font heading;

	private final Font text;

	private final Font small;

	private final Set<PdfPTable> started = Collections.newSetFromMap(new IdentityHashMap<>());

	private PdfReport(ReportSettings settings, BaseFont font, OutputStream out, String dateLine) {
		this.settings = settings;
		this.font = font;
		this.title = new Font(font, 16, Font.BOLD);
		this.heading = new Font(font, 12, Font.BOLD, RED);
		this.text = new Font(font, 9);
		this.small = new Font(font, 8);
		this.writer = PdfWriter.getInstance(this.document, out);
		this.writer.setPageEvent(new Footer(settings.issuer(), dateLine));
	}

	/**
	 * Opens a report and writes its title block.
	 * @param day the report's day, for the date line
	 * @param lines what the report adds under the issuing unit and date line (its scope,
	 * when it was made)
	 */
	public static PdfReport open(ReportSettings settings, BaseFont font, OutputStream out, String title, Object day,
			String... lines) {
		String dateLine = settings.dateLine(day);
		PdfReport report = new PdfReport(settings, font, out, dateLine);
		report.document.addTitle(title);
		report.document.addCreator("partynet");
		report.document.open();
		report.document.add(new Paragraph(title, report.title));
		if (!settings.issuer().isEmpty()) {
			report.document.add(new Paragraph(settings.issuer(), report.text));
		}
		report.document.add(new Paragraph(dateLine, report.text));
		for (String line : lines) {
			report.document.add(new Paragraph(line, report.text));
		}
		return report;
	}

	public ReportSettings settings() {
		return this.settings;
	}

	public PdfWriter writer() {
		return this.writer;
	}

	public BaseFont font() {
		return this.font;
	}

	public Font text() {
		return this.text;
	}

	public Font small() {
		return this.small;
	}

	/** The width between the margins. */
	public float width() {
		return this.document.right() - this.document.left();
	}

	/**
	 * A section's table: the heading and the column titles as its two header rows, which
	 * repeat on each page it runs onto.
	 */
	public PdfPTable section(String heading, float[] widths, String... titles) {
		PdfPTable table = frame(heading, widths);
		for (String title : titles) {
			PdfPCell cell = cell(title, this.small);
			cell.setBackgroundColor(GREY);
			table.addCell(cell);
		}
		table.setHeaderRows(2);
		return table;
	}

	/** A section of one line of text, such as "无缺口". */
	public PdfPTable note(String heading, String line) {
		PdfPTable table = frame(heading, new float[] { 1 });
		table.setHeaderRows(1);
		PdfPCell cell = cell(line, this.text);
		cell.setBorder(Rectangle.NO_BORDER);
		table.addCell(cell);
		return table;
	}

	/** An empty table as wide as the page, with the heading as its first row. */
	public PdfPTable frame(String heading, float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setTotalWidth(width());
		table.setSpacingBefore(6);
		PdfPCell cell = new PdfPCell(new Phrase(heading, this.heading));
		cell.setColspan(widths.length);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPaddingTop(8);
		cell.setPaddingBottom(4);
		cell.setPaddingLeft(0);
		table.addCell(cell);
		return table;
	}

	/**
	 * Adds a section, or the next chunk of one. The first time a table comes, it starts a
	 * new page unless its header rows and first body row fit on this one.
	 */
	public void add(PdfPTable table) {
		if (this.started.add(table)) {
			int rows = Math.min(table.size(), table.getHeaderRows() + 1);
			float needed = table.spacingBefore();
			for (int r = 0; r < rows; r++) {
				needed += table.getRowHeight(r);
			}
			if (this.writer.getVerticalPosition(true) - needed < this.document.bottom()) {
				this.document.newPage();
			}
		}
		else if (table.size() > table.getHeaderRows()) {
			// A chunk that starts a page: OpenPDF skips the repeated header on a chunk's
			// first page, so keep it there, turning the page first if no row fits.
			float top = this.writer.getVerticalPosition(true);
			if (top >= this.document.top() - 1) {
				table.setSkipFirstHeader(false);
			}
			else if (top - table.getRowHeight(table.getHeaderRows()) < this.document.bottom()) {
				this.document.newPage();
				table.setSkipFirstHeader(false);
			}
		}
		this.document.add(table);
		if (table.isComplete()) {
			this.started.remove(table);
		}
	}

	/** A plain cell with some padding. */
	public PdfPCell cell(String value, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(value, font));
		cell.setPadding(3);
		return cell;
	}

	/** A right-aligned cell in the small font, for figures. */
	public PdfPCell number(String value) {
		PdfPCell cell = cell(value, this.small);
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}

	/** Ends the document, which fills in the total of pages. */
	public void close() {
		this.document.close();
	}

	/**
	 * The footer of every page. The total of pages is known only at the end, so each page
	 * shows a template that is written when the document closes.
	 */
	private final class Footer extends PdfPageEventHelper {

		private final String left;

		private PdfTemplate total;

		Footer(String issuer, String dateLine) {
			this.left = issuer.isEmpty() ? dateLine : issuer + "　" + dateLine;
		}

		@Override
		public void onOpenDocument(PdfWriter writer, Document document) {
			this.total = writer.getDirectContent().createTemplate(60, FOOTER_SIZE + 4);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContent();
			float y = document.bottom() - 20;
			canvas.saveState();
			canvas.setColorStroke(Color.GRAY);
			canvas.setLineWidth(0.5f);
			canvas.moveTo(document.left(), y + FOOTER_SIZE + 4);
			canvas.lineTo(document.right(), y + FOOTER_SIZE + 4);
			canvas.stroke();
			canvas.beginText();
			canvas.setFontAndSize(PdfReport.this.font, FOOTER_SIZE);
			canvas.setColorFill(Color.DARK_GRAY);
			canvas.showTextAligned(Element.ALIGN_LEFT, this.left, document.left(), y, 0);
			String page = "第 " + writer.getPageNumber() + " 页 / ";
			float pageWidth = PdfReport.this.font.getWidthPoint(page, FOOTER_SIZE);
			float totalWidth = PdfReport.this.font.getWidthPoint("共 0000 页", FOOTER_SIZE);
			canvas.showTextAligned(Element.ALIGN_LEFT, page, document.right() - totalWidth - pageWidth, y, 0);
			canvas.endText();
			canvas.addTemplate(this.total, document.right() - totalWidth, y - 2);
			canvas.restoreState();
		}

		@Override
		public void onCloseDocument(PdfWriter writer, Document document) {
			this.total.beginText();
			this.total.setFontAndSize(PdfReport.this.font, FOOTER_SIZE);
			this.total.setColorFill(Color.DARK_GRAY);
			this.total.showTextAligned(Element.ALIGN_LEFT, "共 " + (writer.getPageNumber() - 1) + " 页", 0, 2, 0);
			this.total.endText();
		}

	}

}
