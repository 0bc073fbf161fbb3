package org.partynet.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** A PDF read as its reader would copy it out: the text of each page, in order. */
public final class PdfText {

	private PdfText() {
	}

	/** The text of every page, the first page first. */
	public static List<String> pages(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			List<String> pages = new ArrayList<>();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				pages.add(extractor.getTextFromPage(page));
			}
			return pages;
		}
		finally {
			reader.close();
		}
	}

}
