package org.partynet.report;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.pdf.PdfPTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.partynet.support.PdfText;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame of the reports sent upward, written and read back with OpenPDF. */
class PdfReportTests {

	private static final ReportSettings SETTINGS = new ReportSettings(null, "中共测试区委组织部", "截至{date}", false);

	/** The text of each page, read as a PDF viewer's search would. */
	static List<String> pages(byte[] pdf) throws Exception {
		return PdfText.pages(pdf);
	}

	// Sections of growing length, so that headings fall at every height of a page.
	private static byte[] sections(int count) {
		Assumptions.assumeTrue(SETTINGS.font() != null, "no CJK font installed");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfReport pdf = PdfReport.open(SETTINGS, SETTINGS.font(), out, "测试报告", LocalDate.of(2026, 12, 1), "范围：全网");
		for (int s = 1; s <= count; s++) {
			PdfPTable table = pdf.section("第" + s + "节", new float[] { 1, 2 }, "编码", "名称");
			table.setComplete(false);
			for (int r = 1; r <= s * 3; r++) {
				table.addCell(pdf.cell("行" + s + "-" + r, pdf.small()));
				table.addCell(pdf.cell("名称", pdf.small()));
				if (r % 10 == 0) {
					pdf.add(table);
				}
			}
			table.setComplete(true);
			pdf.add(table);
		}
		pdf.close();
		return out.toByteArray();
	}

	@Test
	void every_page_has_its_number_the_total_the_issuer_and_the_date_line() throws Exception {
		List<String> pages = pages(sections(30));
		assertThat(pages).hasSizeGreaterThan(5);
		for (int n = 1; n <= pages.size(); n++) {
			assertThat(pages.get(n - 1)).contains("第 " + n + " 页", "共 " + pages.size() + " 页", "中共测试区委组织部",
					"截至2026-12-01");
		}
		assertThat(pages.get(0)).contains("测试报告", "范围：全网");
	}

	@Test
	void a_heading_is_never_alone_at_the_foot_of_a_page() throws Exception {
		List<String> pages = pages(sections(30));
		for (String page : pages.subList(1, pages.size())) {
			assertThat(page).as("a page that a section runs onto starts with its heading")
				.startsWith("第")
				.contains("节");
		}
		for (String page : pages) {
			// the last heading on a page has at least one of its rows under it
			int last = page.lastIndexOf("节");
			if (last < 0) {
				continue;
			}
			int start = page.lastIndexOf("第", last);
			String section = page.substring(start + 1, last);
			assertThat(page.substring(last)).as("page ending with heading 第%s节", section).contains("行" + section + "-");
		}
	}

}
