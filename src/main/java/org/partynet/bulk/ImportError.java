package org.partynet.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an imported file: the sheet (its title), the row as Excel numbers
 * it (the header is row 1; 0 for the file as a whole), the column (its header) and a
 * message in Chinese and English. A file over one of the {@link ImportLimits} also names
 * the limit (its property under {@code partynet.import.limits}), and its sheet is the
 * file and the ZIP entry or sheet in it.
 */
public record ImportError(String sheet, int row, String column, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) String limit) {

	ImportError(String sheet, int row, String column, String message) {
		this(sheet, row, column, message, null);
	}

	static ImportError file(String message) {
		return new ImportError("", 0, "", message);
	}

}
