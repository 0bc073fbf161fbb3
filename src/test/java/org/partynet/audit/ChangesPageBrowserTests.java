package org.partynet.audit;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail page at {@code /reports/changes} in a real headless Chromium, on the
 * audit records of {@link ChangeFixture}: the rows newest first in Beijing time, the more
 * button, the diff of a merge, the scope picker and the since date. Skipped without
 * {@code chromium}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesPageBrowserTests extends BrowserTestSupport {

	private static final String ROWS = "return Array.from(document.querySelectorAll('#changes tr.change')).map(r => r.dataset.id);";

	@BeforeAll
	void fixture() {
		ChangeFixture.create();
	}

	@AfterAll
	void removeFixture() {
		ChangeFixture.remove();
	}

	@Test
	void rows_newest_first_with_more_and_the_diff_of_a_merge() throws IOException {
		run("changes-failure.png", () -> {
			open("/reports/changes?since=2099-01-01&first=2");
			assertThat(text(By.id("title"))).isEqualTo("全网 Whole network");
			assertThat(text(By.id("count"))).startsWith("共 5 条");
			assertThat(stringList(ROWS)).containsExactly(ChangeFixture.C5, ChangeFixture.C4);

			// 1. More pages, appended below, until there are none.
			WebElement more = this.driver.findElement(By.id("more"));
			assertThat(more.isDisplayed()).isTrue();
			rerender(more::click);
			assertThat(stringList(ROWS)).containsExactly(ChangeFixture.C5, ChangeFixture.C4, ChangeFixture.C3,
					ChangeFixture.C2);
			rerender(more::click);
			assertThat(stringList(ROWS)).containsExactlyElementsOf(ChangeFixture.NEWEST_FIRST);
			assertThat(more.isDisplayed()).isFalse();

			// 2. A row: time in Beijing, user, the operation in Chinese, the summary, the
			// affected nodes.
			List<String> merge = cells(ChangeFixture.C3);
			assertThat(merge.subList(0, 5)).containsExactly("2099-01-03 12:00:00", "wangfang", "党组织合并",
					"青年社区第二网格党支部并入第一网格党支部", "青年社区第一网格党支部、青年社区第二网格党支部");
			assertThat(stringList(
					"""
							return Array.from(document.querySelectorAll('tr[data-id="%s"] td:nth-child(5) a')).map(a => a.getAttribute('href'));
							"""
						.formatted(ChangeFixture.C3)))
				.containsExactly("/org-chart?id=GridBranch%3AGZ-DJ-C01-ZB01",
						"/org-chart?id=GridBranch%3AGZ-DJ-C01-ZB02");
			// people are named, not linked; an operation without a label is shown by its
			// name
			assertThat(this.driver
				.findElements(By.cssSelector("tr[data-id='" + ChangeFixture.C2 + "'] td:nth-child(5) a")))
				.extracting(a -> a.getDomAttribute("href"))
				.containsExactly("/org-chart?id=CommunityCommittee%3AGZ-DJ-C03-SQDW");
			assertThat(this.driver
				.findElements(By.cssSelector("tr[data-id='" + ChangeFixture.C2 + "'] td:nth-child(5) span")))
				.extracting(span -> span.getDomAttribute("title"))
				.containsExactly("Person:RY20021");
			assertThat(cells(ChangeFixture.C2).get(2)).isEqualTo("任职");
			assertThat(cells(ChangeFixture.C5).get(2)).isEqualTo("swapSecretaries");

			// 3. The diff of the merge: a property added, relationships ended and added;
			// raw JSON folded.
			row(ChangeFixture.C3).findElement(By.cssSelector("button.toggle")).click();
			WebElement diff = this.driver
				.findElement(By.cssSelector("tr[data-id='" + ChangeFixture.C3 + "'] + tr.diff"));
			WebElement from = diff.findElement(By.cssSelector(".node[data-code='GZ-DJ-C01-ZB02']"));
			assertThat(from.findElement(By.tagName("h4")).getText())
				.isEqualTo("网格党支部 青年社区第二网格党支部（GZ-DJ-C01-ZB02）· 修改 changed");
			assertThat(from.findElements(By.cssSelector("tr[data-property]"))).singleElement()
				.satisfies(row -> assertThat(row.getText()).contains("dissolvedOn", "—", "2099-01-03"));
			assertThat(from.findElements(By.cssSelector("li[data-kind='ended']"))).extracting(WebElement::getText)
				.containsExactly("结束于 2099-01-03 ended：隶属于 GZ-DJ-C01-SQDW，自 2019-09-01 起",
						"结束于 2099-01-03 ended：覆盖 GZ-DJ-C01-G04，自 2019-09-01 起",
						"结束于 2099-01-03 ended：覆盖 GZ-DJ-C01-G05，自 2019-09-01 起");
			WebElement into = diff.findElement(By.cssSelector(".node[data-code='GZ-DJ-C01-ZB01']"));
			assertThat(into.findElements(By.cssSelector("tr[data-property]"))).isEmpty();
			assertThat(into.findElements(By.cssSelector("li[data-kind='added']"))).extracting(WebElement::getText)
				.containsExactly("新增 added：覆盖 GZ-DJ-C01-G04，自 2099-01-03 起",
						"新增 added：覆盖 GZ-DJ-C01-G05，自 2099-01-03 起");
			WebElement raw = diff.findElement(By.tagName("details"));
			assertThat(raw.getDomAttribute("open")).isNull();
			assertThat(raw.getDomProperty("textContent")).contains("\"dissolvedOn\": \"2099-01-03\"");
			assertThat(row(ChangeFixture.C3).findElement(By.cssSelector("button.toggle")).getText())
				.isEqualTo("收起 Hide");

			// 4. A person's diff: the role added, the phone number never shown.
			row(ChangeFixture.C2).findElement(By.cssSelector("button.toggle")).click();
			WebElement person = this.driver
				.findElement(By.cssSelector("tr[data-id='" + ChangeFixture.C2 + "'] + tr.diff"));
			assertThat(person.findElements(By.cssSelector("li[data-kind='added']"))).extracting(WebElement::getText)
				.containsExactly("新增 added：任职于 南关社区党委（委员），自 2099-01-02 起");
			assertThat(person.getDomProperty("textContent")).doesNotContain("000-0002-0021").contains("***");

			assertThat(screenshot("changes.png")).isNotEmptyFile();

			// 5. Every script and stylesheet, and every resource fetched, is the
			// application's own.
			assertThat(stringList("return performance.getEntriesByType('resource').map(e => e.name);")).isNotEmpty()
				.allSatisfy((url) -> assertThat(url).startsWith(baseUrl() + "/"));
			noSevereConsoleEntries();
		});
	}

	@Test
	void the_scope_picker_and_the_since_date() throws IOException {
		run("changes-filters-failure.png", () -> {
			open("/reports/changes?since=2099-01-01");
			assertThat(stringList(ROWS)).containsExactlyElementsOf(ChangeFixture.NEWEST_FIRST);

			// 青年社区 finds its three changes, not those of 南关社区 and 劳动社区
			new Select(this.driver.findElement(By.id("scope"))).selectByValue("Community:GZ-DJ-C01");
			rerender(() -> this.driver.findElement(By.cssSelector("#controls button[type=submit]")).click());
			assertThat(text(By.id("title"))).isEqualTo("青年社区");
			assertThat(stringList(ROWS)).containsExactly(ChangeFixture.C4, ChangeFixture.C3, ChangeFixture.C1);
			assertThat(this.driver.getCurrentUrl()).contains("scope=Community%3AGZ-DJ-C01", "since=2099-01-01");

			// since a Beijing day: 2099-01-03 00:00 in Beijing is 2099-01-02 16:00 UTC
			script("document.getElementById('since').value = '2099-01-03';");
			rerender(() -> this.driver.findElement(By.cssSelector("#controls button[type=submit]")).click());
			assertThat(stringList(ROWS)).containsExactly(ChangeFixture.C4, ChangeFixture.C3);

			new Select(this.driver.findElement(By.id("scope"))).selectByValue("Community:GZ-DJ-C02");
			rerender(() -> this.driver.findElement(By.cssSelector("#controls button[type=submit]")).click());
			assertThat(stringList(ROWS)).isEmpty();
			assertThat(text(By.cssSelector("#changes tbody"))).isEqualTo("无 None");
			noSevereConsoleEntries();
		});
	}

	/** Where the desk and the forms link: {@code ?change=<id>}, that record opened. */
	@Test
	void one_record_by_its_id_opened_and_none_outside_a_secretarys_subtree() throws IOException {
		run("changes-one-failure.png", () -> {
			open("/reports/changes?change=" + ChangeFixture.C3);
			assertThat(stringList(ROWS)).containsExactly(ChangeFixture.C3);
			assertThat(text(By.id("title"))).isEqualTo("青年社区第二网格党支部并入第一网格党支部");
			assertThat(text(By.id("count"))).startsWith("一条审计记录");
			WebElement diff = this.driver
				.findElement(By.cssSelector("tr[data-id='" + ChangeFixture.C3 + "'] + tr.diff"));
			assertThat(diff.isDisplayed()).isTrue();
			assertThat(diff.findElements(By.cssSelector(".node"))).extracting((n) -> n.getDomAttribute("data-code"))
				.containsExactly("GZ-DJ-C01-ZB01", "GZ-DJ-C01-ZB02");
			assertThat(this.driver.getCurrentUrl()).contains("change=" + ChangeFixture.C3);
			screenshot("changes-one.png");

			// the whole trail is a click away
			rerender(() -> this.driver.findElement(By.id("all-changes")).click());
			assertThat(stringList(ROWS)).contains(ChangeFixture.C5, ChangeFixture.C3);

			// 青年社区's secretary: a record of 南关社区 is as absent as an unknown one
			signIn("secretary");
			open("/reports/changes?change=" + ChangeFixture.C2);
			assertThat(text(By.id("title"))).isEqualTo("未找到该记录 No such change");
			assertThat(stringList(ROWS)).isEmpty();
			open("/reports/changes?change=" + ChangeFixture.C3);
			assertThat(stringList(ROWS)).containsExactly(ChangeFixture.C3);
			noSevereConsoleEntries();
		});
	}

	private WebElement row(String id) {
		return this.driver.findElement(By.cssSelector("tr.change[data-id='" + id + "']"));
	}

	private List<String> cells(String id) {
		return row(id).findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::trim).toList();
	}

}
