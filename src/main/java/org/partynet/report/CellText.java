package org.partynet.report;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Text for spreadsheets that Excel and WPS never take for a formula (CSV or formula
 * injection): a name such as {@code =HYPERLINK("http://x","y")} or {@code @SUM(1+1)} must
 * stay a name. The rule is OWASP's: text that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is neutralised, and in a way that the
 * importer reads back unchanged:
 * <ul>
 * <li>an {@code .xlsx} text cell keeps its value as it is, and its style is marked
 * quote-prefixed (Excel's leading apostrophe, which is not part of the value); the
 * importer reads such a cell exactly as written, surrounding white space included;</li>
 * <li>a CSV field is prefixed with an apostrophe {@code '}, and so is a field that
 * already starts with one (so that it cannot be mistaken for a prefixed one); the
 * importer removes exactly one leading apostrophe and keeps the rest exactly.</li>
 * </ul>
 * Numbers are not text: numeric cells and numeric CSV fields are written as they are, so
 * a negative figure stays a number.
 */
public final class CellText {

	private CellText() {
	}

	/**
	 * Whether a spreadsheet would read {@code text} as a formula (or a command, in old
	 * DDE terms).
	 */
	public static boolean formulaLike(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/**
	 * A CSV text field: neutralised, then quoted as RFC 4180 asks (commas, quotes, line
	 * breaks).
	 */
	public static String csv(String text) {
		String value = (text == null) ? "" : text;
		if (formulaLike(value) || value.startsWith("'")) {
			value = "'" + value;
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	/**
	 * A CSV field's value as read: a field that starts (after any white space before it)
	 * with an apostrophe loses that one apostrophe and keeps the rest exactly; any other
	 * is stripped of surrounding white space. {@code null} when nothing is left.
	 */
	public static String fromCsv(String field) {
		String stripped = field.strip();
		String value = stripped.startsWith("'") ? field.substring(field.indexOf('\'') + 1) : stripped;
		return value.isEmpty() ? null : value;
	}

	/**
	 * Writes text cells of one workbook, neutralised; one per workbook (it keeps the
	 * styles it made).
	 */
	public static Cells cells(Workbook workbook) {
		return new Cells(workbook);
	}

	/** Text cells of one workbook: the quote-prefixed twin of each style is made once. */
	public static final class Cells {

		private final Workbook workbook;

		private final Map<Short, CellStyle> quoted = new HashMap<>();

		private Cells(Workbook workbook) {
			this.workbook = workbook;
		}

		/** A new text cell in the workbook's default style. */
		public Cell text(Row row, int column, String value) {
			return text(row, column, value, null);
		}

		/**
		 * A new text cell in {@code style} ({@code null}: the default), quote-prefixed
		 * when it would be a formula.
		 */
		public Cell text(Row row, int column, String value, CellStyle style) {
			Cell cell = row.createCell(column);
			set(cell, value, style);
			return cell;
		}

		/**
		 * Sets a cell's text and style ({@code null}: leaves the cell's style as it is).
		 */
		public void set(Cell cell, String value, CellStyle style) {
			cell.setCellValue(value);
			CellStyle base = (style != null) ? style : cell.getCellStyle();
			if (formulaLike(value)) {
				cell.setCellStyle(quoted(base));
			}
			else if (style != null) {
				cell.setCellStyle(style);
			}
		}

		private CellStyle quoted(CellStyle base) {
			if (base.getQuotePrefixed()) {
				return base;
			}
			return this.quoted.computeIfAbsent(base.getIndex(), index -> {
				CellStyle twin = this.workbook.createCellStyle();
				twin.cloneStyleFrom(base);
				twin.setQuotePrefixed(true);
				return twin;
			});
		}

	}

}
