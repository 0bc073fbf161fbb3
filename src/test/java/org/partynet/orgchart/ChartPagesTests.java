package org.partynet.orgchart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partynet.orgchart.ChartBox.Kind;
import org.partynet.orgchart.ChartPages.Page;
import org.partynet.orgchart.ChartPages.Paper;
import org.partynet.orgchart.ChartPages.Placed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper layout alone, on made-up trees larger than the sample: whatever the tree,
 * every page fits its paper at a readable size, no two boxes overlap, every box is
 * printed, and what goes on to another page says 续.
 */
class ChartPagesTests {

	private static ChartBox box(String id, Kind kind, List<ChartBox> children) {
		return new ChartBox(id, kind, id, List.of(new ChartBox.Line("line", false)), List.of(), List.of(), children);
	}

	// A community of `branches` branches, each with `groups` groups of `buildings`.
	private static ChartBox community(String id, int branches, int groups, int buildings) {
		return box(id, Kind.COMMUNITY,
				IntStream.range(0, branches)
					.mapToObj((b) -> box(id + "-B" + b, Kind.BRANCH,
							IntStream.range(0, groups)
								.mapToObj((g) -> box(id + "-B" + b + "-G" + g, Kind.GROUP, IntStream.range(0, buildings)
									.mapToObj((n) -> box(id + "-B" + b + "-G" + g + "-" + n, Kind.BUILDING, List.of()))
									.toList()))
								.toList()))
					.toList());
	}

	private static int count(ChartBox box) {
		return 1 + box.children().stream().mapToInt(ChartPagesTests::count).sum();
	}

	private static void readable(List<Page> pages, Paper paper) {
		for (Page page : pages) {
			assertThat(page.width() * ChartPages.MIN_SCALE).as(page.title()).isLessThanOrEqualTo(paper.chartWidth());
			assertThat(page.height() * ChartPages.MIN_SCALE).as(page.title()).isLessThanOrEqualTo(paper.chartHeight());
			List<Placed> boxes = page.boxes();
			for (int i = 0; i < boxes.size(); i++) {
				for (int j = i + 1; j < boxes.size(); j++) {
					Placed a = boxes.get(i);
					Placed b = boxes.get(j);
					boolean apart = a.x() + a.w() <= b.x() || b.x() + b.w() <= a.x() || a.y() + a.h() <= b.y()
							|| b.y() + b.h() <= a.y();
					assertThat(apart).as("%s and %s on %s", a.box().id(), b.box().id(), page.title()).isTrue();
				}
			}
		}
	}

	@Test
	void a_street_prints_an_overview_then_one_page_per_community_that_fits() {
		List<ChartBox> communities = IntStream.range(0, 5).mapToObj((c) -> community("C" + c, 3, 2, 6)).toList();
		ChartBox street = box("S", Kind.STREET, communities);
		List<Page> pages = ChartPages.of(street, List.of(), Paper.A4);
		assertThat(pages).extracting(Page::title)
			.containsExactly("S 组织架构图", "C0 组织架构图", "C1 组织架构图", "C2 组织架构图", "C3 组织架构图", "C4 组织架构图");
		assertThat(pages.get(0).boxes()).hasSize(1 + 5).allSatisfy((p) -> assertThat(p.continued()).isFalse());
		assertThat(pages.get(0).boxes().subList(1, 6)).allSatisfy((p) -> assertThat(p.overview()).isTrue());
		assertThat(pages.get(0).context()).isEqualTo("S：社区概览，5 个社区党委");
		assertThat(pages.get(1).boxes()).hasSize(count(communities.get(0)));
		assertThat(pages.get(1).context()).isEqualTo("S › C0");
		readable(pages, Paper.A4);
	}

	@Test
	void a_community_too_wide_for_its_paper_goes_on_and_says_so() {
		ChartBox wide = community("W", 4, 6, 9);
		for (Paper paper : Paper.values()) {
			List<Page> pages = ChartPages.of(wide, List.of("S"), paper);
			assertThat(pages).as(paper.name()).hasSizeGreaterThan(1);
			assertThat(pages.get(0).title()).isEqualTo("W 组织架构图");
			assertThat(pages.subList(1, pages.size())).allSatisfy((page) -> {
				assertThat(page.title()).isEqualTo("W 组织架构图（续）");
				// the community's box heads every page, marked as carried over
				assertThat(page.boxes().get(0).box().id()).isEqualTo("W");
				assertThat(page.boxes().get(0).continued()).isTrue();
			});
			readable(pages, paper);
			// every building printed once, the boxes above them once per page they head
			List<String> buildings = new ArrayList<>();
			pages.forEach((page) -> page.boxes()
				.stream()
				.filter((p) -> p.box().kind() == Kind.BUILDING)
				.forEach((p) -> buildings.add(p.box().id())));
			assertThat(buildings).hasSize(4 * 6 * 9).doesNotHaveDuplicates();
		}
		assertThat(ChartPages.of(wide, List.of(), Paper.A3))
			.hasSizeLessThan(ChartPages.of(wide, List.of(), Paper.A4).size());
	}

	@Test
	void a_group_of_many_buildings_stacks_in_columns_and_splits_between_them() {
		ChartBox group = box("G", Kind.GROUP,
				IntStream.range(0, 400).mapToObj((n) -> box("G-" + n, Kind.BUILDING, List.of())).toList());
		List<Page> pages = ChartPages.of(group, List.of(), Paper.A4);
		assertThat(pages).hasSizeGreaterThan(1);
		readable(pages, Paper.A4);
		assertThat(pages.stream().mapToInt((page) -> page.boxes().size() - 1).sum()).isEqualTo(400);
	}

	@Test
	void a_street_of_a_hundred_communities_continues_its_overview() {
		List<ChartBox> communities = IntStream.range(0, 100)
			.mapToObj((c) -> box("C" + c, Kind.COMMUNITY, List.of()))
			.toList();
		List<Page> pages = ChartPages.of(box("S", Kind.STREET, communities), List.of(), Paper.A4);
		long overview = pages.stream().filter((page) -> page.top().equals("S")).count();
		assertThat(overview).isGreaterThan(1);
		assertThat(pages.get(1).title()).isEqualTo("S 组织架构图（续）");
		assertThat(pages).hasSize((int) overview + 100);
		readable(pages, Paper.A4);
	}

}
