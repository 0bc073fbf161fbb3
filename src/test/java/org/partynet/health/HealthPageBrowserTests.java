package org.partynet.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.partynet.support.BrowserTestSupport;

/**
 * The organization health page at {@code /reports/health} in a real headless Chromium,
 * used the way a user would: open it for a fixed day, read the deliberate findings of the
 * sample and the term reminders, then choose a severity in the form. Needs Debian's
 * {@code chromium} and {@code chromium-driver}; skipped when they are missing.
 * Screenshots are kept in {@code target/screenshots/}.
 */
class HealthPageBrowserTests extends BrowserTestSupport {

	/**
	 * Each findings row as "severity|rule|code": the code is the one in full-width
	 * brackets of the third cell ("name（code）" or "building name（code）：person"). Without
	 * the "none" row.
	 */
	private static final String FINDINGS = """
			return Array.from(document.querySelectorAll('#findings tbody tr')).filter(r => r.cells.length > 1)
			  .map(r => { const m = r.cells[2].textContent.match(/（([^）]+)）/);
			              return r.cells[0].textContent + '|' + r.cells[1].textContent + '|' + (m ? m[1] : ''); });
			""";

	@Test
	void deliberate_findings_and_term_reminders_then_only_errors_chosen_in_the_form() throws IOException {
		run("health-failure.png", () -> {
			open("/reports/health?asOf=2026-11-29");
			assertThat(text(By.id("title"))).isEqualTo("全网 Whole network");
			assertThat(text(By.id("asOfLine"))).isEqualTo("截至 As of 2026-11-29");
			assertThat(this.driver.findElement(By.id("asOf")).getDomProperty("value")).isEqualTo("2026-11-29");

			// 1. The four deliberate findings (besides the term reminders), errors first.
			assertThat(findings()).filteredOn((row) -> !isTermRule(row))
				.containsExactly("错误 Error|网格党支部无书记 / Grid branch without a secretary|GZ-DJ-C12-ZB03",
						"错误 Error|楼长不是党员 / Building head is not a party member|GZ-DJ-C03-G02-B01",
						"警告 Warning|支委分工不全 / Branch committee lacks a member for organization, propaganda or discipline|GZ-DJ-C10-ZB01",
						"警告 Warning|楼院党小组无组长 / Building group without a leader|GZ-DJ-C07-ZB02-XZ02");
			assertThat(findings()).extracting((row) -> row.split("\\|")[0])
				.isSortedAccordingTo(Comparator.comparingInt(HealthPageBrowserTests::severityRank));
			assertThat(findingRow("GZ-DJ-C10-ZB01")).contains("纪检委员");
			// A building's finding names the building and the head: "name（code）：person".
			assertThat(findingRow("GZ-DJ-C03-G02-B01")).containsPattern("（GZ-DJ-C03-G02-B01）：\\S+");

			// 2. The counts list only rules that have findings.
			assertThat(stringList("""
					return Array.from(document.querySelectorAll('#counts tbody tr')).map(r => r.cells[2].textContent);
					""")).isNotEmpty().allSatisfy((count) -> assertThat(Integer.parseInt(count)).isPositive());
			assertThat(text(By.cssSelector("#counts tbody"))).contains("网格党支部无书记", "楼长不是党员", "支委分工不全", "楼院党小组无组长");

			// 3. The term reminders, sorted by the day the term expires.
			List<String> expires = stringList("""
					return Array.from(document.querySelectorAll('#terms tbody tr')).filter(r => r.cells.length > 1)
					  .map(r => r.cells[3].textContent);
					""");
			assertThat(expires).isNotEmpty().allMatch((day) -> day.matches("\\d{4}-\\d{2}-\\d{2}")).isSorted();
			assertThat(stringList("""
					return Array.from(document.querySelectorAll('#terms tbody tr')).filter(r => r.cells.length > 1)
					  .map(r => r.cells[4].textContent);
					""")).allSatisfy((status) -> assertThat(status).isIn(HealthRule.TERM_OVERDUE.ruleName(),
					HealthRule.TERM_DUE_SOON.ruleName(), HealthRule.TERM_DUE.ruleName()));

			// 4. Choose 错误 Error in the form and submit: only errors remain, the download
			// follows.
			Select severity = new Select(this.driver.findElement(By.id("severity")));
			severity.selectByVisibleText("错误 Error");
			rerender(() -> this.driver.findElement(By.cssSelector("#controls button[type=submit]")).click());
			List<String> errors = findings();
			assertThat(errors).isNotEmpty().allSatisfy((row) -> assertThat(row).startsWith("错误"));
			assertThat(stringList("""
					return Array.from(document.querySelectorAll('#findings tbody tr')).map(r => r.cells[0].textContent);
					""")).allSatisfy((first) -> assertThat(first).startsWith("错误"));
			assertThat(errors).extracting((row) -> row.split("\\|")[2])
				.contains("GZ-DJ-C12-ZB03", "GZ-DJ-C03-G02-B01")
				.doesNotContain("GZ-DJ-C10-ZB01", "GZ-DJ-C07-ZB02-XZ02");
			assertThat(this.driver.findElement(By.id("xlsx")).getDomProperty("href"))
				.startsWith(baseUrl() + "/reports/health.xlsx?")
				.contains("severity=ERROR", "asOf=2026-11-29");
			assertThat(this.driver.findElement(By.id("pdf")).getDomProperty("href"))
				.startsWith(baseUrl() + "/reports/health.pdf?")
				.contains("severity=ERROR", "asOf=2026-11-29");
			assertThat(this.driver.getCurrentUrl()).contains("severity=ERROR", "asOf=2026-11-29");

			// 5. Every script and stylesheet, and every resource fetched, is same-origin
			// (or data:).
			assertThat(stringList("""
					return Array.from(document.querySelectorAll('script[src]')).map(e => e.getAttribute('src'))
					  .concat(Array.from(document.querySelectorAll('link[href]')).map(e => e.getAttribute('href')));
					""")).contains("/common/partynet.js", "/reports/health.js", "/reports/reports.css")
				.allSatisfy((url) -> assertThat(url).satisfiesAnyOf((u) -> assertThat(u).startsWith("/"),
						(u) -> assertThat(u).startsWith(baseUrl() + "/"), (u) -> assertThat(u).startsWith("data:")));
			assertThat(stringList("return performance.getEntriesByType('resource').map(e => e.name);")).isNotEmpty()
				.allSatisfy((url) -> assertThat(url).startsWith(baseUrl() + "/"));

			assertThat(screenshot("health.png")).isNotEmptyFile();
			noSevereConsoleEntries();
		});
	}

	@Test
	void before_the_post_fell_vacant_there_is_no_missing_secretary() throws IOException {
		run("health-before-failure.png", () -> {
			open("/reports/health?asOf=2026-01-01&severity=ERROR");
			assertThat(text(By.id("asOfLine"))).isEqualTo("截至 As of 2026-01-01");
			assertThat(new Select(this.driver.findElement(By.id("severity"))).getFirstSelectedOption().getText())
				.isEqualTo("错误 Error");
			// The building head was already no member then; the secretary was still in
			// post.
			assertThat(findings()).contains("错误 Error|楼长不是党员 / Building head is not a party member|GZ-DJ-C03-G02-B01")
				.noneMatch((row) -> row.contains("网格党支部无书记") || row.endsWith("|GZ-DJ-C12-ZB03"))
				.allSatisfy((row) -> assertThat(row).startsWith("错误"));
			assertThat(text(By.cssSelector("#counts tbody"))).doesNotContain("网格党支部无书记");
			noSevereConsoleEntries();
		});
	}

	// --- helpers
	// ----------------------------------------------------------------------------------

	private static boolean isTermRule(String row) {
		String rule = row.split("\\|")[1];
		return rule.startsWith("换届逾期") || rule.startsWith("即将届满");
	}

	private static int severityRank(String severity) {
		return severity.startsWith("错误") ? 0 : severity.startsWith("警告") ? 1 : 2;
	}

	private List<String> findings() {
		return stringList(FINDINGS);
	}

	/** The whole text of the findings row of an organization or building code. */
	private String findingRow(String code) {
		return this.driver.findElements(By.cssSelector("#findings tbody tr"))
			.stream()
			.map(WebElement::getText)
			.filter((row) -> row.contains("（" + code + "）"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no finding for " + code));
	}

}
