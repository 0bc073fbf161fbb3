package org.partynet.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import com.lowagie.text.pdf.PdfReader;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partynet.support.BrowserTestSupport;

/**
 * The coverage report page at {@code /reports/coverage} in a real headless Chromium, used
 * the way a user would: open a street, switch metrics, pick a community and a day in the
 * form, follow the download links, print. It renders ECharts served by the application
 * (nothing from the internet) and the known gaps of the sample network. Needs Debian's
 * {@code chromium} and {@code chromium-driver}; skipped when they are missing.
 * Screenshots (and the printed PDF) are kept in {@code target/screenshots/}.
 */
class CoveragePageBrowserTests extends BrowserTestSupport {

	private static final String STREET = "Street:GZ-DJ";

	private static final String COMMUNITY = "Community:GZ-DJ-C01";

	/**
	 * The texts of the chart's SVG, where ECharts writes the axis labels and the legend.
	 */
	private static final String CHART_TEXTS = """
			return Array.from(document.querySelectorAll('#chart svg text')).map(t => t.textContent);
			""";

	/** The codes (first column) of the gap table, without the "no gaps" row. */
	private static final String GAP_CODES = """
			return Array.from(document.querySelectorAll('#gaps tbody tr'))
			  .filter(r => r.cells.length > 1).map(r => r.cells[0].textContent);
			""";

	@Test
	void street_view_shows_the_figures_and_a_bar_per_community_without_internet() throws IOException {
		run("coverage-street-failure.png", () -> {
			open("/reports/coverage?scope=" + STREET);

			// 1. The street's name and its six figures.
			assertThat(text(By.id("title"))).isEqualTo("东街街道");
			assertThat(this.driver.findElements(By.cssSelector("#summary .card")))
				.extracting((card) -> card.getDomAttribute("data-metric"))
				.containsExactly("grid", "buildingGroup", "buildingHead", "commercial", "dualNet", "organization");
			assertThat(card("grid", "count")).isEqualTo("112 / 112");
			assertThat(card("grid", "ratio")).isEqualTo("100.0%");
			assertThat(card("commercial", "count")).isEqualTo("6 / 7");
			assertThat(card("commercial", "ratio")).isEqualTo("85.7%");
			assertThat(text(By.id("asOfLine"))).startsWith("截至 As of ");
			assertThat(this.driver.findElement(By.id("scope")).getDomProperty("value")).isEqualTo(STREET);

			// 2. The chart is drawn as SVG, with one bar label per community of the
			// street.
			List<String> communities = graphQl()
				.document("{ coverage(scope: \"" + STREET + "\") { breakdown { name } } }")
				.execute()
				.path("coverage.breakdown[*].name")
				.entityList(String.class)
				.get();
			assertThat(communities).hasSize(17).contains("青年社区", "丰乐社区");
			this.wait.until((d) -> stringList(CHART_TEXTS).containsAll(communities));
			assertThat(this.driver.findElements(By.cssSelector("#chart svg"))).isNotEmpty();
			assertThat(stringList(CHART_TEXTS)).contains("青年社区", "丰乐社区").containsAll(communities);

			// 3. Every script and stylesheet, and every resource actually fetched, is
			// same-origin (or inline, like the empty favicon): ECharts comes from the
			// application, not a CDN.
			assertThat(stringList("""
					return Array.from(document.querySelectorAll('script[src]')).map(e => e.getAttribute('src'))
					  .concat(Array.from(document.querySelectorAll('link[href]')).map(e => e.getAttribute('href')));
					""")).contains("/_static/echarts/6.0.0/dist/echarts.min.js")
				.allSatisfy((url) -> assertThat(url).satisfiesAnyOf((u) -> assertThat(u).startsWith("/"),
						(u) -> assertThat(u).startsWith(baseUrl() + "/"), (u) -> assertThat(u).startsWith("data:")));
			assertThat(stringList("return performance.getEntriesByType('resource').map(e => e.name);")).isNotEmpty()
				.allSatisfy((url) -> assertThat(url).startsWith(baseUrl() + "/"));
			assertThat(script("return typeof echarts === 'object' && echarts.version;")).isEqualTo("6.0.0");

			// 4. A screenshot as test output, and the printed page (A4) is a PDF of 1 to
			// 3 pages.
			waitForChartToSettle();
			assertThat(screenshot("coverage.png")).isNotEmptyFile();
			// The print stylesheet scales the chart to the page through its viewBox.
			assertThat(script("return document.querySelector('#chart svg').getAttribute('viewBox');")).isNotNull();
			printsOnOneToThreeA4Pages("coverage-street.pdf",
					List.of("东街街道", "Coveragereport", "Coveragebychildscope", "Gaps"));

			noSevereConsoleEntries();
		});
	}

	@Test
	void metric_button_lists_the_uncovered_market() throws IOException {
		run("coverage-commercial-failure.png", () -> {
			open("/reports/coverage?scope=" + STREET);
			assertThat(activeMetric()).isEqualTo(named(CoverageMetric.GRID));
			assertThat(gapCodes()).isEmpty();
			assertThat(text(By.cssSelector("#gaps tbody"))).contains("无缺口 No gaps");

			// The page re-renders on the click: wait for the new table, not for the old
			// one.
			rerender(() -> metricButton("商务楼宇与商圈市场覆盖").click());
			this.wait.until((d) -> gapCodes().contains("GZ-DJ-SC03"));

			assertThat(gapCodes()).containsExactly("GZ-DJ-SC03");
			assertThat(text(By.cssSelector("#gaps tbody"))).contains("长安小商品市场");
			assertThat(text(By.id("gapCount"))).isEqualTo("共 1 处 · 1 gaps");
			assertThat(activeMetric()).isEqualTo(named(CoverageMetric.COMMERCIAL));
			assertThat(this.driver.findElement(By.id("more")).isDisplayed()).isFalse();
			// The view is kept in the address, so it can be shared or reloaded.
			assertThat(this.driver.getCurrentUrl()).contains("metric=COMMERCIAL")
				.containsAnyOf("scope=Street%3AGZ-DJ", "scope=Street:GZ-DJ");
			// Still the street, still its figures.
			assertThat(text(By.id("title"))).isEqualTo("东街街道");
			assertThat(card("commercial", "count")).isEqualTo("6 / 7");

			// The whole network has the same single commercial gap.
			open("/reports/coverage?metric=COMMERCIAL");
			assertThat(text(By.id("title"))).isEqualTo("全网 Whole network");
			assertThat(activeMetric()).isEqualTo(named(CoverageMetric.COMMERCIAL));
			assertThat(gapCodes()).containsExactly("GZ-DJ-SC03");

			noSevereConsoleEntries();
		});
	}

	@Test
	void community_picked_in_the_form_lists_its_two_buildings_without_a_head() throws IOException {
		run("coverage-community-failure.png", () -> {
			open("/reports/coverage");
			assertThat(text(By.id("title"))).isEqualTo("全网 Whole network");
			assertThat(card("grid", "count")).isEqualTo("112 / 112");

			// Pick 青年社区 in the scope list and submit the form.
			Select scope = new Select(this.driver.findElement(By.id("scope")));
			scope.selectByVisibleText("青年社区");
			assertThat(scope.getFirstSelectedOption().getDomAttribute("value")).isEqualTo(COMMUNITY);
			rerender(() -> this.driver.findElement(By.cssSelector("#controls button[type=submit]")).click());
			this.wait.until(ExpectedConditions.textToBe(By.id("title"), "青年社区"));

			// Then the building-head metric.
			rerender(() -> metricButton("党员楼长覆盖").click());
			this.wait.until((d) -> gapCodes().size() == 2);
			assertThat(gapCodes()).containsExactly("GZ-DJ-C01-G03-B04", "GZ-DJ-C01-G05-B01");
			assertThat(text(By.id("gapCount"))).isEqualTo("共 2 处 · 2 gaps");
			assertThat(text(By.cssSelector("#gaps tbody"))).contains("青年社区");
			assertThat(activeMetric()).isEqualTo(named(CoverageMetric.BUILDING_HEAD));
			assertThat(this.driver.getCurrentUrl()).contains("metric=BUILDING_HEAD")
				.containsAnyOf("scope=Community%3AGZ-DJ-C01", "scope=Community:GZ-DJ-C01");

			// The downloads are for what is on the screen: the community.
			for (String id : List.of("xlsx", "pdf", "csv")) {
				assertThat(this.driver.findElement(By.id(id)).getDomProperty("href")).as(id)
					.startsWith(baseUrl() + "/reports/coverage." + id + "?")
					.containsAnyOf("scope=Community%3AGZ-DJ-C01", "scope=Community:GZ-DJ-C01");
			}

			// The community's chart has a bar per grid.
			this.wait.until((d) -> stringList(CHART_TEXTS).stream().anyMatch((t) -> t.contains("网格")));
			waitForChartToSettle();
			assertThat(screenshot("coverage-community.png")).isNotEmptyFile();

			noSevereConsoleEntries();
		});
	}

	@Test
	void an_earlier_day_typed_into_the_form_gives_that_days_figures() throws IOException {
		run("coverage-as-of-failure.png", () -> {
			open("/reports/coverage");
			WebElement asOf = this.driver.findElement(By.id("asOf"));
			typeDate(asOf, "2020", "06", "01");
			assertThat(asOf.getDomProperty("value")).isEqualTo("2020-06-01");
			rerender(() -> this.driver.findElement(By.cssSelector("#controls button[type=submit]")).click());
			this.wait.until(ExpectedConditions.textToBe(By.id("asOfLine"), "截至 As of 2020-06-01"));

			assertThat(card("grid", "count")).isEqualTo("107 / 110");
			assertThat(card("grid", "ratio")).isEqualTo("97.3%");
			assertThat(this.driver.findElement(By.id("xlsx")).getDomProperty("href")).contains("asOf=2020-06-01");
			assertThat(this.driver.getCurrentUrl()).contains("asOf=2020-06-01");
			this.wait.until((d) -> gapCodes().size() == 3);
			assertThat(gapCodes()).containsExactly("GZ-DJ-C17-G04", "GZ-DJ-C17-G05", "GZ-DJ-C17-G06");

			noSevereConsoleEntries();
		});
	}

	// --- helpers
	// ----------------------------------------------------------------------------------

	/** Waits until the chart's SVG stops changing (the bars grow in an animation). */
	private void waitForChartToSettle() {
		new WebDriverWait(this.driver, TIMEOUT, Duration.ofMillis(300)).until(new Function<WebDriver, Boolean>() {
			private String last;

			@Override
			public Boolean apply(WebDriver d) {
				String now = (String) script(
						"const s = document.querySelector('#chart svg'); return s ? s.outerHTML : '';");
				boolean same = !now.isEmpty() && now.equals(this.last);
				this.last = now;
				return same;
			}
		});
	}

	/**
	 * Types a day into a date input in the order the browser's locale shows its fields.
	 */
	private void typeDate(WebElement input, String year, String month, String day) {
		List<String> order = stringList("""
				return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2020, 5, 1))
				  .map(p => p.type).filter(t => t === 'year' || t === 'month' || t === 'day');
				""");
		StringBuilder keys = new StringBuilder();
		for (String part : order) {
			keys.append(switch (part) {
				case "year" -> year;
				case "month" -> month;
				default -> day;
			});
		}
		input.click();
		input.sendKeys(keys);
	}

	private String card(String metric, String part) {
		return text(By.cssSelector("#summary .card[data-metric='" + metric + "'] ." + part));
	}

	private WebElement metricButton(String chinese) {
		return this.driver.findElements(By.cssSelector("#metrics button"))
			.stream()
			.filter((button) -> button.getText().startsWith(chinese + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no metric button " + chinese));
	}

	/**
	 * A metric as its button reads: the names of the API's model ("网格覆盖 Grid coverage").
	 */
	private static String named(CoverageMetric metric) {
		return metric.chinese() + " " + metric.english();
	}

	private String activeMetric() {
		return text(By.cssSelector("#metrics button.active"));
	}

	private List<String> gapCodes() {
		return stringList(GAP_CODES);
	}

	/** Prints the page as the browser would on A4. */
	private void printsOnOneToThreeA4Pages(String name, List<String> expectedTexts) throws IOException {
		Pdf pdf = ((PrintsPage) this.driver).print(new PrintOptions().setPageSize(PageSize.ISO_A4));
		byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), bytes);
		assertThat(new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(bytes);
		try {
			assertThat(reader.getNumberOfPages()).as("printed pages").isBetween(1, 3);
			StringBuilder text = new StringBuilder();
			var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page));
			}
			// OpenPDF's extractor spaces out Chromium's text: compare without white
			// space.
			assertThat(text.toString().replaceAll("\\s+", "")).contains(expectedTexts);
		}
		finally {
			reader.close();
		}
	}

}
