package org.partynet.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The layout of one metric's breakdown chart, apart from drawing it: one bar per part of
 * the scope that has something to cover, lowest ratio first, on an axis that starts just
 * below the lowest ratio (so that 17 communities between 93% and 100% do not all look
 * full), the parts not fully covered marked.
 *
 * @param metric the metric charted
 * @param bars the bars, lowest ratio first (ties in the breakdown's order)
 * @param axisStart where the value axis starts, in per mille (920 for 92%)
 * @param step the distance between ticks, in per mille
 * @param nothingToCover how many parts have nothing to cover for this metric (no bar)
 */
record BreakdownChart(CoverageMetric metric, List<Bar> bars, int axisStart, int step, int nothingToCover) {

	/** Tick distances to choose from, in per mille: the smallest that gives few ticks. */
	private static final int[] STEPS = { 10, 20, 50, 100, 200, 250 };

	private static final int MAX_TICKS = 6;

	/** One part of the scope: its name and figure, marked when not fully covered. */
	record Bar(String name, CoverageFigure figure) {

		boolean incomplete() {
			return this.figure.covered() < this.figure.total();
		}

		double ratio() {
			return this.figure.ratio();
		}

	}

	/**
	 * A chart for each metric with a part not fully covered, in metric order; the metrics
	 * left out are {@link #complete complete} or have nothing to cover.
	 */
	static List<BreakdownChart> charts(List<CoverageReport> breakdown) {
		List<BreakdownChart> charts = new ArrayList<>();
		for (CoverageMetric metric : CoverageMetric.values()) {
			BreakdownChart chart = of(metric, breakdown);
			if (chart.bars().stream().anyMatch(Bar::incomplete)) {
				charts.add(chart);
			}
		}
		return charts;
	}

	/** The metrics every part of the breakdown covers fully (and some part has any). */
	static List<CoverageMetric> complete(List<CoverageReport> breakdown) {
		List<CoverageMetric> complete = new ArrayList<>();
		for (CoverageMetric metric : CoverageMetric.values()) {
			BreakdownChart chart = of(metric, breakdown);
			if (!chart.bars().isEmpty() && chart.bars().stream().noneMatch(Bar::incomplete)) {
				complete.add(metric);
			}
		}
		return complete;
	}

	/** The chart of one metric over the breakdown. */
	static BreakdownChart of(CoverageMetric metric, List<CoverageReport> breakdown) {
		List<Bar> bars = breakdown.stream()
			.map(part -> new Bar(part.name(), part.figures().get(metric)))
			.filter(bar -> bar.figure().total() > 0)
			.sorted(Comparator.comparingDouble(Bar::ratio))
			.toList();
		int lowest = bars.isEmpty() ? 1000 : (int) Math.floor(bars.get(0).ratio() * 1000);
		int step = STEPS[STEPS.length - 1];
		int start = 0;
		for (int candidate : STEPS) {
			// half a step below the lowest bar, so that the lowest bar still shows
			int from = Math.max(0, Math.floorDiv(lowest - candidate / 2, candidate) * candidate);
			if ((1000 - from) / candidate <= MAX_TICKS) {
				step = candidate;
				start = from;
				break;
			}
		}
		return new BreakdownChart(metric, bars, start, step, breakdown.size() - bars.size());
	}

	/** The ticks from the axis start to 100%, in per mille. */
	List<Integer> ticks() {
		List<Integer> ticks = new ArrayList<>();
		for (int tick = this.axisStart; tick <= 1000; tick += this.step) {
			ticks.add(tick);
		}
		return ticks;
	}

	/** Where a ratio falls on the axis, from 0 (its start) to 1 (100%). */
	double position(double ratio) {
		return Math.max(0, (ratio * 1000 - this.axisStart) / (1000 - this.axisStart));
	}

	/** A ratio as printed on every report: one decimal, rounded half up. */
	static String percent(Double ratio) {
		return (ratio != null) ? String.format("%.1f%%", ratio * 100) : "–";
	}

	/** A tick in per mille as printed on the axis: 92%, 92.5%. */
	static String tick(int perMille) {
		return (perMille % 10 == 0) ? (perMille / 10) + "%" : String.format("%.1f%%", perMille / 10.0);
	}

}
