package org.partynet.orgchart;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RoleKind;
import org.partynet.orgchart.ChartBox.Badge;
import org.partynet.orgchart.ChartBox.Kind;
import org.partynet.orgchart.ChartBox.Line;
import org.partynet.orgchart.ChartPages.Page;
import org.partynet.orgchart.ChartPages.Paper;
import org.partynet.orgchart.ChartPages.Placed;

/**
 * Paints the laid-out pages ({@link ChartPages}) as a PDF, in vectors, with the CJK font
 * embedded (a subset): on every page the title, the issuing unit and the date line, the
 * chart, the legend and the page number. The colours are the screen chart's
 * (org-chart.css).
 */
final class ChartPdf {

	private static final Color EDGE = new Color(0xB0, 0xA0, 0xA0);

	private static final Color TEXT = new Color(0x33, 0x33, 0x33);

	private static final Color GAP = new Color(0xC6, 0x28, 0x28);

	private static final Color FULL = new Color(0x2E, 0x7D, 0x32);

	private static final Color PARTIAL = new Color(0xEF, 0x6C, 0x00);

	private static final Color RED = new Color(0xB7, 0x1C, 0x1C);

	/** Fill and frame of each kind of box. */
	private static final Map<Kind, Color[]> COLOURS = Map.of(Kind.STREET, colours(0xB71C1C, 0x8E1414), Kind.COMMUNITY,
			colours(0xFDECEA, 0xB71C1C), Kind.BRANCH, colours(0xFFF6E0, 0xD08B00), Kind.GROUP,
			colours(0xFFFFFF, 0xD08B00), Kind.BUILDING, colours(0xFFFFFF, 0x9E9E9E));

	private static final List<Kind> LEGEND = List.of(Kind.STREET, Kind.COMMUNITY, Kind.BRANCH, Kind.GROUP,
			Kind.BUILDING);

	// Sizes at the chart's natural scale (ChartPages.MIN_SCALE keeps the smallest at 6
	// pt).
	private static final float NAME = 8;

	private static final float LINE = 7;

	private static final float BADGE = 6.5f;

	private final BaseFont font;

	private final PdfContentByte canvas;

	private float scale;

	private float left;

	private float top;

	private ChartPdf(BaseFont font, PdfContentByte canvas) {
		this.font = font;
		this.canvas = canvas;
	}

	/**
	 * Writes the pages.
	 * @param issuer the issuing unit, or blank for none
	 * @param dateLine the date line, such as 截至2026-12-02
	 */
	static void write(List<Page> pages, Paper paper, BaseFont font, String issuer, String dateLine, OutputStream out) {
		Document document = new Document(new Rectangle(paper.width, paper.height), 0, 0, 0, 0);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle(pages.isEmpty() ? "组织架构图" : pages.get(0).title());
		document.addCreator("partynet");
		document.open();
		ChartPdf pdf = new ChartPdf(font, writer.getDirectContent());
		for (int i = 0; i < pages.size(); i++) {
			if (i > 0) {
				document.newPage();
			}
			pdf.page(pages.get(i), paper, issuer, dateLine, i + 1, pages.size());
		}
		document.close();
	}

	private void page(Page page, Paper paper, String issuer, String dateLine, int number, int count) {
		float margin = Paper.MARGIN;
		float titleBase = paper.height - margin - 16;
		text(page.title(), margin, titleBase, 15, RED, true, Element.ALIGN_LEFT);
		text(page.context(), margin, titleBase - 16, 8, TEXT, false, Element.ALIGN_LEFT);
		float right = paper.width - margin;
		if (!issuer.isBlank()) {
			text(issuer, right, titleBase + 2, 10, TEXT, true, Element.ALIGN_RIGHT);
		}
		text(dateLine, right, titleBase - 14, 9, TEXT, false, Element.ALIGN_RIGHT);
		this.canvas.setColorStroke(RED);
		this.canvas.setLineWidth(0.8f);
		this.canvas.moveTo(margin, paper.height - margin - Paper.HEADER + 8);
		this.canvas.lineTo(right, paper.height - margin - Paper.HEADER + 8);
		this.canvas.stroke();

		double fit = Math.min(paper.chartWidth() / Math.max(1, page.width()),
				paper.chartHeight() / Math.max(1, page.height()));
		this.scale = (float) Math.max(ChartPages.MIN_SCALE, Math.min(ChartPages.MAX_SCALE, fit));
		this.left = margin + (float) (paper.chartWidth() - page.width() * this.scale) / 2;
		this.top = paper.height - margin - Paper.HEADER;
		edges(page.edges());
		for (Placed box : page.boxes()) {
			box(box);
		}
		legend(margin, margin + 4);
		text("第 " + number + " 页 / 共 " + count + " 页", right, margin + 4, 8, TEXT, false, Element.ALIGN_RIGHT);
	}

	private float x(double x) {
		return this.left + (float) x * this.scale;
	}

	private float y(double y) {
		return this.top - (float) y * this.scale;
	}

	private void edges(List<double[]> edges) {
		this.canvas.setColorStroke(EDGE);
		this.canvas.setLineWidth(0.8f * this.scale);
		for (double[] edge : edges) {
			this.canvas.moveTo(x(edge[0]), y(edge[1]));
			for (int i = 2; i < edge.length; i += 2) {
				this.canvas.lineTo(x(edge[i]), y(edge[i + 1]));
			}
		}
		this.canvas.stroke();
	}

	private void box(Placed p) {
		ChartBox box = p.box();
		Color[] colours = COLOURS.get(box.kind());
		this.canvas.setColorFill(colours[0]);
		this.canvas.setColorStroke(colours[1]);
		this.canvas.setLineWidth(0.8f * this.scale);
		this.canvas.roundRectangle(x(p.x()), y(p.y() + p.h()), (float) p.w() * this.scale, (float) p.h() * this.scale,
				3 * this.scale);
		this.canvas.fillStroke();
		boolean street = box.kind() == Kind.STREET;
		double room = p.w() - 8;
		String name = box.name() + (p.continued() ? "（续）" : "");
		fitted(name, p.x() + 4, p.y() + 11, NAME, room, street ? Color.WHITE : Color.BLACK, true);
		double baseline = p.y() + 11;
		for (Line line : box.lines()) {
			baseline += 9;
			fitted(line.text(), p.x() + 4, baseline, LINE, room, street ? Color.WHITE : (line.gap() ? GAP : TEXT),
					false);
		}
		List<Badge> badges = p.overview() ? concat(box.badges(), box.overview()) : box.badges();
		double bx = p.x() + 4;
		for (Badge badge : badges) {
			float width = this.font.getWidthPoint(badge.text(), BADGE) + 6;
			if (bx + width > p.x() + p.w() - 2) {
				break;
			}
			this.canvas.setColorFill(badge.full() ? FULL : PARTIAL);
			this.canvas.roundRectangle(x(bx), y(p.y() + 46), width * this.scale, 9.5f * this.scale, 4.5f * this.scale);
			this.canvas.fill();
			fitted(badge.text(), bx + 3, p.y() + 43.5, BADGE, width, Color.WHITE, false);
			bx += width + 4;
		}
	}

	private static List<Badge> concat(List<Badge> a, List<Badge> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	// A line of a box, squeezed sideways (to 60 %) and then shortened to fit its room.
	private void fitted(String text, double x, double y, float size, double room, Color colour, boolean bold) {
		String shown = text;
		float natural = this.font.getWidthPoint(shown, size);
		float squeeze = 100;
		if (natural > room) {
			squeeze = (float) Math.max(60, Math.floor(100 * room / natural));
			while (shown.length() > 1 && this.font.getWidthPoint(shown, size) * squeeze / 100 > room) {
				shown = shown.substring(0, shown.length() - 2) + "…";
			}
		}
		this.canvas.setHorizontalScaling(squeeze);
		text(shown, x(x), y(y), size * this.scale, colour, bold, Element.ALIGN_LEFT);
		this.canvas.setHorizontalScaling(100);
	}

	private void text(String text, float x, float y, float size, Color colour, boolean bold, int align) {
		this.canvas.beginText();
		this.canvas.setFontAndSize(this.font, size);
		this.canvas.setColorFill(colour);
		if (bold) {
			// the CJK font has no bold face: the glyphs are drawn with an outline
			this.canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
			this.canvas.setColorStroke(colour);
			this.canvas.setLineWidth(size / 30);
		}
		this.canvas.showTextAligned(align, text, x, y, 0);
		this.canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
		this.canvas.endText();
	}

	// The box kinds' colours, the badges and the red mark, on one line.
	private void legend(float x, float y) {
		float size = 7.5f;
		for (Kind kind : LEGEND) {
			Color[] colours = COLOURS.get(kind);
			this.canvas.setColorFill(colours[0]);
			this.canvas.setColorStroke(colours[1]);
			this.canvas.setLineWidth(0.8f);
			this.canvas.roundRectangle(x, y - 1.5f, 14, 9, 2);
			this.canvas.fillStroke();
			String label = name(kind);
			text(label, x + 17, y, size, TEXT, false, Element.ALIGN_LEFT);
			x += 17 + this.font.getWidthPoint(label, size) + 10;
		}
		String badges = "徽标 已覆盖/总数：";
		text(badges, x, y, size, TEXT, false, Element.ALIGN_LEFT);
		x += this.font.getWidthPoint(badges, size) + 2;
		x = pill("全部覆盖", FULL, x, y, size) + 4;
		x = pill("部分覆盖", PARTIAL, x, y, size) + 10;
		text("红字：缺书记、组长或楼长，或楼长非党员（如 无楼长）", x, y, size, GAP, false, Element.ALIGN_LEFT);
	}

	private float pill(String label, Color colour, float x, float y, float size) {
		float width = this.font.getWidthPoint(label, size) + 8;
		this.canvas.setColorFill(colour);
		this.canvas.roundRectangle(x, y - 2.5f, width, 10.5f, 5);
		this.canvas.fill();
		text(label, x + 4, y, size, Color.WHITE, false, Element.ALIGN_LEFT);
		return x + width;
	}

	private static String name(Kind kind) {
		return switch (kind) {
			case STREET -> OrganizationKind.STREET_WORKING_COMMITTEE.chinese();
			case COMMUNITY -> OrganizationKind.COMMUNITY_COMMITTEE.chinese();
			case BRANCH -> OrganizationKind.GRID_BRANCH.chinese();
			case GROUP -> OrganizationKind.BUILDING_GROUP.chinese();
			case BUILDING -> AreaKind.BUILDING.chinese() + "（" + RoleKind.BUILDING_HEAD.chinese() + "）";
		};
	}

	private static Color[] colours(int fill, int frame) {
		return new Color[] { new Color(fill), new Color(frame) };
	}

}
