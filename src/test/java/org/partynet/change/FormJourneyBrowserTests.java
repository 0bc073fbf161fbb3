package org.partynet.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partynet.support.BrowserTestSupport;
import org.partynet.support.InProcessNeo4j;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's forms tried as the organization department's staff would, in a real browser
 * on a Neo4j of its own (they change the sample): a coverage gap and a health finding
 * fixed from their rows, a merge from the org chart's details, a version conflict between
 * two sessions shown and resolved, a validation error beside its field; and no edit
 * control at all for a viewer or a secretary.
 */
class FormJourneyBrowserTests extends BrowserTestSupport {

	private static final String ORG_CHART = "/org-chart?depth=1&id=%s&focus=%s";

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "form-journey");
	}

	@Test
	void a_building_without_a_head_is_fixed_from_the_coverage_page() throws IOException {
		assertThat(this.environment.getProperty("spring.neo4j.uri"))
			.isEqualTo(InProcessNeo4j.own("form-journey").boltURI().toString());
		run("form-coverage-failure.png", () -> {
			open("/reports/coverage?scope=Community:GZ-DJ-C01&metric=BUILDING_HEAD");
			String before = text(By.cssSelector("#summary .card[data-metric='buildingHead'] .count"));
			WebElement row = this.driver.findElement(By.cssSelector("#gaps tbody tr"));
			String building = row.findElements(By.tagName("td")).get(1).getText();
			assertThat(row.findElement(By.cssSelector("a.pn-place")).getAttribute("href")).contains("/org-chart?id=");
			row.findElement(By.cssSelector("button.fix")).click();
			pick(this.driver, "person", "明远", "赵明远");
			screenshot("form-coverage-appoint-head.png");
			ok(this.driver);
			this.wait.until(
					(d) -> !text(By.cssSelector("#summary .card[data-metric='buildingHead'] .count")).equals(before));
			String[] was = before.split(" / ");
			assertThat(text(By.cssSelector("#summary .card[data-metric='buildingHead'] .count")))
				.isEqualTo((Integer.parseInt(was[0]) + 1) + " / " + was[1]);
			assertThat(text(By.id("gaps"))).doesNotContain(building);
			assertThat(auditLink(this.driver)).contains("/reports/changes?change=");
			screenshot("form-coverage-fixed.png");
		});
	}

	@Test
	void a_vacant_secretary_is_appointed_from_the_health_page() throws IOException {
		run("form-health-failure.png", () -> {
			open("/reports/health?rule=NO_SECRETARY");
			WebElement row = this.driver
				.findElement(By.xpath("//table[@id='findings']//tr[contains(., 'GZ-DJ-C12-ZB03')]"));
			row.findElement(By.cssSelector("button.fix")).click();
			assertThat(text(By.cssSelector("dialog h2"))).contains("任命书记");
			pick(this.driver, "person", "秀兰", "钱秀兰");
			ok(this.driver);
			this.wait.until((d) -> d.findElements(By.cssSelector("#pn-done")).size() == 1
					&& !text(By.id("findings")).contains("GZ-DJ-C12-ZB03"));
			screenshot("form-health-fixed.png");
		});
	}

	@Test
	void a_merge_from_the_org_chart_shows_the_merged_chart_and_its_audit_record() throws IOException {
		run("form-merge-failure.png", () -> {
			openDetails(this.driver, "CommunityCommittee:GZ-DJ-C14-SQDW", "GridBranch:GZ-DJ-C14-ZB02");
			this.driver.findElement(By.cssSelector("#detailsBody .edit-merge")).click();
			pick(this.driver, "into", "第一", "文化社区第一网格党支部");
			screenshot("form-merge-pick.png");
			ok(this.driver);
			this.wait.until((d) -> d.findElements(By.cssSelector("#pn-done")).size() == 1);
			this.wait.until((d) -> boxes(d).contains("GridBranch:GZ-DJ-C14-ZB01")
					&& !boxes(d).contains("GridBranch:GZ-DJ-C14-ZB02"));
			this.wait.until((d) -> text(By.cssSelector("#detailsBody h2")).equals("文化社区第一网格党支部"));
			screenshot("form-merge-chart.png");
			String audit = auditLink(this.driver);
			assertThat(audit).contains("/reports/changes?change=");
			this.driver.get(audit);
			waitForRender();
			assertThat(text(By.cssSelector("#changes tbody"))).contains("党组织合并", "文化社区第二网格党支部");
			screenshot("form-merge-audit.png");
			// the merged branch is listed under its former parent, to be restored from
			// there
			openDetails(this.driver, "CommunityCommittee:GZ-DJ-C14-SQDW", "CommunityCommittee:GZ-DJ-C14-SQDW");
			this.wait.until((d) -> !d.findElements(By.cssSelector("#detailsBody .pn-ended .edit-restore")).isEmpty());
			assertThat(text(By.cssSelector("#detailsBody .pn-ended"))).contains("文化社区第二网格党支部");
		});
	}

	@Test
	void a_version_conflict_between_two_sessions_is_shown_and_resolved() throws IOException {
		String branch = "GridBranch:GZ-DJ-C05-ZB01";
		WebDriver second = secondBrowser();
		try {
			run("form-conflict-failure.png", () -> {
				openDetails(this.driver, branch, branch);
				openDetails(second, branch, branch);
				this.driver.findElement(By.cssSelector("#detailsBody .edit-rename")).click();
				second.findElement(By.cssSelector("#detailsBody .edit-rename")).click();
				type(this.driver, "name", "长安社区第一网格党支部（甲）");
				type(second, "name", "长安社区第一网格党支部（乙）");
				ok(this.driver);
				this.wait.until((d) -> d.findElements(By.cssSelector("#pn-done")).size() == 1);

				ok(second);
				WebDriverWait secondWait = new WebDriverWait(second, TIMEOUT);
				secondWait.until((d) -> d.findElements(By.cssSelector("dialog .pn-reload")).size() == 1);
				String shown = second.findElement(By.cssSelector("dialog .pn-form-error")).getText();
				assertThat(shown).contains("名称", "你看到的", "长安社区第一网格党支部", "现在的", "长安社区第一网格党支部（甲）");
				screenshotOf(second, "form-conflict-shown.png");
				second.findElement(By.cssSelector("dialog .pn-reload")).click();
				assertThat(second.findElement(By.id("pn-field-name")).getAttribute("value"))
					.isEqualTo("长安社区第一网格党支部（乙）");
				ok(second);
				secondWait.until((d) -> d.findElements(By.cssSelector("#pn-done")).size() == 1);
				secondWait
					.until((d) -> d.findElement(By.cssSelector("#detailsBody h2")).getText().equals("长安社区第一网格党支部（乙）"));
				screenshotOf(second, "form-conflict-resolved.png");
			});
		}
		finally {
			second.quit();
		}
	}

	@Test
	void an_empty_name_is_refused_beside_its_field_and_nothing_is_written() throws IOException {
		String branch = "GridBranch:GZ-DJ-C06-ZB01";
		run("form-validation-failure.png", () -> {
			openDetails(this.driver, branch, branch);
			String name = text(By.cssSelector("#detailsBody h2"));
			this.driver.findElement(By.cssSelector("#detailsBody .edit-rename")).click();
			type(this.driver, "name", "");
			ok(this.driver);
			By error = By.cssSelector("dialog .pn-field[data-field='name'] .pn-field-error");
			this.wait.until((d) -> !d.findElement(error).getText().isBlank());
			assertThat(text(error)).startsWith("名称不能为空");
			assertThat(this.driver.findElements(By.cssSelector("#pn-done"))).isEmpty();
			screenshot("form-validation.png");
			this.driver.findElement(By.cssSelector("dialog .pn-cancel")).click();
			openDetails(this.driver, branch, branch);
			assertThat(text(By.cssSelector("#detailsBody h2"))).isEqualTo(name);
			Object changes = ((JavascriptExecutor) this.driver).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					PN.graphql('query C($scope: ID) { changes(scope: $scope) { totalCount } }', { scope: arguments[0] })
					  .then(data => done(data.changes.totalCount), error => done(error.message));""", branch);
			assertThat(changes).isEqualTo(0L);
		});
	}

	@Test
	void a_building_group_is_created_with_a_suggested_code_on_a_phone_sized_window() throws IOException {
		String branch = "GridBranch:GZ-DJ-C07-ZB01";
		run("form-create-failure.png", () -> {
			openDetails(this.driver, branch, branch);
			this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			this.driver.findElement(By.cssSelector("#detailsBody .edit-create")).click();
			String code = this.wait.until((d) -> d.findElement(By.id("pn-field-code"))).getAttribute("value");
			assertThat(code).matches("GZ-DJ-C07-ZB01-XZ0[3-9]");
			assertThat(this.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("pn-field-name");
			Number width = (Number) script(
					"return document.querySelector('dialog.pn-form').getBoundingClientRect().right;");
			assertThat(width.doubleValue()).isLessThanOrEqualTo(390);
			type(this.driver, "name", "民主社区第一网格新建楼院党小组");
			screenshot("form-create-phone.png");
			ok(this.driver);
			this.wait.until((d) -> d.findElements(By.cssSelector("#pn-done")).size() == 1);
			this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1300));
			String group = "BuildingGroup:" + code;
			this.wait.until((d) -> boxes(d).contains(group));

			// 撤销 it (it has no members and no children), then 恢复 it from the confirmation
			openDetails(this.driver, branch, group);
			this.driver.findElement(By.cssSelector("#detailsBody .edit-dissolve")).click();
			ok(this.driver);
			this.wait.until((d) -> !boxes(d).contains(group));
			this.wait.until((d) -> d.findElement(By.cssSelector("#pn-done .pn-follow"))).click();
			this.wait.until((d) -> text(By.cssSelector("dialog h2")).startsWith("恢复"));
			ok(this.driver);
			this.wait.until((d) -> boxes(d).contains(group)
					&& d.findElements(By.cssSelector("#pn-done .pn-audit")).size() == 1);
		});
	}

	@Test
	void a_viewer_and_a_secretary_see_no_edit_controls() throws IOException {
		run("form-readers-failure.png", () -> {
			for (String account : List.of("viewer", "secretary")) {
				signIn(account);
				String committee = "CommunityCommittee:GZ-DJ-C01-SQDW";
				openDetails(this.driver, committee, committee);
				assertThat(this.driver.findElements(By.cssSelector("#detailsBody .pn-action"))).as(account).isEmpty();
				open("/reports/coverage?scope=Community:GZ-DJ-C01&metric=BUILDING_GROUP");
				assertThat(this.driver.findElements(By.cssSelector("#gaps a.pn-place"))).as(account).isNotEmpty();
				assertThat(this.driver.findElements(By.cssSelector("#gaps .pn-action"))).as(account).isEmpty();
				open("/reports/health?scope=Community:GZ-DJ-C01");
				assertThat(this.driver.findElements(By.cssSelector("#findings .pn-action, #terms .pn-action")))
					.as(account)
					.isEmpty();
			}
			screenshot("form-secretary-no-controls.png");
		});
	}

	// --- helpers ---------------------------------------------------------------------

	/** The org chart at a root, opened at a box with its details shown. */
	private void openDetails(WebDriver browser, String root, String box) {
		browser.get(baseUrl() + ORG_CHART.formatted(root, box));
		new WebDriverWait(browser, TIMEOUT).until((d) -> box.equals(js(d,
				"return document.getElementById('details').hidden ? null : document.getElementById('detailsBody').dataset.id;")));
		// the edit controls come after the details (an account read), for the
		// organization department
		new WebDriverWait(browser, TIMEOUT).until((d) -> Boolean.TRUE.equals(js(d,
				"return PNForms.editable().then(e => !e || !!document.querySelector('#detailsBody .pn-actions'));")));
	}

	/** Types part of a name into a picker and picks the match with that name. */
	private void pick(WebDriver browser, String field, String typed, String name) {
		WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
		WebElement input = wait.until((d) -> d.findElement(By.id("pn-field-" + field)));
		input.clear();
		input.sendKeys(typed);
		By option = By.xpath("//dialog//button[contains(@class,'pn-option')][b[text()='" + name + "']]");
		wait.until((d) -> d.findElements(option).size() > 0);
		browser.findElements(option).get(0).click();
		wait.until((d) -> d.findElement(By.cssSelector("dialog .pn-field[data-field='" + field + "'] .pn-chosen"))
			.getText()
			.contains(name));
	}

	/** 确定, once the form has read what it changes. */
	private void ok(WebDriver browser) {
		new WebDriverWait(browser, TIMEOUT)
			.until((d) -> d.findElement(By.cssSelector("dialog.pn-form[data-ready] .pn-ok")))
			.click();
	}

	private void type(WebDriver browser, String field, String text) {
		WebElement input = new WebDriverWait(browser, TIMEOUT).until((d) -> d.findElement(By.id("pn-field-" + field)));
		input.clear();
		if (!text.isEmpty()) {
			input.sendKeys(text);
		}
	}

	private String auditLink(WebDriver browser) {
		return new WebDriverWait(browser, TIMEOUT).until((d) -> d.findElement(By.cssSelector("#pn-done a.pn-audit")))
			.getAttribute("href");
	}

	@SuppressWarnings("unchecked")
	private static List<String> boxes(WebDriver browser) {
		return (List<String>) js(browser,
				"return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id);");
	}

	private static Object js(WebDriver browser, String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private void screenshotOf(WebDriver browser, String name) throws IOException {
		WebDriver first = this.driver;
		this.driver = browser;
		try {
			screenshot(name);
		}
		finally {
			this.driver = first;
		}
	}

	/** A second session, as BrowserTestSupport starts the first, signed in as orgdept. */
	private WebDriver secondBrowser() throws IOException {
		Path profile = Files.createTempDirectory("partynet-chromium-second-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1400,1300", "--lang=en-US",
				"--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
		browser.get(baseUrl() + "/login");
		browser.findElement(By.id("username")).sendKeys("orgdept");
		browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
		browser.findElement(By.id("sign-in")).click();
		new WebDriverWait(browser, TIMEOUT)
			.until((Function<WebDriver, Boolean>) (d) -> !d.getCurrentUrl().contains("/login"));
		return browser;
	}

}
