package org.partynet.bulk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts an import's rows and tells the listener (and the log, every few seconds) how far
 * the phase is.
 */
final class Progress {

	private static final Logger logger = LoggerFactory.getLogger(BulkImporter.class);

	private final ImportProgress.Listener listener;

	private String phase = "reading";

	private long total;

	private long done;

	private long started = System.nanoTime();

	private long lastTold;

	private long lastLogged = System.nanoTime();

	Progress(ImportProgress.Listener listener) {
		this.listener = (listener != null) ? listener : ImportProgress.Listener.NONE;
	}

	void phase(String phase, long total) {
		if (!"reading".equals(phase) || this.done > 0) {
			logger.info("Import {}: {} rows in {} ms", this.phase, this.done,
					(System.nanoTime() - this.started) / 1_000_000);
		}
		this.phase = phase;
		this.total = total;
		this.done = 0;
		this.started = System.nanoTime();
		tell(true);
	}

	void add(long rows) {
		this.done += rows;
		tell(false);
	}

	private void tell(boolean always) {
		long now = System.nanoTime();
		if (!always && now - this.lastTold < 200_000_000L) {
			return;
		}
		this.lastTold = now;
		double seconds = Math.max(1e-3, (now - this.started) / 1e9);
		long rate = Math.round(this.done / seconds);
		int percent = (this.total > 0) ? (int) Math.min(100, this.done * 100 / this.total)
				: ("done".equals(this.phase) ? 100 : 0);
		ImportProgress progress = new ImportProgress(this.phase, this.done, this.total, percent, rate);
		this.listener.progress(progress);
		if (now - this.lastLogged > 3_000_000_000L) {
			this.lastLogged = now;
			logger.info("Import {}: {} of {} rows ({}%), {} rows/s", this.phase, this.done, this.total, percent, rate);
		}
	}

}
