package org.partynet.coverage;

import java.util.List;

import org.partynet.area.Area;

/** Something not covered, with its place in the hierarchy (district first) and why. */
public record CoverageGap(CoverageMetric metric, Area area, List<Area> path, String reason) {

	/** The place as one line, for tables: 甘州区 / 东街街道 / 青年社区 / 青年社区第1网格. */
	public String place() {
		StringBuilder place = new StringBuilder();
		this.path.forEach(ancestor -> place.append(ancestor.name()).append(" / "));
		return place.append(this.area.name()).toString();
	}

}
