package org.partynet.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.partynet.bulk.ImportLimits.Limit;
import org.partynet.bulk.ImportReader.Row;
import org.partynet.bulk.ImportReader.Table;
import org.partynet.report.CellText;

/**
 * The CSV files of an import, parsed by hand rather than by a library so that every limit
 * of {@link ImportLimits} is checked on each character, row and cell as it is read,
 * before what it bounds is held.
 */
final class CsvReader {

	private CsvReader() {
	}

	/**
	 * One CSV file: UTF-8 with or without a BOM, RFC 4180 (quotes, doubled quotes,
	 * newlines in quotes).
	 * @param name the table's name (the file's without {@code .csv})
	 * @param where the file (and ZIP entry), for a refusal
	 */
	static Table read(InputStream in, String name, String where, ImportLimits limits, LongConsumer rows)
			throws IOException {
		Chars reader = new Chars(new InputStreamReader(in, StandardCharsets.UTF_8));
		List<Row> table = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		int line = 1;
		int rowStart = 1;
		int c = reader.read();
		if (c == '\uFEFF') {
			c = reader.read();
		}
		boolean any = false;
		while (c != -1) {
			any = true;
			if (quoted) {
				if (c == '"') {
					int next = reader.read();
					if (next == '"') {
						append(cell, '"', limits, where, rowStart);
					}
					else {
						quoted = false;
						c = next;
						continue;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					append(cell, (char) c, limits, where, rowStart);
				}
			}
			else if (c == '"' && cell.length() == 0 && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == ',') {
				if (cells.size() + 1 >= limits.maxCellsPerRow()) {
					throw limits.exceeded(Limit.CELLS_PER_ROW, where, rowStart);
				}
				cells.add(value(cell));
				cell.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					int next = reader.read();
					if (next != '\n') {
						cells.add(value(cell));
						endCsvRow(table, cells, rowStart, rows, limits, where);
						cell.setLength(0);
						wasQuoted = false;
						line++;
						rowStart = line;
						c = next;
						continue;
					}
				}
				cells.add(value(cell));
				endCsvRow(table, cells, rowStart, rows, limits, where);
				cell.setLength(0);
				wasQuoted = false;
				line++;
				rowStart = line;
			}
			else {
				append(cell, (char) c, limits, where, rowStart);
			}
			c = reader.read();
		}
		if (any && (cell.length() > 0 || !cells.isEmpty() || wasQuoted)) {
			cells.add(value(cell));
			endCsvRow(table, cells, rowStart, rows, limits, where);
		}
		return new Table(name, table);
	}

	/**
	 * A field as written by {@link CellText#csv}: one leading apostrophe removed, else
	 * stripped.
	 */
	private static String value(StringBuilder cell) {
		return CellText.fromCsv(cell.toString());
	}

	private static void append(StringBuilder cell, char c, ImportLimits limits, String where, int row) {
		if (cell.length() >= limits.maxCellChars()) {
			throw limits.exceeded(Limit.CELL_CHARS, where, row);
		}
		cell.append(c);
	}

	private static void endCsvRow(List<Row> table, List<String> cells, int number, LongConsumer rows,
			ImportLimits limits, String where) {
		Row row = new Row(table.isEmpty() && number == 1 ? 1 : number, cells.toArray(new String[0]));
		cells.clear();
		if (!row.blank()) {
			if (table.size() >= limits.maxRowsPerSheet()) {
				throw limits.exceeded(Limit.ROWS_PER_SHEET, where, number);
			}
			table.add(row);
			rows.accept(1);
		}
	}

	/**
	 * Characters one at a time from a buffer: a {@code Reader}'s own {@code read()} takes
	 * a lock per character, which made a 256 MB entry take many seconds to refuse.
	 */
	private static final class Chars {

		private final Reader reader;

		private final char[] buffer = new char[1 << 15];

		private int position;

		private int length;

		Chars(Reader reader) {
			this.reader = reader;
		}

		int read() throws IOException {
			if (this.position == this.length) {
				this.length = this.reader.read(this.buffer);
				this.position = 0;
				if (this.length <= 0) {
					this.length = 0;
					return -1;
				}
			}
			return this.buffer[this.position++];
		}

	}

}
