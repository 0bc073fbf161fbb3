package org.partynet.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partynet.support.HarnessTestSupport;

/**
 * The GraphQL explorer at {@code /graphiql} in a real headless Chromium: it renders from the
 * WebJars served by the application (nothing from the internet) and runs its first example query
 * against the sample network. Needs Debian's {@code chromium} and {@code chromium-driver}; skipped
 * when they are missing. A screenshot is kept in {@code target/screenshots/}.
 */
class ExplorerBrowserTests extends HarnessTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The text of the query editor, or else of the response pane (CodeMirror 5 in GraphiQL 2.x). */
	private static final String EDITOR_TEXT = """
			const pane = document.querySelector(arguments[0]);
			if (!pane) { return null; }
			const cm = pane.querySelector('.CodeMirror');
			return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : pane.textContent;
			""";

	private Path userDataDir;

	private ChromeDriverService service;

	private WebDriver driver;

	@BeforeEach
	void startChromium() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"chromium/chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
						+ "); .ci/run installs them (apt-get install chromium chromium-driver)");
		this.userDataDir = Files.createTempDirectory("partynet-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--disable-quic", "--window-size=1400,900",
				"--user-data-dir=" + this.userDataDir.toAbsolutePath());
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		// An explicit driver executable: Selenium Manager never runs, so nothing is downloaded.
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(this.service, options);
		this.driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
	}

	@AfterEach
	void quitChromium() throws IOException {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			if (this.service != null) {
				this.service.stop();
			}
			if (this.userDataDir != null) {
				deleteRecursively(this.userDataDir);
			}
		}
	}

	@Test
	void explorer_runs_the_example_query_without_internet() throws IOException {
		try {
			this.driver.get(baseUrl() + "/graphiql");
			WebDriverWait wait = new WebDriverWait(this.driver, TIMEOUT);

			// 1. GraphiQL has rendered, with the NetworkStats example in the query editor.
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
			wait.until((d) -> contains(paneText(".graphiql-query-editor"), "networkStats"));
			assertThat(paneText(".graphiql-query-editor")).contains("query NetworkStats");

			// 2. Every script and stylesheet, and every resource actually fetched, is same-origin
			// (or inline, like the empty favicon).
			assertThat(stringList("""
					return Array.from(document.querySelectorAll('script[src]')).map(e => e.getAttribute('src'))
					  .concat(Array.from(document.querySelectorAll('link[href]')).map(e => e.getAttribute('href')));
					""")).isNotEmpty().allSatisfy((url) -> assertThat(url).satisfiesAnyOf(
							(u) -> assertThat(u).startsWith("/"), (u) -> assertThat(u).startsWith(baseUrl() + "/"),
							(u) -> assertThat(u).startsWith("data:")));
			assertThat(stringList("return performance.getEntriesByType('resource').map(e => e.name);"))
				.allSatisfy((url) -> assertThat(url).startsWith(baseUrl() + "/"));

			// 3. Run the example and wait for the counts of the sample network.
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();
			wait.until((d) -> contains(paneText(".graphiql-response"), "\"grids\": 112"));
			assertThat(paneText(".graphiql-response")).contains("\"gridBranches\": 47").doesNotContain("\"errors\"");

			// 4. Keep a screenshot as test output.
			Path screenshot = screenshot("graphiql.png");
			assertThat(screenshot).isNotEmptyFile();

			// 5. Nothing went wrong in the browser console (when the driver can report it).
			List<LogEntry> severe = severeConsoleEntries();
			if (severe != null) {
				assertThat(severe).as("SEVERE browser console entries").isEmpty();
			}
		}
		catch (RuntimeException | Error ex) {
			try {
				screenshot("graphiql-failure.png");
			}
			catch (RuntimeException | IOException ignored) {
				ex.addSuppressed(ignored);
			}
			throw ex;
		}
	}

	private String paneText(String selector) {
		Object text = ((JavascriptExecutor) this.driver).executeScript(EDITOR_TEXT, selector);
		return (text != null) ? text.toString() : "";
	}

	private static boolean contains(String text, String expected) {
		return text.contains(expected);
	}

	@SuppressWarnings("unchecked")
	private List<String> stringList(String script) {
		return (List<String>) ((JavascriptExecutor) this.driver).executeScript(script);
	}

	private Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File taken = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Path target = SCREENSHOTS.resolve(name);
		Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/** The SEVERE browser console entries, or {@code null} when the logs API is unsupported. */
	private List<LogEntry> severeConsoleEntries() {
		try {
			return this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
				.toList();
		}
		catch (WebDriverException | UnsupportedOperationException ex) {
			return null;
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
