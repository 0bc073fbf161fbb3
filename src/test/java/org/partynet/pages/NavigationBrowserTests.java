package org.partynet.pages;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding one's way: the navigation offers each role only the pages it can use, with the
 * desk first; breadcrumbs lead from the top down on the org chart and the reports; an
 * expired session goes through the login form and back to the very URL; a refused or
 * unknown page says so in Chinese and leads back to the desk.
 */
class NavigationBrowserTests extends BrowserTestSupport {

	private static final String NAV = """
			return Array.from(document.querySelectorAll('#pn-menu > a')).map(a => a.getAttribute('href'));
			""";

	private static final String CRUMB_LINKS = """
			return Array.from(document.querySelectorAll('#crumbs a')).map(a => a.getAttribute('href'));
			""";

	/** The pages each demo account is offered, in the navigation's order. */
	static final Map<String, List<String>> PAGES = Map.of("orgdept",
			List.of("/", "/org-chart", "/reports/coverage", "/reports/health", "/reports/linkage", "/reports/changes",
					"/import", "/graphiql", "/admin/accounts", "/admin/backups"),
			"secretary",
			List.of("/", "/org-chart", "/reports/coverage", "/reports/health", "/reports/linkage", "/reports/changes",
					"/graphiql"),
			"viewer",
			List.of("/", "/org-chart", "/reports/coverage", "/reports/health", "/reports/linkage", "/graphiql"));

	/** Pages that set no render flag, and what shows they have rendered. */
	private static final Map<String, String> UNFLAGGED = Map.of("/graphiql", ".graphiql-container", "/import", "#file");

	@Test
	void each_role_is_offered_only_the_pages_it_can_use_with_the_desk_first() throws IOException {
		run("navigation-roles-failure.png", () -> {
			for (Map.Entry<String, List<String>> role : PAGES.entrySet()) {
				signIn(role.getKey());
				open("/");
				this.wait.until((d) -> !d.findElements(By.id("account")).isEmpty());
				assertThat(stringList(NAV)).as(role.getKey()).containsExactlyElementsOf(role.getValue());
				assertThat(text(By.id("nav"))).as(role.getKey()).startsWith("工作台 · Desk · 组织架构图 · Org chart");
				assertThat(this.driver.findElement(By.cssSelector("#pn-menu > a[aria-current=page]"))
					.getDomAttribute("href")).isEqualTo("/");
				// every page offered opens and renders for this role: no refusal, no
				// error
				for (String path : role.getValue()) {
					if (UNFLAGGED.containsKey(path)) {
						// pages that set no render flag: their own content
						this.driver.get(baseUrl() + path);
						this.wait
							.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(UNFLAGGED.get(path))));
					}
					else {
						open(path);
					}
					assertThat(this.driver.findElements(By.id("problem"))).as(role.getKey() + " " + path).isEmpty();
					assertThat(script("return document.body.dataset.loaded || ''")).as(role.getKey() + " " + path)
						.isNotEqualTo("denied");
					this.wait
						.until((d) -> !d.findElements(By.cssSelector("#pn-menu > a[aria-current=page]")).isEmpty());
					assertThat(this.driver.findElement(By.cssSelector("#pn-menu > a[aria-current=page]"))
						.getDomAttribute("href")).as(role.getKey() + " " + path).isEqualTo(path);
				}
			}
			noSevereConsoleEntries();
		});
	}

	@Test
	void breadcrumbs_lead_from_the_top_down_on_the_org_chart_and_the_reports() throws IOException {
		run("navigation-crumbs-failure.png", () -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> branch = graphQl()
				.document("{ organization(id: \"GridBranch:GZ-DJ-C01-ZB01\") { name ancestors { id name } } }")
				.execute()
				.path("organization")
				.entity(Map.class)
				.get();
			open("/org-chart?id=GridBranch:GZ-DJ-C01-ZB01");
			assertThat(text(By.id("crumbs"))).isEqualTo("东街街道党工委 / 青年社区党委 / " + branch.get("name"));
			assertThat(stringList(CRUMB_LINKS)).containsExactly("/org-chart?id=StreetWorkingCommittee%3AGZ-DJ-DGW",
					"/org-chart?id=CommunityCommittee%3AGZ-DJ-C01-SQDW");
			assertThat(text(By.cssSelector("#crumbs [aria-current=location]"))).isEqualTo(branch.get("name"));
			screenshot("navigation-crumbs-org-chart.png");

			// a step up is that organization's chart, with its own way down
			rerender(() -> this.driver.findElement(By.linkText("青年社区党委")).click());
			assertThat(this.driver.getCurrentUrl()).contains("id=CommunityCommittee%3AGZ-DJ-C01-SQDW");
			assertThat(text(By.id("crumbs"))).isEqualTo("东街街道党工委 / 青年社区党委");

			// a report: its scope from the district down, each step the same report there
			open("/reports/coverage?scope=Community:GZ-DJ-C01&metric=BUILDING_HEAD");
			this.wait.until((d) -> text(By.id("crumbs")).equals("甘州区 / 东街街道 / 青年社区"));
			assertThat(stringList(CRUMB_LINKS)).containsExactly("/reports/coverage?scope=District%3AGZ",
					"/reports/coverage?scope=Street%3AGZ-DJ");
			rerender(() -> this.driver.findElement(By.linkText("东街街道")).click());
			this.wait.until((d) -> text(By.id("crumbs")).equals("甘州区 / 东街街道"));
			assertThat(text(By.id("title"))).contains("东街街道");
			noSevereConsoleEntries();
		});
	}

	@Test
	void an_expired_session_goes_to_the_login_form_and_back_to_the_very_same_url() throws IOException {
		run("navigation-session-failure.png", () -> {
			open("/reports/coverage?scope=Community:GZ-DJ-C01&metric=BUILDING_HEAD");
			String where = this.driver.getCurrentUrl();
			assertThat(URI.create(where).getQuery()).isEqualTo("scope=Community:GZ-DJ-C01&metric=BUILDING_HEAD");
			String title = text(By.id("title"));

			// the session ends (its cookie is gone), then the page asks the API again
			Cookie session = this.driver.manage().getCookieNamed("JSESSIONID");
			assertThat(session).isNotNull();
			this.driver.manage().deleteCookieNamed("JSESSIONID");
			this.driver.findElement(By.cssSelector("#controls button[type=submit]")).click();
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-expired")));
			assertThat(text(By.id("session-expired"))).startsWith("登录已过期");
			// without a click: the login form
			this.wait.until((d) -> URI.create(d.getCurrentUrl()).getPath().equals("/login"));
			screenshot("navigation-session-login.png");

			this.driver.findElement(By.id("username")).sendKeys("orgdept");
			this.driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
			this.driver.findElement(By.id("sign-in")).click();
			this.wait.until((d) -> !URI.create(d.getCurrentUrl()).getPath().equals("/login"));
			// exactly where they were, query and all, and the page renders again
			assertThat(this.driver.getCurrentUrl()).isEqualTo(where);
			waitForRender();
			assertThat(text(By.id("title"))).isEqualTo(title);
			assertThat(URI.create(this.driver.getCurrentUrl()).getQuery())
				.isEqualTo("scope=Community:GZ-DJ-C01&metric=BUILDING_HEAD");
			assertThat(this.driver.findElements(By.id("session-expired"))).isEmpty();
		});
	}

	@Test
	void a_refused_or_unknown_page_says_so_in_chinese_and_leads_to_the_desk() throws IOException {
		run("navigation-errors-failure.png", () -> {
			signIn("viewer");
			this.driver.get(baseUrl() + "/import");
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
			assertThat(this.driver.getTitle()).startsWith("无权访问");
			assertThat(this.driver.findElement(By.id("problem")).getDomAttribute("data-status")).isEqualTo("403");
			assertThat(text(By.id("problem"))).startsWith("您的账号不能使用这个页面").contains("区委组织部");
			assertThat(this.driver.findElement(By.id("to-desk")).getDomAttribute("href")).isEqualTo("/");
			this.wait.until((d) -> !d.findElements(By.id("account")).isEmpty());
			assertThat(stringList(NAV)).doesNotContain("/import");
			screenshot("navigation-403.png");

			this.driver.get(baseUrl() + "/no-such-page");
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
			assertThat(this.driver.getTitle()).startsWith("找不到页面");
			assertThat(this.driver.findElement(By.id("problem")).getDomAttribute("data-status")).isEqualTo("404");
			assertThat(text(By.id("problem"))).startsWith("没有这个页面");
			screenshot("navigation-404.png");
			rerender(() -> this.driver.findElement(By.id("to-desk")).click());
			assertThat(URI.create(this.driver.getCurrentUrl()).getPath()).isEqualTo("/");
			// the browser logs the two statuses themselves, and nothing else
			assertThat(severeConsoleEntries()).allSatisfy((entry) -> assertThat(entry.getMessage())
				.containsAnyOf("/import - Failed to load resource", "/no-such-page - Failed to load resource"));
		});
	}

}
