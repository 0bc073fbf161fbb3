package org.partynet.security;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out in a real browser, and what each demo account then sees of the org
 * chart: the secretary lands on their own committee and cannot pick another, the viewer
 * sees posts without names.
 */
class SignInBrowserTests extends BrowserTestSupport {

	private static final String OWN = "CommunityCommittee:GZ-DJ-C01-SQDW";

	@Test
	void a_wrong_password_is_refused_and_a_secretary_sees_only_their_committee() throws IOException {
		run("sign-in-failure.png", () -> {
			this.driver.manage().deleteAllCookies();
			this.driver.get(baseUrl() + "/reports/coverage");
			assertThat(this.driver.getCurrentUrl()).endsWith("/login");
			this.driver.findElement(By.id("username")).sendKeys("secretary");
			this.driver.findElement(By.id("password")).sendKeys("wrong");
			this.driver.findElement(By.id("sign-in")).click();
			this.wait.until((d) -> d.getCurrentUrl().endsWith("/login?error"));
			assertThat(text(By.cssSelector(".error"))).contains("用户名或密码不正确");

			signIn("secretary");
			open("/org-chart");
			assertThat(boxes()).first().isEqualTo(OWN);
			assertThat(boxes()).allSatisfy((id) -> assertThat(id).contains("GZ-DJ-C01"));
			assertThat(boxText(OWN)).contains("青年社区党委", "书记 唐艳");
			List<String> roots = stringList(
					"return Array.from(document.querySelectorAll('#root option')).map(o => o.textContent);");
			assertThat(roots).containsExactly("青年社区党委");
			this.wait.until((d) -> !d.findElements(By.id("account")).isEmpty());
			assertThat(text(By.id("account"))).contains("secretary", "书记 Secretary", "青年社区党委");
			screenshot("org-chart-secretary.png");

			// another community by URL: the page says it may not be read
			this.driver.get(baseUrl() + "/org-chart?id=CommunityCommittee:GZ-DJ-C02-SQDW");
			this.wait.until((d) -> d.findElement(By.id("error")).isDisplayed());
			assertThat(text(By.id("error"))).contains("无权查看");

			// signing out, through the badge
			this.driver.get(baseUrl() + "/org-chart");
			this.wait.until((d) -> !d.findElements(By.cssSelector("#account a")).isEmpty());
			this.driver.findElement(By.cssSelector("#account a")).click();
			this.wait.until((d) -> !d.findElements(By.id("sign-out")).isEmpty());
			this.driver.findElement(By.id("sign-out")).click();
			this.wait.until((d) -> d.getCurrentUrl().endsWith("/login?logout"));
			this.driver.get(baseUrl() + "/org-chart");
			assertThat(this.driver.getCurrentUrl()).endsWith("/login");
		});
	}

	@Test
	void a_viewer_sees_the_posts_without_names() throws IOException {
		run("viewer-failure.png", () -> {
			signIn("viewer");
			open("/org-chart?id=" + OWN + "&depth=1");
			assertThat(boxText(OWN)).contains("青年社区党委", "（已隐藏 hidden）", "网格 7/7").doesNotContain("唐艳");
			screenshot("org-chart-viewer.png");
			noSevereConsoleEntries();
		});
	}

	private List<String> boxes() {
		return stringList("return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id);");
	}

	private String boxText(String id) {
		return (String) script("return Array.from(document.querySelector(`#viewport g.box[data-id='" + id
				+ "']`).querySelectorAll('text')).map(t => t.textContent).join(' ');");
	}

}
