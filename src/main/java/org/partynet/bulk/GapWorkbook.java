package org.partynet.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 缺口导入表: the gaps of a scope as rows of the bulk workbook's coverage and links sheets
 * (issue 17), each with what is known written in, the one cell to fill
 * ({@link Format#TO_FILL}) empty and highlighted, and a note beside it. It is the bulk
 * {@link Format}, so it imports back through {@code /import} like any workbook; a row
 * still unfilled is skipped there and counted. Which places are gaps is coverage's to
 * say: this class only writes the rows it is given.
 */
public final class GapWorkbook {

	/** The sheets a gap row may go to, in the workbook's order. */
	public static final List<String> SHEETS = List.of("coverage", "links");

	private GapWorkbook() {
	}

	/**
	 * One gap row.
	 *
	 * @param sheet {@code coverage} or {@code links}
	 * @param cells the known cells by column key, as stored (choices by their stored
	 * value, {@code HEAD_OF}, {@code COVERS}); the to-fill column is left out
	 * @param choices codes that may fill the empty cell (a drop-down), or none
	 * @param note what the row is about, for the reader
	 */
	public record Row(String sheet, Map<String, String> cells, List<String> choices, String note) {
	}

	/**
	 * Writes the instructions (with {@code lead}: Chinese, English lines first), then the
	 * coverage and links sheets with these rows, in their order.
	 */
	public static void write(String heading, List<String[]> lead, List<Row> rows, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(BulkDownloads.WINDOW);
		try {
			BulkWorkbook bulk = new BulkWorkbook(workbook);
			bulk.instructions(heading, lead);
			Map<String, Sheet> sheets = new HashMap<>();
			Map<String, Integer> next = new HashMap<>();
			for (String key : SHEETS) {
				Format.Sheet format = Format.sheet(key);
				Sheet sheet = bulk.dataSheet(format);
				bulk.noteColumn(sheet, format.columns().size());
				sheets.put(key, sheet);
				next.put(key, 1);
			}
			for (Row row : rows) {
				Format.Sheet format = Format.sheet(row.sheet());
				Sheet sheet = sheets.get(row.sheet());
				org.apache.poi.ss.usermodel.Row line = sheet.createRow(next.merge(row.sheet(), 1, Integer::sum) - 1);
				List<Format.Column> columns = format.columns();
				for (int c = 0; c < columns.size(); c++) {
					Format.Column column = columns.get(c);
					String value = row.cells().get(column.key());
					if (column.key().equals(Format.TO_FILL.get(row.sheet()))) {
						bulk.toFill(sheet, line, c, row.choices());
					}
					else if (value != null) {
						bulk.data(line, c,
								(column.type() == Format.Type.CHOICE) ? BulkDownloads.label(column, value) : value);
					}
				}
				bulk.note(line, columns.size(), row.note());
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

}
