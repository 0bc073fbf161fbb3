package org.partynet.orgchart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.partynet.model.Fields;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The org chart's 打印 dialog in a real headless Chromium: it offers the levels open on
 * screen and the paper, downloads the server's PDF with the levels and paper chosen, and
 * opens the same file to print; Ctrl+P on the page prints a title line and the legend
 * with the chart, and none of the controls.
 */
class OrgChartPrintBrowserTests extends BrowserTestSupport {

	private static final String COMMUNITY = "CommunityCommittee:GZ-DJ-C01-SQDW";

	@Test
	void the_print_dialog_downloads_the_pdf_with_the_levels_and_paper_chosen() throws IOException {
		run("print-dialog-failure.png", () -> {
			open("/org-chart?id=" + COMMUNITY + "&depth=3");
			this.driver.findElement(By.id("print")).click();
			assertThat(script("return document.getElementById('printDialog').open")).isEqualTo(true);
			// it starts from what is on screen
			assertThat(new Select(this.driver.findElement(By.id("printLevels"))).getFirstSelectedOption().getText())
				.isEqualTo("3");
			new Select(this.driver.findElement(By.id("printLevels"))).selectByVisibleText("2");
			new Select(this.driver.findElement(By.id("printPaper"))).selectByValue("A3");
			screenshot("print-dialog.png");
			assertThat(this.driver.findElement(By.id("printDownload")).getDomAttribute("href"))
				.isEqualTo("/org-chart.pdf?id=" + COMMUNITY.replace(":", "%3A") + "&levels=2&paper=A3");
			this.driver.findElement(By.id("printDownload")).click();
			String day = Fields.today().toString();
			Path file = downloaded("org-chart-GZ-DJ-C01-SQDW-A3-" + day + ".pdf");
			byte[] pdf = Files.readAllBytes(file);
			PdfReader reader = new PdfReader(pdf);
			assertThat(reader.getPageSize(1).getWidth()).as("A3 landscape").isEqualTo(1191f, offset(1f));
			assertThat(reader.getNumberOfPages()).isEqualTo(1);
			String text = new PdfTextExtractor(reader).getTextFromPage(1);
			// two levels: the branches and their building groups, not the buildings
			assertThat(text).contains("青年社区党委 组织架构图", day, "第 1 页 / 共 1 页", "青年社区第一网格第一楼院党小组")
				.doesNotContain("康乐小区1号楼");

			// 打印 opens the same file for the browser's PDF viewer
			List<String> before = new ArrayList<>(this.driver.getWindowHandles());
			this.driver.findElement(By.id("printPdf")).click();
			this.wait.until((d) -> d.getWindowHandles().size() == before.size() + 1);
			String main = this.driver.getWindowHandle();
			String opened = this.driver.getWindowHandles()
				.stream()
				.filter((h) -> !before.contains(h))
				.findFirst()
				.get();
			this.driver.switchTo().window(opened);
			this.wait.until((d) -> d.getCurrentUrl().contains("/org-chart.pdf"));
			assertThat(this.driver.getCurrentUrl()).endsWith("levels=2&paper=A3");
			this.driver.close();
			this.driver.switchTo().window(main);
		});
	}

	@Test
	void ctrl_p_prints_a_title_line_and_the_legend_without_the_controls() throws IOException {
		run("print-page-failure.png", () -> {
			open("/org-chart?id=" + COMMUNITY + "&depth=1");
			Pdf pdf = ((PrintsPage) this.driver).print(new PrintOptions().setPageSize(PageSize.ISO_A4)
				.setOrientation(PrintOptions.Orientation.LANDSCAPE)
				.setBackground(true));
			byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve("print-page-A4.pdf"), bytes);
			PdfReader reader = new PdfReader(bytes);
			assertThat(reader.getNumberOfPages()).isEqualTo(1);
			// the CJK font maps some glyphs back to Kangxi radicals (NFKC folds those) or
			// to the radicals supplement (⻘ for 青, which it does not): names are matched
			// without their 青
			String text = Normalizer.normalize(new PdfTextExtractor(reader).getTextFromPage(1), Normalizer.Form.NFKC)
				.replaceAll("\\s+", "");
			assertThat(text).contains("年社区党委·组织架构图·" + Fields.today(), "楼院党小组", "全部覆盖", "年社区第一网格党支部")
				.doesNotContain("全部展开", "适合窗口", "下载PDF", "搜索姓名");
		});
	}

}
