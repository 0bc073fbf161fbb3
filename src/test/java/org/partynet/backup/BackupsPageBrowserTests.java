package org.partynet.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backups page {@code /admin/backups} (备份) in a real headless Chromium, at a
 * desktop's size and on a phone (390×844): the organization department backs up now, sees
 * the file listed with its size and downloads it, a whole backup of the network. Skipped
 * without {@code chromium}.
 */
class BackupsPageBrowserTests extends BrowserTestSupport {

	@Test
	void org_dept_backs_up_now_and_downloads_it_at_a_desktop() throws IOException {
		run("backups-desktop-failure.png", () -> backUpAndDownload("backups-desktop.png"));
	}

	@Test
	void org_dept_backs_up_now_and_downloads_it_on_a_phone() throws IOException {
		// a phone's size; the touch gestures of phone() are the org chart's and the
		// menu's
		// tests' (PhonePagesBrowserTests opens this page so too)
		this.driver.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
		run("backups-phone-failure.png", () -> {
			backUpAndDownload("backups-phone.png");
			assertThat(scrollsSideways()).as("scrolls sideways").isFalse();
			assertThat(((Number) script("return document.getElementById('back-up').getBoundingClientRect().height;"))
				.doubleValue()).isGreaterThanOrEqualTo(40);
		});
	}

	private void backUpAndDownload(String screenshot) throws IOException {
		open("/admin/backups");
		assertThat(text(By.id("schedule"))).contains("保留 Keeps").contains("目录 Directory").contains("已关闭 Off");
		this.driver.findElement(By.id("back-up")).click();
		this.wait.until((d) -> text(By.id("result")).startsWith("已备份"));
		assertThat(text(By.id("result"))).containsPattern("\\d+ 个节点 nodes");
		List<String> names = stringList(
				"return Array.from(document.querySelectorAll('#files tbody tr td:first-child')).map(td => td.textContent);");
		assertThat(names).isNotEmpty().allMatch(name -> Backups.NAME.matcher(name).matches());
		String newest = names.get(0);
		assertThat(text(By.id("result"))).contains(newest);
		screenshot(screenshot);
		this.driver.findElement(By.cssSelector("#files tbody tr:first-child a")).click();
		Path file = downloaded(newest);
		assertThat(BackupFile.read(file, entry -> {
		}).nodes()).isPositive();
		noSevereConsoleEntries();
	}

}
