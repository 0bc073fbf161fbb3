package org.partynet.coverage;

/** Covered out of total; the ratio is {@code null} when there is nothing to cover. */
public record CoverageFigure(int total, int covered) {

	public Double ratio() {
		return (this.total == 0) ? null : (double) this.covered / this.total;
	}

}
