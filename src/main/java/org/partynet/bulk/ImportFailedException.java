package org.partynet.bulk;

import java.util.List;

/**
 * An import that failed for a reason that is not the file's (out of memory, a database
 * error, a crash of a batch): its answer, with the HTTP status that says whose the
 * failure is (500, or 503 when trying again later may work) and a message in Chinese and
 * English saying what happened to the data and what to do.
 */
public class ImportFailedException extends RuntimeException {

	private final int status;

	private final transient ImportResult result;

	ImportFailedException(int status, boolean dryRun, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.result = ImportResult.failed(dryRun, List.of(ImportError.file(message)), 0, List.of());
	}

	public int status() {
		return this.status;
	}

	public ImportResult result() {
		return this.result;
	}

}
