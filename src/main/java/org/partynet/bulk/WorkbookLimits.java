package org.partynet.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.partynet.bulk.ImportLimits.Budget;
import org.partynet.bulk.ImportLimits.Limit;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The {@link ImportLimits} of an {@code .xlsx}. POI reads some parts of a workbook whole
 * (styles, the workbook part; its read-only shared strings table even sizes its list by
 * the count the file claims), so every part is measured by decompressing it once before
 * POI opens the package, and the shared strings are read here, counted as they are read.
 */
final class WorkbookLimits {

	private static final String WORKSHEETS = "xl/worksheets/";

	/**
	 * How POI's {@link ZipSecureFile} starts the message of a part it takes for a bomb.
	 */
	private static final String POI_BOMB = "Zip bomb detected!";

	private WorkbookLimits() {
	}

	/**
	 * Decompresses every part once, counting: entries, each part (worksheets are
	 * streamed, so they may be as large as any entry; the other parts are read whole) and
	 * the whole. It reads them as POI will, through its {@link ZipSecureFile}, so that
	 * POI's own zip bomb check (the ratio of compressed to expanded size) trips here,
	 * where it can be named, if it is to trip at all.
	 */
	static void scan(Path file, String name, Budget budget) {
		String where = name;
		try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
			int entries = 0;
			for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements();) {
				ZipArchiveEntry entry = all.nextElement();
				if (++entries > budget.limits.maxEntries()) {
					throw budget.limits.exceeded(Limit.ENTRIES, name, 0);
				}
				where = name + "/" + entry.getName();
				Limit limit = entry.getName().startsWith(WORKSHEETS) ? Limit.ENTRY_BYTES : Limit.SHARED_STRINGS_BYTES;
				budget.drain(zip.getInputStream(entry), where, limit);
			}
		}
		catch (IOException ex) {
			if (String.valueOf(ex.getMessage()).startsWith(POI_BOMB)) {
				throw budget.limits.exceeded(Limit.INFLATE_RATIO, where, 0);
			}
			throw new ImportException(ImportError
				.file("文件不是有效的 Excel 工作簿（.xlsx） / The file is not a valid Excel workbook (.xlsx): " + ex.getMessage()));
		}
	}

	/**
	 * The workbook's shared strings (none when it has no such part), refused over their
	 * limits while read.
	 */
	static SharedStrings sharedStrings(OPCPackage pkg, String name, ImportLimits limits)
			throws IOException, SAXException, ParserConfigurationException {
		Strings strings = new Strings(limits);
		for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
			String where = name + part.getPartName().getName();
			strings.where = where;
			// its bytes were counted in the whole by scan; here only the part's own limit
			Budget own = new Budget(limits);
			try (InputStream in = own.count(part.getInputStream(), where, Limit.SHARED_STRINGS_BYTES)) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(strings);
				xml.parse(new InputSource(in));
			}
		}
		return strings;
	}

	/**
	 * The sheet handler behind a filter that refuses a cell of more than
	 * {@code maxCellChars} characters before POI has gathered it.
	 */
	static ContentHandler cells(ContentHandler sheet, String where, ImportLimits limits) {
		return new CellChars(sheet, where, limits);
	}

	/**
	 * {@code <sst><si><t>…</t><r><t>…</t></r><rPh>…</rPh></si>}: an item's text is its
	 * {@code t} elements outside phonetic runs, as POI's read-only table reads it.
	 */
	private static final class Strings extends DefaultHandler implements SharedStrings {

		private String where = "";

		private final ImportLimits limits;

		private final List<String> items = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private boolean inText;

		private boolean inPhonetic;

		Strings(ImportLimits limits) {
			this.limits = limits;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "si" -> {
					if (this.items.size() >= this.limits.maxSharedStrings()) {
						throw this.limits.exceeded(Limit.SHARED_STRINGS, this.where, 0);
					}
					this.text.setLength(0);
				}
				case "t" -> this.inText = true;
				case "rPh" -> this.inPhonetic = true;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "si" -> this.items.add(this.text.toString());
				case "t" -> this.inText = false;
				case "rPh" -> this.inPhonetic = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.inText && !this.inPhonetic) {
				if (this.text.length() + length > this.limits.maxCellChars()) {
					throw this.limits.exceeded(Limit.CELL_CHARS, this.where, 0);
				}
				this.text.append(ch, start, length);
			}
		}

		@Override
		public RichTextString getItemAt(int index) {
			return new XSSFRichTextString((index >= 0 && index < this.items.size()) ? this.items.get(index) : "");
		}

		@Override
		public int getCount() {
			return this.items.size();
		}

		@Override
		public int getUniqueCount() {
			return this.items.size();
		}

	}

	/**
	 * Counts the characters of each cell ({@code c}), and of any other element's text, as
	 * they come; every event goes on to the sheet's handler ({@link XMLFilterImpl}
	 * forwards what is not overridden).
	 */
	private static final class CellChars extends XMLFilterImpl {

		private final String where;

		private final ImportLimits limits;

		private int row;

		private long chars;

		private boolean inCell;

		CellChars(ContentHandler next, String where, ImportLimits limits) {
			setContentHandler(next);
			this.where = where;
			this.limits = limits;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
			if ("row".equals(localName)) {
				String r = atts.getValue("r");
				this.row = (r != null && r.matches("\\d{1,9}")) ? Integer.parseInt(r) : this.row + 1;
			}
			if ("c".equals(localName)) {
				this.inCell = true;
			}
			if ("c".equals(localName) || !this.inCell) {
				// a cell's text may come in several runs (inline rich text): counted from
				// its start
				this.chars = 0;
			}
			super.startElement(uri, localName, qName, atts);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			this.chars += length;
			if (this.chars > this.limits.maxCellChars()) {
				throw this.limits.exceeded(Limit.CELL_CHARS, this.where, this.row);
			}
			super.characters(ch, start, length);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			super.endElement(uri, localName, qName);
			if ("c".equals(localName)) {
				this.inCell = false;
				this.chars = 0;
			}
		}

	}

}
