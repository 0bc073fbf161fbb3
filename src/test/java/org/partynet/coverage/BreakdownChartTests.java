package org.partynet.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.partynet.report.PdfReport;
import org.partynet.report.ReportSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The breakdown chart's layout, without a PDF: order, axis and marks. */
class BreakdownChartTests {

	// A part with the same figure for every metric but the one given.
	private static CoverageReport part(String name, CoverageMetric metric, int covered, int total) {
		Map<CoverageMetric, CoverageFigure> figures = new EnumMap<>(CoverageMetric.class);
		for (CoverageMetric each : CoverageMetric.values()) {
			figures.put(each, new CoverageFigure(4, 4));
		}
		figures.put(metric, new CoverageFigure(total, covered));
		return new CoverageReport(name, null, LocalDate.of(2026, 12, 1), List.of(), figures);
	}

	/**
	 * 100 communities of 50 buildings each, 35 of them with one to ten buildings
	 * headless.
	 */
	private static List<CoverageReport> hundred() {
		List<CoverageReport> parts = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			int missing = (i % 3 == 0 && i <= 105) ? 1 + (i * 7) % 10 : 0;
			parts.add(part("第" + i + "社区", CoverageMetric.BUILDING_HEAD, 50 - missing, 50));
		}
		return parts;
	}

	@Test
	void a_hundred_communities_give_a_hundred_bars_lowest_first() {
		BreakdownChart chart = BreakdownChart.of(CoverageMetric.BUILDING_HEAD, hundred());
		assertThat(chart.bars()).hasSize(100);
		assertThat(chart.bars()).extracting(BreakdownChart.Bar::ratio).isSorted();
		assertThat(chart.bars().get(0).figure()).isEqualTo(new CoverageFigure(50, 40));
		assertThat(chart.bars().get(99).ratio()).isEqualTo(1.0);
		assertThat(chart.bars()).filteredOn(BreakdownChart.Bar::incomplete).hasSize(33);
		assertThat(chart.bars().subList(0, 33)).allMatch(BreakdownChart.Bar::incomplete);
		assertThat(chart.bars().subList(33, 100)).noneMatch(BreakdownChart.Bar::incomplete);
		// ties keep the breakdown's order
		assertThat(chart.bars().subList(33, 100)).extracting(BreakdownChart.Bar::name)
			.startsWith("第1社区", "第2社区", "第4社区");
	}

	@Test
	void the_axis_starts_just_below_the_lowest_ratio() {
		// lowest 80%: ticks of 5% from 75%
		BreakdownChart chart = BreakdownChart.of(CoverageMetric.BUILDING_HEAD, hundred());
		assertThat(chart.axisStart()).isEqualTo(750);
		assertThat(chart.ticks()).containsExactly(750, 800, 850, 900, 950, 1000);
		assertThat(BreakdownChart.tick(chart.axisStart())).isEqualTo("75%");
		assertThat(chart.position(0.8)).isGreaterThan(0.15).isLessThan(0.25);
		assertThat(chart.position(1.0)).isEqualTo(1.0);

		// lowest 93.3% (28 of 30): ticks of 2% from 92%
		BreakdownChart close = BreakdownChart.of(CoverageMetric.GRID,
				List.of(part("甲", CoverageMetric.GRID, 28, 30), part("乙", CoverageMetric.GRID, 5, 5)));
		assertThat(close.axisStart()).isEqualTo(920);
		assertThat(close.ticks()).containsExactly(920, 940, 960, 980, 1000);
		assertThat(close.bars()).extracting(BreakdownChart.Bar::name).containsExactly("甲", "乙");

		// one at zero: the whole axis, in fifths
		BreakdownChart empty = BreakdownChart.of(CoverageMetric.GRID,
				List.of(part("甲", CoverageMetric.GRID, 0, 3), part("乙", CoverageMetric.GRID, 3, 3)));
		assertThat(empty.axisStart()).isZero();
		assertThat(empty.ticks()).hasSizeLessThanOrEqualTo(6).startsWith(0).endsWith(1000);
	}

	@Test
	void only_metrics_with_a_part_not_fully_covered_get_a_chart() {
		List<CoverageReport> parts = new ArrayList<>(hundred());
		parts.add(part("无楼社区", CoverageMetric.BUILDING_HEAD, 0, 0));
		assertThat(BreakdownChart.charts(parts)).extracting(BreakdownChart::metric)
			.containsExactly(CoverageMetric.BUILDING_HEAD);
		assertThat(BreakdownChart.of(CoverageMetric.BUILDING_HEAD, parts).nothingToCover()).isEqualTo(1);
		assertThat(BreakdownChart.complete(parts)).doesNotContain(CoverageMetric.BUILDING_HEAD)
			.contains(CoverageMetric.GRID, CoverageMetric.ORGANIZATION);
	}

	@Test
	void a_hundred_bars_run_onto_more_pages_with_the_legend_and_axis_on_each() throws Exception {
		ReportSettings settings = new ReportSettings(null, "中共甘州区委组织部", "截至{date}", false);
		Assumptions.assumeTrue(settings.font() != null, "no CJK font installed");
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		PdfReport pdf = PdfReport.open(settings, settings.font(), out, "全覆盖报告", LocalDate.of(2026, 12, 1));
		CoverageChartPdf.write(pdf, hundred());
		pdf.close();
		java.nio.file.Path file = java.nio.file.Path.of("target", "screenshots", "report-chart-100.pdf");
		java.nio.file.Files.createDirectories(file.getParent());
		java.nio.file.Files.write(file, out.toByteArray());

		PdfReader reader = new PdfReader(out.toByteArray());
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		StringBuilder all = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			String text = extractor.getTextFromPage(page);
			assertThat(text).contains("下级覆盖率：党员楼长覆盖", "红色：未全覆盖", "横轴自 75% 起", "75%", "100%");
			all.append(text);
		}
		assertThat(all.toString()).contains("全部覆盖：网格覆盖、楼院党小组覆盖")
			.contains(CoverageChartPdf.MARK + " 第27社区", "40/50 80.0%")
			.doesNotContain(CoverageChartPdf.MARK + " 第1社区");
		// the bars in the chart's order: every name once, lowest first
		String text = all.toString();
		List<String> order = BreakdownChart.of(CoverageMetric.BUILDING_HEAD, hundred())
			.bars()
			.stream()
			.map(BreakdownChart.Bar::name)
			.toList();
		int at = 0;
		for (String name : order) {
			int found = text.indexOf(name, at);
			assertThat(found).as("%s after position %d", name, at).isGreaterThanOrEqualTo(at);
			at = found;
		}
	}

}
