package org.partynet.bulk;

import java.util.List;

/** The file cannot be read at all (not a workbook, wrong headers): nothing is written. */
public class ImportException extends RuntimeException {

	private final transient List<ImportError> errors;

	ImportException(List<ImportError> errors) {
		super(errors.isEmpty() ? "import failed" : errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	ImportException(ImportError error) {
		this(List.of(error));
	}

	public List<ImportError> errors() {
		return this.errors;
	}

}
