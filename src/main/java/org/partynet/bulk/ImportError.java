package org.partynet.bulk;

/**
 * One thing wrong with an imported file: the sheet (its title), the row as Excel numbers it (the
 * header is row 1; 0 for the file as a whole), the column (its header) and a message in Chinese and
 * English.
 */
public record ImportError(String sheet, int row, String column, String message) {

	static ImportError file(String message) {
		return new ImportError("", 0, "", message);
	}

}
