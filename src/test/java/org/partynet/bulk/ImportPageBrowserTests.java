package org.partynet.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.partynet.support.BrowserTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload page in a real browser, on a Neo4j of its own: a dry run of a small workbook
 * shows the counts, the import writes it, and a broken workbook shows the error table.
 */
class ImportPageBrowserTests extends BrowserTestSupport {

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "import-page");
	}

	@Test
	void upload_a_workbook_then_a_broken_one() throws IOException {
		Path good = Files.createTempFile("partynet-page-", ".xlsx");
		Path bad = Files.createTempFile("partynet-page-bad-", ".xlsx");
		try {
			var network = ImportFixture.network("PG");
			Files.write(good, ImportFixture.xlsx(network));
			network.get("communities").get(0).put("street", "GZ-NOWHERE");
			network.get("streets").get(0).put("since", "2024-02-30");
			Files.write(bad, ImportFixture.xlsx(network));
			run("import-page-failure.png", () -> {
				this.driver.get(baseUrl() + "/import");
				this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
				assertThat(this.driver.findElement(By.cssSelector("a[href='/import/template.xlsx']")).isDisplayed())
					.isTrue();

				this.driver.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
				this.driver.findElement(By.id("dry-run")).click();
				this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
				assertThat(text(By.id("title"))).contains("Dry run");
				assertThat(text(By.id("created"))).isEqualTo(Integer.toString(ImportFixture.ROWS));

				this.driver.findElement(By.id("import")).click();
				this.wait.until(d -> text(By.id("title")).contains("Import result"));
				assertThat(text(By.id("created"))).isEqualTo(Integer.toString(ImportFixture.ROWS));
				screenshot("import-page.png");

				this.driver.findElement(By.id("file")).clear();
				this.driver.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
				this.driver.findElement(By.id("dry-run")).click();
				this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
				String errors = text(By.cssSelector("#errors tbody"));
				assertThat(errors).contains("街道 Streets", "起始日期 Since", "2024-02-30");
				assertThat(text(By.id("progress"))).contains("nothing was written");
				screenshot("import-page-errors.png");
				// the refused import's 400 is logged by the browser; nothing else may be
				assertThat(severeConsoleEntries())
					.allSatisfy(e -> assertThat(e.getMessage()).contains("/import?dryRun=true", "400"));
			});
		}
		finally {
			Files.deleteIfExists(good);
			Files.deleteIfExists(bad);
		}
	}

}
