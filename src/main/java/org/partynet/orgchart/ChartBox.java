package org.partynet.orgchart;

import java.util.List;

/**
 * One box of the printed org chart, as the screen chart draws it: its kind (which gives
 * its colours), its name, the lines under the name, its figures as badges and the boxes
 * under it. What a box says is decided when the answer is read ({@link ChartData}); the
 * layout ({@link ChartPages}) only places boxes and the drawing ({@link ChartPdf}) only
 * paints them.
 *
 * @param id the node's global id
 * @param kind the kind of box
 * @param name the organization's or building's name
 * @param lines the lines under the name (kind, secretary or head, members)
 * @param badges the figures the screen's box shows, as "网格 7/7"
 * @param overview the further figures a community shows on a street's overview page
 * @param children the boxes under it that were read (none below the chosen levels)
 */
record ChartBox(String id, Kind kind, String name, List<Line> lines, List<Badge> badges, List<Badge> overview,
		List<ChartBox> children) {

	ChartBox {
		lines = List.copyOf(lines);
		badges = List.copyOf(badges);
		overview = List.copyOf(overview);
		children = List.copyOf(children);
	}

	/** The same box with other boxes under it (a part of them, on a page of its own). */
	ChartBox with(List<ChartBox> children) {
		return new ChartBox(this.id, this.kind, this.name, this.lines, this.badges, this.overview, children);
	}

	/** The kinds of box, each with its colours on paper (the screen chart's). */
	enum Kind {

		/** 街道党工委: red, white text. */
		STREET,
		/** 社区党委. */
		COMMUNITY,
		/** 网格党支部. */
		BRANCH,
		/** 楼院党小组. */
		GROUP,
		/** 楼院 and its 党员楼长. */
		BUILDING

	}

	/**
	 * A line of text in a box.
	 *
	 * @param text what it says
	 * @param gap whether it marks something missing (drawn red: no secretary, no head)
	 */
	record Line(String text, boolean gap) {
	}

	/**
	 * A figure as the screen's badge shows it.
	 *
	 * @param text such as 楼长 40/45
	 * @param full whether everything is covered (green), else orange
	 */
	record Badge(String text, boolean full) {
	}

}
