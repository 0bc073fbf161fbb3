package org.partynet.bulk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.partynet.bulk.ImportLimits.Budget;
import org.partynet.bulk.ImportLimits.Limit;
import org.partynet.report.CellText;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the tables of an imported file without holding a workbook in memory: an
 * {@code .xlsx} through POI's event API (the sheet XML is parsed as a stream, shared
 * strings read-only), a {@code .csv} (UTF-8, with or without a BOM, RFC 4180 quoting) or
 * a {@code .zip} of CSV files. Only the cell texts are kept, as strings; real Excel date
 * cells come out as {@code yyyy-MM-dd}. Everything read is counted against the
 * {@link ImportLimits} as it is read, so a file over one is refused (an
 * {@link ImportException} naming the limit) before what it would cost is held.
 */
final class ImportReader {

	/**
	 * A sheet or CSV file: its name (sheet title, or CSV file name without {@code .csv})
	 * and rows.
	 */
	record Table(String name, List<Row> rows) {
	}

	/**
	 * A row: its number as Excel shows it (1 is the header) and its cells, {@code null}
	 * when empty.
	 */
	record Row(int number, String[] cells) {

		String cell(int index) {
			return (index < this.cells.length) ? this.cells[index] : null;
		}

		boolean blank() {
			return Arrays.stream(this.cells).allMatch(c -> c == null || c.isBlank());
		}

	}

	/** The template's instructions sheet, which holds no data. */
	static final String INSTRUCTIONS = "说明 Instructions";

	private ImportReader() {
	}

	/**
	 * @param file the file as uploaded
	 * @param name its original name, which says what it is when its content does not
	 * @param budget what the import may still read
	 * @param rows told of every row read, for the progress
	 */
	static List<Table> read(Path file, String name, Budget budget, LongConsumer rows) {
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		FileMagic magic;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException ex) {
			throw new ImportException(ImportError.file("无法读取文件 / Cannot read the file: " + ex.getMessage()));
		}
		if (magic == FileMagic.OLE2) {
			throw new ImportException(ImportError
				.file("不支持旧版 Excel（.xls）文件，请另存为 .xlsx / Old Excel (.xls) files are not supported: save it as .xlsx"));
		}
		if (magic == FileMagic.OOXML) {
			if (lower.endsWith(".zip")) {
				return zip(file, name, budget, rows);
			}
			return xlsx(file, name, budget, rows);
		}
		if (lower.endsWith(".csv")) {
			try (InputStream in = budget.count(Files.newInputStream(file), name, Limit.ENTRY_BYTES)) {
				return List.of(CsvReader.read(in, baseName(name), name, budget.limits, rows));
			}
			catch (IOException ex) {
				throw new ImportException(ImportError.file("无法读取文件 / Cannot read the file: " + ex.getMessage()));
			}
		}
		throw new ImportException(ImportError.file(
				"文件不是 Excel 工作簿（.xlsx）、CSV 或 ZIP / The file is not an Excel workbook (.xlsx), a CSV file or a ZIP of CSV files: "
						+ name));
	}

	static String baseName(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		int dot = base.lastIndexOf('.');
		return (dot > 0) ? base.substring(0, dot) : base;
	}

	/**
	 * The CSV entries of a ZIP, read as a stream. Every entry is read through its limits,
	 * those that are not CSV too (a bomb need not be a CSV file); an archive inside is
	 * not opened, only named in the warnings.
	 */
	private static List<Table> zip(Path file, String name, Budget budget, LongConsumer rows) {
		List<Table> tables = new ArrayList<>();
		boolean workbook = false;
		int entries = 0;
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String entryName = entry.getName();
				String where = name + "/" + entryName;
				if (++entries > budget.limits.maxEntries()) {
					throw budget.limits.exceeded(Limit.ENTRIES, name, 0);
				}
				if (entryName.equals("[Content_Types].xml")) {
					workbook = true;
				}
				String lower = entryName.toLowerCase(Locale.ROOT);
				boolean data = !entry.isDirectory() && !entryName.startsWith("__MACOSX/");
				if (data && lower.endsWith(".csv")) {
					tables.add(CsvReader.read(budget.count(new NonClosing(zip), where, Limit.ENTRY_BYTES),
							baseName(entryName), where, budget.limits, rows));
				}
				else {
					if (data && (lower.endsWith(".zip") || lower.endsWith(".xlsx"))) {
						tables.add(new Table(entryName, List.of()));
					}
					budget.drain(new NonClosing(zip), where, Limit.ENTRY_BYTES);
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new ImportException(ImportError.file("无法读取 ZIP 文件 / Cannot read the ZIP file: " + ex.getMessage()));
		}
		if (tables.isEmpty() && workbook) {
			return xlsx(file, name, budget, rows);
		}
		if (tables.isEmpty()) {
			throw new ImportException(ImportError.file("ZIP 文件中没有 CSV 文件 / The ZIP file holds no CSV file"));
		}
		return tables;
	}

	private static List<Table> xlsx(Path file, String name, Budget budget, LongConsumer rows) {
		ImportLimits limits = budget.limits;
		WorkbookLimits.scan(file, name, budget);
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			SharedStrings strings = WorkbookLimits.sharedStrings(pkg, name, limits);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			List<Table> tables = new ArrayList<>();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					String title = sheets.getSheetName();
					if (INSTRUCTIONS.equals(title)) {
						tables.add(new Table(title, List.of()));
						continue;
					}
					String where = name + "/" + title;
					Collector collector = new Collector(rows, where, limits);
					SheetHandler handler = new SheetHandler(reader.getStylesTable(), strings, collector);
					collector.quoted = handler::quoted;
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(WorkbookLimits.cells(handler, where, limits));
					xml.parse(new InputSource(sheet));
					tables.add(new Table(title, collector.rows));
				}
			}
			return tables;
		}
		catch (ImportException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// a refusal thrown while parsing may come back wrapped by the XML parser
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof ImportException refused) {
					throw refused;
				}
			}
			throw new ImportException(ImportError
				.file("文件不是有效的 Excel 工作簿（.xlsx） / The file is not a valid Excel workbook (.xlsx): " + ex.getMessage()));
		}
	}

	/**
	 * Excel date cells as {@code yyyy-MM-dd}, whatever their display format; the rest as
	 * Excel shows them.
	 */
	private static final class DayFormatter extends DataFormatter {

		DayFormatter() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDate day = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
				return day.toString();
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return Long.toString((long) value);
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

	/**
	 * POI's sheet handler, which also tells whether the cell being read is quote-prefixed
	 * (written by {@link CellText} for text a spreadsheet would take for a formula): such
	 * a cell is read exactly as written.
	 */
	private static final class SheetHandler extends XSSFSheetXMLHandler {

		private final StylesTable styles;

		private boolean quoted;

		SheetHandler(StylesTable styles, SharedStrings strings, Collector collector) {
			super(styles, null, strings, collector, new DayFormatter(), false);
			this.styles = styles;
		}

		boolean quoted() {
			return this.quoted;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			if ("c".equals(localName)) {
				this.quoted = quotePrefixed(attributes.getValue("s"));
			}
			super.startElement(uri, localName, qName, attributes);
		}

		private boolean quotePrefixed(String style) {
			if (style == null || this.styles == null || !style.matches("\\d{1,5}")) {
				return false;
			}
			int index = Integer.parseInt(style);
			if (index >= this.styles.getNumCellStyles()) {
				return false;
			}
			XSSFCellStyle cellStyle = this.styles.getStyleAt(index);
			return cellStyle != null && cellStyle.getQuotePrefixed();
		}

	}

	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		final List<Row> rows = new ArrayList<>();

		private final LongConsumer progress;

		private final String where;

		private final ImportLimits limits;

		private final List<String> cells = new ArrayList<>();

		private int number;

		/** Whether the current cell is quote-prefixed. */
		BooleanSupplier quoted = () -> false;

		Collector(LongConsumer progress, String where, ImportLimits limits) {
			this.progress = progress;
			this.where = where;
			this.limits = limits;
		}

		@Override
		public void startRow(int rowNum) {
			this.number = rowNum + 1;
			this.cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			Row row = new Row(this.number, this.cells.toArray(new String[0]));
			if (!row.blank()) {
				if (this.rows.size() >= this.limits.maxRowsPerSheet()) {
					throw this.limits.exceeded(Limit.ROWS_PER_SHEET, this.where, this.number);
				}
				this.rows.add(row);
				this.progress.accept(1);
			}
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			// checked before the row is padded up to the column
			if (column < 0 || column >= this.limits.maxCellsPerRow()) {
				throw this.limits.exceeded(Limit.CELLS_PER_ROW, this.where, this.number);
			}
			while (this.cells.size() < column) {
				this.cells.add(null);
			}
			String value = (formattedValue == null || formattedValue.isBlank()) ? null
					: this.quoted.getAsBoolean() ? formattedValue : formattedValue.strip();
			if (this.cells.size() == column) {
				this.cells.add(value);
			}
			else {
				this.cells.set(column, value);
			}
		}

	}

	/** Keeps a ZIP entry's stream open for the next entry. */
	private static final class NonClosing extends java.io.FilterInputStream {

		NonClosing(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

}
