package org.partynet.bulk;

import java.util.ArrayList;
import java.util.List;

import org.partynet.bulk.Format.Sheet;

/**
 * What is wrong with a file, and what is worth saying about it: the first {@value #MAX}
 * errors (and how many more), and the warnings. Every room of the import adds to the same
 * one.
 */
final class ImportErrors {

	static final int MAX = 1000;

	private final List<ImportError> errors = new ArrayList<>();

	private int more;

	private final List<String> warnings = new ArrayList<>();

	void add(ImportError error) {
		if (this.errors.size() < MAX) {
			this.errors.add(error);
		}
		else {
			this.more++;
		}
	}

	void add(Sheet sheet, int row, String column, String message) {
		add(new ImportError(sheet.title(), row, column, message));
	}

	void warn(String warning) {
		this.warnings.add(warning);
	}

	boolean isEmpty() {
		return this.errors.isEmpty();
	}

	List<ImportError> errors() {
		return this.errors;
	}

	List<String> warnings() {
		return this.warnings;
	}

	ImportResult failed(boolean dryRun) {
		return ImportResult.failed(dryRun, this.errors, this.more, this.warnings);
	}

}
