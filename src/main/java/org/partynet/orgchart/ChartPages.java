package org.partynet.orgchart;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.partynet.orgchart.ChartBox.Kind;

/**
 * The printed org chart's pages, laid out: which boxes go on which page and where. Pure
 * (no font, no PDF), so that it can be tested alone and the drawing ({@link ChartPdf})
 * only paints what it is given.
 *
 * <p>
 * A street prints an overview first (the street and its communities with their figures),
 * then one page per community; any other organization prints its own tree. Each tree is
 * laid out top-down as the screen's compact layout does: boxes with boxes under them side
 * by side, a last level (buildings under a building group) stacked in columns as tall as
 * the page allows. A tree wider than the page goes on as many pages as it needs, split
 * between its branches (or between a stack's columns); the boxes carried over are marked
 * 续. Coordinates are in points at the drawing's natural size, y downwards from the top of
 * the chart area; the drawing scales a page between {@link #MIN_SCALE} (where the
 * smallest text is 6 pt) and {@link #MAX_SCALE} to fill its area.
 */
final class ChartPages {

	/** The smallest scale: the smallest text (6.5 pt at natural size) stays at 6 pt. */
	static final double MIN_SCALE = 6 / 6.5;

	/** The largest scale: a small tree is printed larger, not spread thin. */
	static final double MAX_SCALE = 1.6;

	static final double BOX_WIDTH = 104;

	static final double OVERVIEW_WIDTH = 150;

	static final double ORG_HEIGHT = 50;

	static final double BUILDING_HEIGHT = 30;

	static final double GAP_X = 8;

	static final double GAP_Y = 16;

	static final double STACK_GAP = 4;

	static final double INDENT = 8;

	private final double maxWidth;

	private final double maxHeight;

	private final Map<Part, Double> widths = new IdentityHashMap<>();

	private final Map<Part, Integer> rows = new IdentityHashMap<>();

	/**
	 * A landscape sheet, in points, and the chart's area on it (what the header, the
	 * legend and the page number leave).
	 */
	enum Paper {

		A4(842, 595), A3(1191, 842);

		static final float MARGIN = 28;

		static final float HEADER = 46;

		static final float FOOTER = 34;

		final float width;

		final float height;

		Paper(float width, float height) {
			this.width = width;
			this.height = height;
		}

		float chartWidth() {
			return this.width - 2 * MARGIN;
		}

		float chartHeight() {
			return this.height - 2 * MARGIN - HEADER - FOOTER;
		}

	}

	/**
	 * A box on a page.
	 *
	 * @param continued whether the box was begun on an earlier page (续)
	 */
	record Placed(ChartBox box, double x, double y, double w, double h, boolean overview, boolean continued) {
	}

	/**
	 * One page.
	 *
	 * @param top the organization the page is about (its title)
	 * @param context where it sits (the organizations above it), or the overview's line
	 * @param continued whether it carries on the page before
	 * @param edges the tree's lines, each as x, y pairs
	 * @param width the width of what is placed
	 * @param height its height
	 */
	record Page(String top, String context, boolean continued, List<Placed> boxes, List<double[]> edges, double width,
			double height) {

		String title() {
			return this.top + " 组织架构图" + (this.continued ? "（续）" : "");
		}

	}

	// A box with the boxes under it on one page: a part of a tree.
	private record Part(ChartBox box, List<Part> kids, boolean overview, boolean continued) {
	}

	private ChartPages(Paper paper) {
		this.maxWidth = paper.chartWidth() / MIN_SCALE;
		this.maxHeight = paper.chartHeight() / MIN_SCALE;
	}

	/**
	 * The pages of a chart: for a street, the overview and then each community; else the
	 * organization's own.
	 * @param above the names of the organizations above the root, from the top
	 */
	static List<Page> of(ChartBox root, List<String> above, Paper paper) {
		ChartPages layout = new ChartPages(paper);
		List<Page> pages = new ArrayList<>();
		String path = String.join(" › ", above);
		String here = path.isEmpty() ? root.name() : path + " › " + root.name();
		if (root.kind() == Kind.STREET) {
			List<Part> communities = root.children()
				.stream()
				.map((community) -> new Part(community.with(List.of()), List.of(), true, false))
				.toList();
			String line = here + "：社区概览，" + communities.size() + " 个社区党委";
			layout.add(pages, new Part(root, communities, false, false), root.name(), line);
			for (ChartBox community : root.children()) {
				layout.add(pages, part(community), community.name(), here + " › " + community.name());
			}
		}
		else {
			layout.add(pages, part(root), root.name(), here);
		}
		return pages;
	}

	private static Part part(ChartBox box) {
		return new Part(box, box.children().stream().map(ChartPages::part).toList(), false, false);
	}

	private void add(List<Page> pages, Part tree, String top, String context) {
		List<Part> parts = split(tree, 0);
		for (int i = 0; i < parts.size(); i++) {
			pages.add(page(parts.get(i), top, context, i > 0));
		}
	}

	private Page page(Part part, String top, String context, boolean continued) {
		List<Placed> boxes = new ArrayList<>();
		List<double[]> edges = new ArrayList<>();
		place(part, 0, 0, boxes, edges);
		double right = 0;
		double bottom = 0;
		for (Placed p : boxes) {
			right = Math.max(right, p.x() + p.w());
			bottom = Math.max(bottom, p.y() + p.h());
		}
		return new Page(top, context, continued, boxes, edges, right, bottom);
	}

	static double width(ChartBox box, boolean overview) {
		return overview ? OVERVIEW_WIDTH : BOX_WIDTH;
	}

	static double height(ChartBox box) {
		return (box.kind() == Kind.BUILDING) ? BUILDING_HEIGHT : ORG_HEIGHT;
	}

	private static double width(Part part) {
		return width(part.box(), part.overview());
	}

	// The screen's compact rule: childless boxes under one box stack in columns.
	private static boolean stacked(Part part) {
		return part.kids().size() > 1 && part.kids().stream().allMatch((kid) -> kid.kids().isEmpty());
	}

	private static double kidWidth(Part part) {
		return part.kids().stream().mapToDouble(ChartPages::width).max().orElse(BOX_WIDTH);
	}

	private static double kidHeight(Part part) {
		return part.kids().stream().mapToDouble((kid) -> height(kid.box())).max().orElse(ORG_HEIGHT);
	}

	private static double kidsTop(Part part, double top) {
		return top + height(part.box()) + GAP_Y;
	}

	private double measure(Part part, double top) {
		Double known = this.widths.get(part);
		if (known != null) {
			return known;
		}
		double width = width(part);
		List<Part> kids = part.kids();
		if (stacked(part)) {
			double room = this.maxHeight - kidsTop(part, top) + STACK_GAP;
			int fit = Math.max(1, (int) Math.floor(room / (kidHeight(part) + STACK_GAP)));
			int columns = (int) Math.ceil(kids.size() / (double) Math.min(kids.size(), fit));
			int perColumn = (int) Math.ceil(kids.size() / (double) columns);
			this.rows.put(part, perColumn);
			width = Math.max(width, INDENT + columns * (kidWidth(part) + GAP_X) - GAP_X);
		}
		else if (!kids.isEmpty()) {
			double sum = GAP_X * (kids.size() - 1);
			for (Part kid : kids) {
				sum += measure(kid, kidsTop(part, top));
			}
			width = Math.max(width, sum);
		}
		this.widths.put(part, width);
		return width;
	}

	// Parts of the tree each as wide as a page at most: a stack by its columns, a tree
	// between its branches, the branches themselves split where one alone is too wide.
	private List<Part> split(Part part, double top) {
		if (measure(part, top) <= this.maxWidth || part.kids().isEmpty()) {
			return List.of(part);
		}
		List<List<Part>> groups = new ArrayList<>();
		if (stacked(part)) {
			int columns = Math.max(1, (int) Math.floor((this.maxWidth - INDENT + GAP_X) / (kidWidth(part) + GAP_X)));
			int perPage = columns * this.rows.get(part);
			for (int from = 0; from < part.kids().size(); from += perPage) {
				groups.add(part.kids().subList(from, Math.min(part.kids().size(), from + perPage)));
			}
		}
		else {
			double below = kidsTop(part, top);
			List<Part> group = new ArrayList<>();
			double used = 0;
			for (Part kid : part.kids()) {
				for (Part piece : split(kid, below)) {
					double width = measure(piece, below);
					if (!group.isEmpty() && used + GAP_X + width > this.maxWidth) {
						groups.add(group);
						group = new ArrayList<>();
						used = 0;
					}
					used += (group.isEmpty() ? 0 : GAP_X) + width;
					group.add(piece);
				}
			}
			groups.add(group);
		}
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < groups.size(); i++) {
			parts.add(new Part(part.box(), List.copyOf(groups.get(i)), part.overview(), part.continued() || i > 0));
		}
		return parts;
	}

	private void place(Part part, double left, double top, List<Placed> boxes, List<double[]> edges) {
		double width = measure(part, top);
		double w = width(part);
		double h = height(part.box());
		double x = left + (width - w) / 2;
		boxes.add(new Placed(part.box(), x, top, w, h, part.overview(), part.continued()));
		double below = kidsTop(part, top);
		double elbow = top + h + GAP_Y / 2;
		if (stacked(part)) {
			int perColumn = this.rows.get(part);
			double kw = kidWidth(part);
			double kh = kidHeight(part);
			int columns = (int) Math.ceil(part.kids().size() / (double) perColumn);
			double block = INDENT + columns * (kw + GAP_X) - GAP_X;
			double x0 = left + (width - block) / 2 + INDENT;
			for (int i = 0; i < part.kids().size(); i++) {
				Part kid = part.kids().get(i);
				double kx = x0 + (i / perColumn) * (kw + GAP_X);
				double ky = below + (i % perColumn) * (kh + STACK_GAP);
				boxes
					.add(new Placed(kid.box(), kx, ky, width(kid), height(kid.box()), kid.overview(), kid.continued()));
				edges.add(new double[] { x + w / 2, top + h, x + w / 2, elbow, kx - INDENT / 2, elbow, kx - INDENT / 2,
						ky + height(kid.box()) / 2, kx, ky + height(kid.box()) / 2 });
			}
			return;
		}
		double sum = GAP_X * (part.kids().size() - 1);
		for (Part kid : part.kids()) {
			sum += measure(kid, below);
		}
		double cx = left + (width - sum) / 2;
		for (Part kid : part.kids()) {
			double kidWidth = measure(kid, below);
			double centre = cx + kidWidth / 2;
			edges.add(new double[] { x + w / 2, top + h, x + w / 2, elbow, centre, elbow, centre, below });
			place(kid, cx, below, boxes, edges);
			cx += kidWidth + GAP_X;
		}
	}

}
