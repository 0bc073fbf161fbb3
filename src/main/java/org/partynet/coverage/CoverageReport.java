package org.partynet.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.partynet.area.Area;

/**
 * Coverage of one scope on one day.
 *
 * @param name what the report is about, in Chinese
 * @param area the area it is about; {@code null} for the whole network or an
 * organization's areas
 * @param asOf the day
 * @param roots the codes of the areas the scope consists of (for breakdown and gaps)
 * @param figures one figure per metric
 */
public record CoverageReport(String name, Area area, LocalDate asOf, List<String> roots,
		Map<CoverageMetric, CoverageFigure> figures) {

	public CoverageFigure grid() {
		return this.figures.get(CoverageMetric.GRID);
	}

	public CoverageFigure buildingGroup() {
		return this.figures.get(CoverageMetric.BUILDING_GROUP);
	}

	public CoverageFigure buildingHead() {
		return this.figures.get(CoverageMetric.BUILDING_HEAD);
	}

	public CoverageFigure commercial() {
		return this.figures.get(CoverageMetric.COMMERCIAL);
	}

	public CoverageFigure dualNet() {
		return this.figures.get(CoverageMetric.DUAL_NET);
	}

	public CoverageFigure organization() {
		return this.figures.get(CoverageMetric.ORGANIZATION);
	}

}
