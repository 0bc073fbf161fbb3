package org.partynet.account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.partynet.support.BrowserTestSupport;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 tried as a new user would, in a real browser and on a Neo4j of its own: the
 * organization department creates the accounts of every secretary of 东街街道 in one action
 * on {@code /admin/accounts} and gets their workbook; the secretary of 青年社区党委 signs in
 * with the one-time password from it, is made to change it, and reads exactly the subtree
 * of their committee; the organization department ends that post with {@code endRole},
 * and the same browser session reads nothing on its next request and is told why.
 */
class AccountJourneyBrowserTests extends BrowserTestSupport {

	private static final String COMMITTEE = "CommunityCommittee:GZ-DJ-C01-SQDW";

	/** The secretary of 青年社区党委; their user name is their code in lower case. */
	private static final String SECRETARY = "RY20001";

	private static final String NEW_PASSWORD = "Qingnian-Dangwei-2026";

	private static final String READ_ANOTHER = """
			const done = arguments[arguments.length - 1];
			PN.graphql('{ organization(id: "%s") { name } }')
			  .then(data => done(data.organization ? data.organization.name : 'null'), error => done('error: ' + error.message));
			""";

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "account-journey");
	}

	@Test
	void secretaries_get_accounts_in_one_action_and_read_what_their_posts_give_them() throws IOException {
		run("account-journey-failure.png", () -> {
			// 1. The organization department (signed in as orgdept) creates the accounts
			// of every secretary of 东街街道 at once.
			open("/admin/accounts");
			new Select(this.driver.findElement(By.id("batch-scope"))).selectByVisibleText("东街街道");
			click(By.id("batch-create"));
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-result")));
			Map<String, String> shown = new HashMap<>();
			stringList("""
					return Array.from(document.querySelectorAll('#batch-created tbody tr'))
					  .map(r => r.dataset.username + ' ' + r.querySelector('td.password').textContent.trim());
					""").forEach((line) -> shown.put(line.split(" ")[0], line.split(" ")[1]));
			assertThat(text(By.id("batch-summary"))).startsWith("已为东街街道创建 " + shown.size() + " 个书记账号");
			// the street's secretary, a community's, a grid branch's (17 + 17 + 46 + 3 at
			// least: the street's 3, each community's secretary and deputy, the branches'
			// secretaries but one vacant post)
			assertThat(shown).containsKeys("ry30001", "ry20001", "ry20002", "ry10101").hasSizeGreaterThanOrEqualTo(83);
			screenshot("account-journey-secretaries.png");

			// The workbook downloaded at once: the same user names and passwords.
			Path workbook = workbook();
			assertThat(workbook.getFileName().toString()).matches("书记账号-东街街道-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
			Map<String, String> handedOut = passwords(workbook);
			assertThat(handedOut).isEqualTo(shown);
			String oneTime = handedOut.get(SECRETARY.toLowerCase());

			// 2. Signed out; the secretary opens their committee's chart with the
			// one-time password and is made to change it first.
			signOut();
			this.driver.get(baseUrl() + "/org-chart?id=" + COMMITTEE + "&depth=1");
			this.wait.until((d) -> d.getCurrentUrl().contains("/login"));
			type(By.id("username"), SECRETARY.toLowerCase());
			type(By.id("password"), oneTime);
			click(By.id("sign-in"));
			this.wait.until((d) -> d.getCurrentUrl().contains("/account/password"));
			screenshot("account-journey-change-password.png");
			// nothing else opens until then
			this.driver.get(baseUrl() + "/org-chart");
			this.wait.until((d) -> d.getCurrentUrl().contains("/account/password"));
			type(By.id("current"), oneTime);
			type(By.id("password"), NEW_PASSWORD);
			type(By.id("repeat"), NEW_PASSWORD);
			click(By.id("change-password"));
			this.wait.until((d) -> !d.getCurrentUrl().contains("/account/password"));
			assertThat(this.driver.getCurrentUrl()).contains("/org-chart");

			// 3. Exactly their subtree: their committee in the chart and the picker, and
			// nothing of another community.
			open("/org-chart?id=" + COMMITTEE + "&depth=1");
			assertThat(stringList(
					"return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id);"))
				.isNotEmpty()
				.allSatisfy((id) -> assertThat(id).contains("GZ-DJ-C01"));
			assertThat(
					stringList("return Array.from(document.querySelectorAll('#root option')).map(o => o.textContent);"))
				.containsExactly("青年社区党委");
			this.wait.until((d) -> !d.findElements(By.id("account")).isEmpty());
			assertThat(text(By.id("account"))).contains(SECRETARY.toLowerCase(), "书记 Secretary", "青年社区党委");
			assertThat(this.driver.findElements(By.id("no-post"))).isEmpty();
			assertThat(readInBrowser(COMMITTEE)).isEqualTo("青年社区党委");
			assertThat(readInBrowser("CommunityCommittee:GZ-DJ-C02-SQDW")).satisfiesAnyOf(
					(answer) -> assertThat(answer).isEqualTo("null"),
					(answer) -> assertThat(answer).startsWith("error: "));
			screenshot("account-journey-secretary.png");

			// 4. The organization department ends the post, over HTTP Basic.
			int version = graphQl().document("{ person(code: \"" + SECRETARY + "\") { version } }")
				.execute()
				.path("person.version")
				.entity(Integer.class)
				.get();
			GraphQlTester.Response ended = graphQl().document("""
					mutation End($input: EndRoleInput!) {
					  endRole(input: $input) { changeId errors { code field message } }
					}""")
				.variable("input",
						Map.of("person", "Person:" + SECRETARY, "version", version, "organization", COMMITTEE, "role",
								"SECRETARY"))
				.execute();
			ended.path("endRole.errors").entityList(Object.class).hasSize(0);
			ended.path("endRole.changeId").hasValue();

			// 5. The same session's next request reads nothing, and the page says why.
			this.driver.navigate().refresh();
			this.wait.until((d) -> !d.findElements(By.id("no-post")).isEmpty());
			assertThat(text(By.id("no-post"))).startsWith("您目前未担任任何党组织的书记或副书记职务，因此没有可查看的数据");
			// and the chart's own request was refused with the server's reason, said once
			this.wait.until((d) -> d.findElement(By.id("error")).isDisplayed());
			String refused = text(By.id("error"));
			assertThat(refused.split("没有担任书记或副书记职务", -1)).as(refused).hasSize(2);
			assertThat(stringList(
					"return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id);"))
				.isEmpty();
			String own = readInBrowser(COMMITTEE);
			assertThat(own).satisfiesAnyOf((answer) -> assertThat(answer).isEqualTo("null"),
					(answer) -> assertThat(answer).startsWith("error: "));
			screenshot("account-journey-no-post.png");
		});
	}

	/** The workbook the page downloaded. */
	private Path workbook() throws IOException {
		this.wait.until((d) -> found().isPresent());
		return found().get();
	}

	private java.util.Optional<Path> found() {
		try (Stream<Path> files = Files.list(this.downloads)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("书记账号-"))
				.filter((file) -> file.getFileName().toString().endsWith(".xlsx"))
				.filter((file) -> !Files.exists(file.resolveSibling(file.getFileName() + ".crdownload")))
				.findFirst();
		}
		catch (IOException ex) {
			return java.util.Optional.empty();
		}
	}

	/** 用户名 → 一次性密码 of the workbook's first sheet, below its header row. */
	private static Map<String, String> passwords(Path file) throws IOException {
		DataFormatter formatter = new DataFormatter();
		Map<String, String> passwords = new HashMap<>();
		try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			int username = -1;
			int password = -1;
			for (Row row : sheet) {
				if (username < 0) {
					for (Cell cell : row) {
						String header = formatter.formatCellValue(cell);
						if (header.startsWith("用户名")) {
							username = cell.getColumnIndex();
						}
						else if (header.startsWith("一次性密码")) {
							password = cell.getColumnIndex();
						}
					}
					continue;
				}
				String name = formatter.formatCellValue(row.getCell(username)).trim();
				if (!name.isEmpty()) {
					passwords.put(name, formatter.formatCellValue(row.getCell(password)).trim());
				}
			}
			assertThat(password).as("一次性密码 column").isNotNegative();
		}
		return passwords;
	}

	/**
	 * What the signed-in page reads of an organization: its name, "null" or the error.
	 */
	private String readInBrowser(String id) {
		return (String) ((JavascriptExecutor) this.driver).executeAsyncScript(READ_ANOTHER.formatted(id));
	}

	private void signOut() {
		this.driver.get(baseUrl() + "/logout");
		click(By.id("sign-out"));
		this.wait.until((d) -> d.getCurrentUrl().endsWith("/login?logout"));
	}

	private void click(By by) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private void type(By by, String value) {
		WebElement input = this.driver.findElement(by);
		input.clear();
		input.sendKeys(value);
	}

}
