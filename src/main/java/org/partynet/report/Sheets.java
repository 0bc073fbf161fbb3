package org.partynet.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import org.springframework.http.MediaType;

/**
 * What every report workbook shares: its media type, a header style, column widths and
 * header rows.
 */
public final class Sheets {

	/** The media type of an .xlsx workbook. */
	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Sheets() {
	}

	/** Bold on grey, for header rows. */
	public static CellStyle headerStyle(Workbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle header = workbook.createCellStyle();
		header.setFont(bold);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return header;
	}

	/** Column widths in characters, from the first column on. */
	public static void widths(Sheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	/** A header row at {@code index}. */
	public static void headers(Sheet sheet, int index, CellStyle style, String... titles) {
		Row row = sheet.createRow(index);
		CellText.Cells cells = CellText.cells(sheet.getWorkbook());
		for (int i = 0; i < titles.length; i++) {
			cells.text(row, i, titles[i], style);
		}
	}

}
