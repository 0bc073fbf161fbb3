package org.partynet.account;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.partynet.support.BrowserTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts page {@code /admin/accounts} (账号管理) in a real headless Chromium, at a
 * desktop's size and a phone's (390×844), on a Neo4j of its own (it writes accounts): the
 * organization department creates an account for a person picked by name, sees its
 * one-time password once, disables and enables it, resets its password and changes its
 * role; a duplicate user name is refused next to its field; the secretaries' accounts of
 * a community download as a workbook; a secretary and a viewer see why there is nothing
 * for them. Skipped without {@code chromium}.
 */
class AccountsPageBrowserTests extends BrowserTestSupport {

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "accounts-page");
	}

	@Test
	void org_dept_manages_an_account_at_a_desktop() throws IOException {
		run("accounts-desktop-failure.png", () -> manage("page-desktop", "RY20021", "南关社区党委", "accounts-desktop"));
	}

	@Test
	void org_dept_manages_an_account_on_a_phone() throws IOException {
		this.driver.manage().window().setSize(new Dimension(390, 844));
		run("accounts-phone-failure.png", () -> {
			manage("page-phone", "RY20031", "劳动社区党委", "accounts-phone");
			noHorizontalScroll();

			// The secretaries of 青年社区 in one action, on the phone: the list of what was
			// created, the workbook downloaded.
			click(By.id("batch-create"));
			assertThat(fieldError("#batch", "scope")).startsWith("请选择范围");
			new Select(this.driver.findElement(By.id("batch-scope"))).selectByValue("Community:GZ-DJ-C01");
			click(By.id("batch-create"));
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-result")));
			List<String> created = stringList(
					"return Array.from(document.querySelectorAll('#batch-created tbody tr')).map(r => r.dataset.username);");
			assertThat(created).contains("ry20001", "ry20002", "ry10101");
			assertThat(text(By.id("batch-summary"))).startsWith("已为青年社区创建 " + created.size() + " 个书记账号");
			assertThat(text(By.id("batch-warning"))).contains("只显示这一次");
			assertThat(this.driver.findElement(By.id("batch-workbook")).getDomAttribute("download"))
				.matches("书记账号-青年社区-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
			downloaded(this.driver.findElement(By.id("batch-workbook")).getDomAttribute("download"));
			noHorizontalScroll();
			((JavascriptExecutor) this.driver)
				.executeScript("document.getElementById('batch-result').scrollIntoView({block: 'start'});");
			screenshot("accounts-phone-secretaries.png");

			// Again: every secretary has an account now.
			click(By.id("batch-create"));
			this.wait.until((d) -> d.findElement(By.cssSelector("#batch .field-error[data-for='scope']"))
				.getText()
				.contains("都已有账号"));
			assertThat(this.driver.findElement(By.id("batch-created")).isDisplayed()).isFalse();
			noSevereConsoleEntries();
		});
	}

	@Test
	void a_secretary_and_a_viewer_are_told_the_page_is_the_organization_departments() throws IOException {
		this.driver.manage().window().setSize(new Dimension(390, 844));
		run("accounts-denied-failure.png", () -> {
			for (String username : List.of("secretary", "viewer")) {
				signIn(username);
				open("/admin/accounts");
				assertThat(script("return document.body.dataset.loaded;")).isEqualTo("denied");
				assertThat(text(By.id("denied"))).startsWith("无权管理账号").contains("只有区委组织部的账号可以管理账号");
				assertThat(this.driver.findElement(By.id("admin")).isDisplayed()).isFalse();
				assertThat(this.driver.findElements(By.cssSelector("button[data-action]"))).isEmpty();
				assertThat(stringList(
						"return Array.from(document.querySelectorAll('#pn-menu > a')).map(a => a.getAttribute('href'));"))
					.doesNotContain("/admin/accounts");
				noHorizontalScroll();
				screenshot("accounts-denied-" + username + ".png");
				// the server refuses the data anyway
				Map<String, Object> answer = post(username, "{ accounts { totalCount } }");
				assertThat(answer.get("errors")).as(username).isNotNull();
			}
			noSevereConsoleEntries();
		});
	}

	/**
	 * Creates the account {@code username} for the person of that code, found by name,
	 * then tries every row action on it.
	 */
	private void manage(String username, String personCode, String organization, String screenshots)
			throws IOException {
		String name = personName(personCode);
		open("/admin/accounts");
		assertThat(this.driver.findElement(By.id("admin")).isDisplayed()).isTrue();
		assertThat(String.valueOf(script("return document.getElementById('pn-menu').textContent;")))
			.contains("账号管理 · Accounts");

		// 1. A new account: user name, role, the person picked by name (the hit shows
		// the organization and code).
		type(By.id("new-username"), username);
		new Select(this.driver.findElement(By.id("new-role"))).selectByValue("SECRETARY");
		type(By.id("person-search"), name);
		By hit = By.cssSelector("#person-hits button.hit[data-code='" + personCode + "']");
		this.wait.until(ExpectedConditions.elementToBeClickable(hit));
		assertThat(text(hit)).contains(name, organization, personCode);
		screenshot(screenshots + "-person.png");
		click(hit);
		assertThat(text(By.id("person-chosen"))).contains(name, organization, personCode);
		click(By.id("create-account"));
		String first = oneTimePassword(username, screenshots + "-password.png");
		assertThat(cells(username)).containsExactly(username, name + " " + personCode, "书记 Secretary", organization,
				"启用 Enabled", "是 Yes", "从未 Never");
		assertThat(text(By.id("count"))).startsWith("共 ");

		// 2. The same user name again is refused next to the field, nothing created.
		type(By.id("new-username"), username);
		new Select(this.driver.findElement(By.id("new-role"))).selectByValue("VIEWER");
		click(By.id("create-account"));
		String duplicate = fieldError("#create", "username");
		assertThat(duplicate).containsPattern("\\p{IsHan}");
		assertThat(this.driver.findElement(By.id("password-dialog")).isDisplayed()).isFalse();
		screenshot(screenshots + "-duplicate.png");
		// editing the field takes the error away
		this.driver.findElement(By.id("new-username")).sendKeys("-2");
		this.wait.until(ExpectedConditions
			.invisibilityOfElementLocated(By.cssSelector("#create .field-error[data-for='username']")));
		type(By.id("new-username"), "");

		// 3. Disabled, then enabled again.
		rowAction(username, "disable");
		this.wait.until((d) -> cells(username).get(4).equals("已停用 Disabled"));
		assertThat(this.driver.findElements(rowButton(username, "disable"))).isEmpty();
		screenshot(screenshots + "-disabled.png");
		rowAction(username, "enable");
		this.wait.until((d) -> cells(username).get(4).equals("启用 Enabled"));

		// 4. A new one-time password.
		rowAction(username, "reset");
		String second = oneTimePassword(username, screenshots + "-reset.png");
		assertThat(second).isNotEqualTo(first);
		assertThat(cells(username).get(5)).isEqualTo("是 Yes");

		// 5. Another role.
		rowAction(username, "role");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("role-dialog")));
		assertThat(new Select(this.driver.findElement(By.id("role-select"))).getFirstSelectedOption()
			.getDomAttribute("value")).isEqualTo("SECRETARY");
		new Select(this.driver.findElement(By.id("role-select"))).selectByValue("VIEWER");
		screenshot(screenshots + "-role.png");
		click(By.id("role-confirm"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("role-dialog")));
		this.wait.until((d) -> cells(username).get(2).equals("查看 Viewer"));

		// 6. The list searched for it.
		type(By.id("search"), username);
		rerender(() -> this.driver.findElement(By.cssSelector("#filter button[type=submit]")).click());
		assertThat(stringList(
				"return Array.from(document.querySelectorAll('#accounts tr.account-row')).map(r => r.dataset.username);"))
			.containsExactly(username);
		assertThat(text(By.id("count"))).startsWith("共 1 个账号");
		screenshot(screenshots + ".png");
	}

	/** The one-time password of the dialog, which is then closed and forgets it. */
	private String oneTimePassword(String username, String screenshot) throws IOException {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-dialog")));
		assertThat(text(By.id("password-for"))).contains(username);
		assertThat(text(By.cssSelector("#password-dialog .warning"))).startsWith("此密码只显示这一次");
		String password = this.driver.findElement(By.id("one-time-password")).getDomProperty("value");
		assertThat(password).isNotBlank();
		click(By.id("copy-password"));
		this.wait.until((d) -> !text(By.id("copied")).isEmpty());
		screenshot(screenshot);
		click(By.id("close-password"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("password-dialog")));
		assertThat(this.driver.findElement(By.id("one-time-password")).getDomProperty("value")).isEmpty();
		return password;
	}

	private String personName(String code) {
		return graphQl().document("query($code: String) { person(code: $code) { name } }")
			.variable("code", code)
			.execute()
			.path("person.name")
			.entity(String.class)
			.get();
	}

	private List<String> cells(String username) {
		return stringList("""
				const row = document.querySelector(`#accounts tr[data-username="%s"]`);
				return row ? Array.from(row.cells).slice(0, 7).map(c => c.textContent.trim()) : [];
				""".formatted(username));
	}

	private By rowButton(String username, String action) {
		return By.cssSelector("#accounts tr[data-username='" + username + "'] button[data-action='" + action + "']");
	}

	private void rowAction(String username, String action) {
		click(rowButton(username, action));
	}

	private String fieldError(String form, String field) {
		By error = By.cssSelector(form + " .field-error[data-for='" + field + "']");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(error));
		return text(error);
	}

	private void click(By by) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private void type(By by, String value) {
		WebElement input = this.driver.findElement(by);
		input.clear();
		if (!value.isEmpty()) {
			input.sendKeys(value);
		}
	}

	private void noHorizontalScroll() {
		assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
			.as("the page scrolls sideways")
			.isEqualTo(true);
	}

}
