package org.partynet.linkage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linkage page {@code /reports/linkage} in headless Chromium (the network drawn by
 * ECharts served by the application, the tables, a path found) and its Excel download
 * read back with POI.
 */
class LinkagePageTests extends BrowserTestSupport {

	@Test
	void a_community_s_links_drawn_listed_and_a_path_found() throws IOException {
		run("linkage-failure.png", () -> {
			open("/reports/linkage?scope=Community:GZ-DJ-C01");
			assertThat(text(By.id("title"))).isEqualTo("青年社区");
			assertThat(text(By.id("unitCount"))).contains("8");
			assertThat(stringList(
					"return Array.from(document.querySelectorAll('#links tbody tr')).map(r => r.cells[1].textContent);"))
				.hasSize(10)
				.startsWith("张掖农商银行东街支行", "东街志愿者协会");
			// The network is drawn (SVG renderer): units, the carrier and the alliance by
			// name.
			this.wait.until((d) -> !stringList(
					"return Array.from(document.querySelectorAll('#graph svg text')).map(t => t.textContent);")
				.isEmpty());
			assertThat(stringList(
					"return Array.from(document.querySelectorAll('#graph svg text')).map(t => t.textContent);"))
				.contains("青年社区", "张掖农商银行东街支行", "陈艳英", "东街商务楼宇党建联盟");
			assertThat(text(By.id("partTime"))).contains("青年社区", "陈艳英");
			assertThat(this.driver.findElement(By.id("xlsx")).getDomProperty("href"))
				.isEqualTo(baseUrl() + "/reports/linkage.xlsx?scope=Community%3AGZ-DJ-C01");

			// Both ends picked by name: with the keyboard, then with the mouse; the ids
			// stay out of sight.
			pick("from", "张掖农商银行", "张掖农商银行东街支行");
			this.driver.findElement(By.id("from")).sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
			pick("to", "青年社区党委", "青年社区党委");
			assertThat(text(By.id("to-hits"))).contains("社区党委 · ");
			this.driver.findElement(By.id("to-hits")).findElement(By.tagName("li")).click();
			assertThat(this.driver.findElement(By.id("from")).getDomProperty("value")).isEqualTo("张掖农商银行东街支行");
			assertThat(this.driver.findElement(By.id("to")).getDomProperty("value")).isEqualTo("青年社区党委");
			assertThat(this.driver.findElement(By.id("to-hits")).isDisplayed()).isFalse();
			this.driver.findElement(By.cssSelector("#connectionForm button")).click();
			this.wait.until((d) -> "true".equals(script("return document.getElementById('paths').dataset.loaded;")));
			assertThat(text(By.id("paths"))).contains("张掖农商银行东街支行 —派出→ 陈艳英 —任兼职委员→ 青年社区党委");
			assertThat(this.driver.findElement(By.id("pathNote")).isDisplayed()).isFalse();
			assertThat(this.driver.getCurrentUrl())
				.contains("from=Unit%3ADW008&to=CommunityCommittee%3AGZ-DJ-C01-SQDW");
			assertThat(stringList("return performance.getEntriesByType('resource').map(e => e.name);"))
				.allSatisfy((url) -> assertThat(url).startsWith(baseUrl() + "/"));
			assertThat(screenshot("linkage.png")).isNotEmptyFile();
			noSevereConsoleEntries();
		});
	}

	@Test
	void a_path_opened_from_its_address_with_both_ends_by_name_says_when_it_falls_back_to_containment()
			throws IOException {
		run("linkage-path-failure.png", () -> {
			open("/reports/linkage?from=Community:GZ-DJ-C01&to=Grid:GZ-DJ-C01-G01&maxHops=1");
			this.wait.until((d) -> "true".equals(script("return document.getElementById('paths').dataset.loaded;")));
			assertThat(this.driver.findElement(By.id("from")).getDomProperty("value")).isEqualTo("青年社区");
			assertThat(this.driver.findElement(By.id("to")).getDomProperty("value")).doesNotContain("Grid:");
			assertThat(text(By.id("paths"))).contains("青年社区 —包含→ ");
			assertThat(text(By.id("pathNote"))).startsWith("在该跳数内没有只经党建与联动关系的路径");
			// only party and linkage relationships: nothing within one step
			new Select(this.driver.findElement(By.id("through"))).selectByValue("LINKAGE_ONLY");
			script("delete document.getElementById('paths').dataset.loaded;");
			this.driver.findElement(By.cssSelector("#connectionForm button")).click();
			this.wait.until((d) -> "true".equals(script("return document.getElementById('paths').dataset.loaded;")));
			assertThat(text(By.id("paths"))).startsWith("在该跳数内没有路径");
			assertThat(this.driver.findElement(By.id("pathNote")).isDisplayed()).isFalse();
			assertThat(screenshot("linkage-path.png")).isNotEmptyFile();
			noSevereConsoleEntries();
		});
	}

	// Types into a picker and waits for the hit of that name.
	private void pick(String field, String typed, String hit) {
		this.driver.findElement(By.id(field)).sendKeys(typed);
		this.wait.until((d) -> d.findElement(By.id(field + "-hits")).isDisplayed()
				&& d.findElement(By.id(field + "-hits")).getText().startsWith(hit));
	}

	@Test
	void the_workbook_lists_the_links_units_part_time_members_and_gaps() throws IOException {
		byte[] bytes = web().get()
			.uri("/reports/linkage.xlsx?scope=Community:GZ-DJ-C01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody()
			.returnResult()
			.getResponseBody();
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve("linkage-C01.xlsx"), bytes);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
			Sheet links = workbook.getSheet("联系明细");
			assertThat(links.getRow(0).getCell(0).getStringCellValue()).isEqualTo("联动 · 范围：青年社区");
			assertThat(links.getRow(1).getCell(0).getStringCellValue()).startsWith("中共甘州区委组织部 · 截至");
			// headings in Chinese only, as every report sent upward by default
			assertThat(links.getRow(2).getCell(0).getStringCellValue()).isEqualTo("联系方式");
			assertThat(column(links, 3, 2)).hasSize(10).startsWith("张掖农商银行东街支行", "东街志愿者协会");
			assertThat(links.getRow(3).getCell(4).getStringCellValue()).isEqualTo("陈艳英");
			assertThat(column(workbook.getSheet("兼职委员"), 1, 1)).containsExactly("青年社区");
			assertThat(workbook.getSheet("无联系社区").getRow(1).getCell(0).getStringCellValue()).startsWith("无：");
		}
		// A bad scope is a plain error before anything is streamed.
		web().get().uri("/reports/linkage.xlsx?scope=Community:NOPE").exchange().expectStatus().isNotFound();
		web().get().uri("/reports/linkage.xlsx?scope=nonsense").exchange().expectStatus().isBadRequest();
	}

	private static List<String> column(Sheet sheet, int firstRow, int column) {
		List<String> values = new ArrayList<>();
		for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null && row.getCell(column) != null) {
				values.add(row.getCell(column).getStringCellValue());
			}
		}
		return values;
	}

}
