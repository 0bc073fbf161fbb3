package org.partynet.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module every page loads ({@code /common/partynet.js}): one navigation with the
 * current page marked and the account, and the percent rule of the downloads (what a page
 * does when its session has gone: {@link NavigationBrowserTests}).
 */
class SharedModuleBrowserTests extends BrowserTestSupport {

	private static final Map<String, String> PAGES = Map.of("/", "/", "/org-chart", "/org-chart", "/reports/coverage",
			"/reports/coverage", "/reports/health", "/reports/health", "/reports/linkage", "/reports/linkage",
			"/reports/changes", "/reports/changes", "/import", "/import", "/graphiql", "/graphiql", "/admin/accounts",
			"/admin/accounts", "/admin/backups", "/admin/backups");

	private static final String NAV = """
			return Array.from(document.querySelectorAll('#pn-menu > a')).map(a => a.getAttribute('href')
			  + (a.getAttribute('aria-current') === 'page' ? ' (current)' : ''));
			""";

	@Test
	void every_page_has_the_one_navigation_with_itself_marked_and_the_account() throws IOException {
		run("shared-nav-failure.png", () -> {
			for (Map.Entry<String, String> page : PAGES.entrySet()) {
				this.driver.get(baseUrl() + page.getKey());
				this.wait.until((d) -> !d.findElements(By.id("account")).isEmpty());
				List<String> expected = new ArrayList<>();
				for (String path : List.of("/", "/org-chart", "/reports/coverage", "/reports/health",
						"/reports/linkage", "/reports/changes", "/import", "/graphiql", "/admin/accounts",
						"/admin/backups")) {
					expected.add(path.equals(page.getValue()) ? path + " (current)" : path);
				}
				assertThat(stringList(NAV)).as(page.getKey()).containsExactlyElementsOf(expected);
				assertThat(text(By.id("nav"))).as(page.getKey())
					.startsWith("工作台 · Desk · 组织架构图 · Org chart · 全覆盖 · Coverage");
				assertThat(text(By.id("account"))).as(page.getKey())
					.contains("orgdept", "组织部 Org. dept.", "退出 Sign out", "修改密码 Change password");
				assertThat(this.driver.findElement(By.id("change-password-link")).getDomAttribute("href"))
					.isEqualTo("/account/password");
			}
			noSevereConsoleEntries();
		});
	}

	/**
	 * The accounts and backups pages are in the navigation of the organization department
	 * only.
	 */
	@Test
	void the_accounts_page_is_in_the_navigation_of_the_organization_department_only() throws IOException {
		run("shared-nav-secretary-failure.png", () -> {
			for (String username : List.of("secretary", "viewer")) {
				signIn(username);
				this.driver.get(baseUrl() + "/reports/coverage");
				this.wait.until((d) -> !d.findElements(By.id("account")).isEmpty());
				assertThat(stringList(NAV)).as(username)
					.doesNotContain("/admin/accounts", "/admin/backups")
					.contains("/reports/coverage (current)");
				assertThat(text(By.id("account"))).as(username).contains("修改密码 Change password");
			}
		});
	}

	/**
	 * The page rounds as the CSV and the PDF do ({@code %.1f}, half up): 99.96 % is 100.0
	 * %.
	 */
	@Test
	void percentages_round_as_the_downloads_do() throws IOException {
		run("shared-percent-failure.png", () -> {
			open("/reports/coverage");
			List<Double> ratios = new ArrayList<>(List.of(0.9996, 0.9995, 0.99949, 0.12345, 0.0005, 0.00045, 0.0, 1.0));
			for (int total = 1; total <= 150; total++) {
				for (int covered = 0; covered <= total; covered++) {
					ratios.add((double) covered / total);
				}
			}
			List<String> server = ratios.stream().map((r) -> String.format(Locale.ROOT, "%.1f%%", r * 100)).toList();
			assertThat(stringList("return arguments[0].map(r => PN.percent(r));".replace("arguments[0]",
					ratios.stream().map(String::valueOf).toList().toString())))
				.containsExactlyElementsOf(server);
			assertThat(script("return PN.percent(0.9996) + ' ' + PN.percent(null) + ' ' + PN.percentValue(0.9996);"))
				.isEqualTo("100.0% – 100");
		});
	}

}
