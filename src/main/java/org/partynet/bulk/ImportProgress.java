package org.partynet.bulk;

/**
 * How far an import has got: its phase ({@code reading}, {@code checking},
 * {@code writing}, {@code done}), rows done out of the phase's total, the percent and the
 * rows per second.
 */
public record ImportProgress(String phase, long done, long total, int percent, long rowsPerSecond) {

	/** Receives progress as an import runs; called from the importing thread. */
	@FunctionalInterface
	public interface Listener {

		void progress(ImportProgress progress);

		Listener NONE = progress -> {
		};

	}

}
