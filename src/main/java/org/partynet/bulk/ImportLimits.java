package org.partynet.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one import may read. A 3 MB ZIP can expand to gigabytes and a workbook's shared
 * strings are held in memory, so every limit is checked while reading, before what it
 * bounds is kept: an upload over one is refused with the import's JSON (413) long before
 * the heap runs out. The defaults take a city's export (about 220,000 rows) and keep what
 * is read well inside {@code -Xmx512m}.
 *
 * @param maxTotalBytes all files and ZIP entries of one import together, decompressed
 * @param maxEntryBytes one file, ZIP entry or workbook part, decompressed
 * @param maxEntries entries in one ZIP file or workbook
 * @param maxRowsPerSheet non-blank rows (the header included) of one sheet or CSV file
 * @param maxCellsPerRow cells of one row (the column of its last cell)
 * @param maxCellChars characters of one cell (Excel's own limit)
 * @param maxSharedStrings strings in a workbook's shared strings table
 * @param maxSharedStringsBytes the shared strings part, decompressed; it is held in
 * memory, and so is every other part of a workbook that is read whole (styles, the
 * workbook part), which this bounds too
 */
@ConfigurationProperties("partynet.import.limits")
public record ImportLimits(@DefaultValue("512MB") DataSize maxTotalBytes, @DefaultValue("256MB") DataSize maxEntryBytes,
		@DefaultValue("1000") int maxEntries, @DefaultValue("250000") int maxRowsPerSheet,
		@DefaultValue("100") int maxCellsPerRow, @DefaultValue("32767") int maxCellChars,
		@DefaultValue("1000000") int maxSharedStrings, @DefaultValue("64MB") DataSize maxSharedStringsBytes) {

	/** The defaults, for code that runs outside a Spring context. */
	public static ImportLimits defaults() {
		return new ImportLimits(DataSize.ofMegabytes(512), DataSize.ofMegabytes(256), 1000, 250_000, 100, 32_767,
				1_000_000, DataSize.ofMegabytes(64));
	}

	/**
	 * Each limit: its property (under {@code partynet.import.limits}) and what it counts.
	 */
	enum Limit {

		TOTAL_BYTES("max-total-bytes", "解压后的总大小", "total size after decompression"),
		ENTRY_BYTES("max-entry-bytes", "单个文件或压缩条目解压后的大小", "size of one file or ZIP entry after decompression"),
		ENTRIES("max-entries", "压缩文件中的条目数", "entries in one ZIP file or workbook"),
		ROWS_PER_SHEET("max-rows-per-sheet", "每个工作表的行数", "rows in one sheet"),
		CELLS_PER_ROW("max-cells-per-row", "每行的单元格数", "cells in one row"),
		CELL_CHARS("max-cell-chars", "每个单元格的字符数", "characters in one cell"),
		SHARED_STRINGS("max-shared-strings", "共享字符串的个数", "shared strings"),
		SHARED_STRINGS_BYTES("max-shared-strings-bytes", "整体读入的工作簿部件（共享字符串、样式）的大小",
				"size of a workbook part read whole (shared strings, styles)"),
		/**
		 * Apache POI's own zip bomb check, JVM-wide:
		 * {@code ZipSecureFile.setMinInflateRatio}.
		 */
		INFLATE_RATIO("min-inflate-ratio", "工作簿部件的压缩比（压缩后与解压后大小之比）",
				"ratio of a workbook part's compressed to expanded size");

		final String key;

		final String chinese;

		final String english;

		Limit(String key, String chinese, String english) {
			this.key = key;
			this.chinese = chinese;
			this.english = english;
		}

		String property() {
			return (this == INFLATE_RATIO) ? "Apache POI ZipSecureFile.setMinInflateRatio"
					: "partynet.import.limits." + this.key;
		}

	}

	long max(Limit limit) {
		return switch (limit) {
			case TOTAL_BYTES -> this.maxTotalBytes.toBytes();
			case ENTRY_BYTES -> this.maxEntryBytes.toBytes();
			case ENTRIES -> this.maxEntries;
			case ROWS_PER_SHEET -> this.maxRowsPerSheet;
			case CELLS_PER_ROW -> this.maxCellsPerRow;
			case CELL_CHARS -> this.maxCellChars;
			case SHARED_STRINGS -> this.maxSharedStrings;
			case SHARED_STRINGS_BYTES -> this.maxSharedStringsBytes.toBytes();
			case INFLATE_RATIO -> 0;
		};
	}

	/**
	 * The refusal of a file over a limit.
	 * @param where the file, and the ZIP entry or sheet in it
	 * @param row the row as Excel numbers it, 0 when the limit is not about a row
	 */
	ImportException exceeded(Limit limit, String where, int row) {
		String at = (row > 0) ? "，第 %d 行".formatted(row) : "";
		String atEnglish = (row > 0) ? ", row %d".formatted(row) : "";
		String message = (limit == Limit.INFLATE_RATIO)
				? "“%s”解压后过大，疑似压缩炸弹：%s至少 %s（%s） / '%s' expands too much for its size, as a zip bomb does: the %s must be at least %s (%s)"
					.formatted(where, limit.chinese, ratio(), limit.property(), where, limit.english, ratio(),
							limit.property())
				: "“%s”%s超过导入上限：%s最多 %s（%s） / '%s'%s is over an import limit: at most %s %s (%s)".formatted(where, at,
						limit.chinese, amount(limit, max(limit)), limit.property(), where, atEnglish,
						amount(limit, max(limit)), limit.english, limit.property());
		return new ImportException(new ImportError(where, row, "", message, limit.key));
	}

	private static String ratio() {
		return "%s%%".formatted(
				BigDecimal.valueOf(ZipSecureFile.getMinInflateRatio() * 100).stripTrailingZeros().toPlainString());
	}

	private static String amount(Limit limit, long value) {
		boolean bytes = limit == Limit.TOTAL_BYTES || limit == Limit.ENTRY_BYTES || limit == Limit.SHARED_STRINGS_BYTES;
		if (!bytes) {
			return "%,d".formatted(value);
		}
		if (value >= 1 << 20 && value % (1 << 20) == 0) {
			return "%,d MB".formatted(value >> 20);
		}
		if (value >= 1 << 10 && value % (1 << 10) == 0) {
			return "%,d KB".formatted(value >> 10);
		}
		return "%,d bytes".formatted(value);
	}

	/**
	 * What one import has read so far, across all its files: the total limit spans them.
	 */
	static final class Budget {

		final ImportLimits limits;

		private long total;

		Budget(ImportLimits limits) {
			this.limits = limits;
		}

		/**
		 * Counts bytes decompressed from {@code where}, which may hold up to
		 * {@code limit}'s maximum.
		 */
		InputStream count(InputStream in, String where, Limit limit) {
			return new Counted(in, where, limit);
		}

		/**
		 * Reads a stream to its end, counting it (an entry that is not read must not be a
		 * free bomb).
		 */
		void drain(InputStream in, String where, Limit limit) throws IOException {
			try (InputStream counted = count(in, where, limit)) {
				byte[] buffer = new byte[1 << 16];
				while (counted.read(buffer) != -1) {
					// only counted
				}
			}
		}

		private final class Counted extends FilterInputStream {

			private final String where;

			private final Limit limit;

			private final long max;

			private long read;

			Counted(InputStream in, String where, Limit limit) {
				super(in);
				this.where = where;
				this.limit = limit;
				this.max = Budget.this.limits.max(limit);
			}

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b != -1) {
					add(1);
				}
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				if (n > 0) {
					add(n);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				long skipped = super.skip(n);
				add(skipped);
				return skipped;
			}

			private void add(long n) {
				this.read += n;
				Budget.this.total += n;
				if (this.read > this.max) {
					throw Budget.this.limits.exceeded(this.limit, this.where, 0);
				}
				if (Budget.this.total > Budget.this.limits.maxTotalBytes.toBytes()) {
					throw Budget.this.limits.exceeded(Limit.TOTAL_BYTES, this.where, 0);
				}
			}

		}

	}

}
