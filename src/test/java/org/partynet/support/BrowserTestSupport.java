package org.partynet.support;

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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), against the application of {@link HarnessTestSupport};
 * skipped with a message when they are missing. Screenshots are kept in
 * {@code target/screenshots/}.
 */
public abstract class BrowserTestSupport extends HarnessTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	protected static final Path SCREENSHOTS = Path.of("target", "screenshots");

	protected static final Duration TIMEOUT = Duration.ofSeconds(30);

	private Path userDataDir;

	/** Where the browser saves downloads (a fresh folder per test). */
	protected Path downloads;

	private ChromeDriverService service;

	protected WebDriver driver;

	protected WebDriverWait wait;

	@BeforeEach
	void startChromium() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"chromium/chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
						+ "); .ci/run installs them (apt-get install chromium chromium-driver)");
		this.userDataDir = Files.createTempDirectory("partynet-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// A tall window, so that a screenshot shows a whole report; a fixed language, so
		// that date inputs take the same format everywhere.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1400,1300", "--lang=en-US",
				"--user-data-dir=" + this.userDataDir.toAbsolutePath());
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		Files.createDirectories(Path.of("target"));
		this.downloads = Files.createTempDirectory(Path.of("target"), "downloads-").toAbsolutePath();
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", this.downloads.toString(), "download.prompt_for_download", false));
		// An explicit driver executable: Selenium Manager never runs, so nothing is
		// downloaded.
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(this.service, options);
		this.driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
		this.wait = new WebDriverWait(this.driver, TIMEOUT);
		signIn("orgdept");
	}

	/** Signs in through the login form, as a user would; every page needs an account. */
	protected void signIn(String username) {
		this.driver.manage().deleteAllCookies();
		this.driver.get(baseUrl() + "/login");
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
		try {
			this.driver.findElement(By.id("sign-in")).click();
		}
		catch (TimeoutException ex) {
			// On a loaded machine chromedriver may give up waiting for the renderer while
			// the form's navigation is still under way; the wait below sees it finish.
		}
		this.wait.until((d) -> !d.getCurrentUrl().contains("/login"));
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
				try (Stream<Path> paths = Files.walk(this.userDataDir)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
		}
	}

	/** The phone of the pages' tests: 390 × 844 CSS pixels. */
	protected static final int PHONE_WIDTH = 390;

	protected static final int PHONE_HEIGHT = 844;

	/**
	 * From now on the browser is a phone, as Chromium's device mode makes it: a 390 × 844
	 * viewport at three device pixels per CSS pixel, a mobile viewport (the page's
	 * {@code <meta name="viewport">} applies) and touch events instead of the mouse
	 * ({@code pointer: coarse}, {@code ontouchstart}). Pages opened after this see a
	 * phone.
	 */
	protected void phone() {
		ChromeDriver chrome = (ChromeDriver) this.driver;
		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 3, "mobile", true));
		chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
		chrome.executeCdpCommand("Emulation.setEmitTouchEventsForMouse",
				Map.of("enabled", true, "configuration", "mobile"));
	}

	/**
	 * A touch gesture, as a finger makes it: {@code Input.dispatchTouchEvent} with the
	 * points of each step (CSS pixels of the viewport), from the first touch to the
	 * release. Each step is a list of {@code [x, y]} points, one per finger.
	 */
	protected void touch(List<List<double[]>> steps) {
		ChromeDriver chrome = (ChromeDriver) this.driver;
		for (int i = 0; i < steps.size(); i++) {
			String type = (i == 0) ? "touchStart" : "touchMove";
			chrome.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints",
					steps.get(i).stream().map((p) -> Map.of("x", p[0], "y", p[1])).toList()));
		}
		chrome.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
	}

	/** A tap with one finger at a point of the viewport (CSS pixels). */
	protected void tap(double x, double y) {
		touch(List.of(List.of(new double[] { x, y })));
	}

	/** Whether the page scrolls sideways: its content is wider than the viewport. */
	protected boolean scrollsSideways() {
		return Boolean.TRUE.equals(script("""
				const root = document.scrollingElement || document.documentElement;
				return root.scrollWidth > window.innerWidth + 1 || document.body.scrollWidth > window.innerWidth + 1;
				"""));
	}

	/** Waits for a download of that name to be complete, and returns it. */
	protected Path downloaded(String name) {
		Path file = this.downloads.resolve(name);
		this.wait
			.until((d) -> Files.isRegularFile(file) && !Files.exists(this.downloads.resolve(name + ".crdownload")));
		return file;
	}

	/** Opens a page of the application and waits for its first render. */
	protected void open(String path) {
		this.driver.get(baseUrl() + path);
		waitForRender();
	}

	/**
	 * Does something that makes the page fetch and render again, and waits for that
	 * render. The flag is cleared here first, so that the wait cannot see the previous
	 * render's flag even before the page's own script clears it.
	 */
	protected void rerender(Runnable action) {
		script("delete document.body.dataset.loaded;");
		action.run();
		waitForRender();
	}

	/**
	 * Waits for the page to set {@code body[data-loaded]} after it rendered, or to show
	 * {@code #error}, and fails on the latter.
	 */
	protected void waitForRender() {
		this.wait.until((d) -> Boolean.TRUE.equals(script("""
				return !!document.body.dataset.loaded || !document.getElementById('error').hidden;
				""")));
		WebElement error = this.driver.findElement(By.id("error"));
		assertThat(error.isDisplayed()).as("#error shown: %s", error.getText()).isFalse();
	}

	protected String text(By by) {
		return this.driver.findElement(by).getText().trim();
	}

	protected Object script(String script) {
		return ((JavascriptExecutor) this.driver).executeScript(script);
	}

	@SuppressWarnings("unchecked")
	protected List<String> stringList(String script) {
		return (List<String>) script(script);
	}

	/** Runs a test, keeping a screenshot of the page when it fails. */
	protected void run(String failureScreenshot, ThrowingRunnable test) throws IOException {
		try {
			test.run();
		}
		catch (RuntimeException | Error ex) {
			try {
				screenshot(failureScreenshot);
			}
			catch (RuntimeException | IOException ignored) {
				ex.addSuppressed(ignored);
			}
			throw ex;
		}
	}

	@FunctionalInterface
	protected interface ThrowingRunnable {

		void run() throws IOException;

	}

	protected Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File taken = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Path target = SCREENSHOTS.resolve(name);
		Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/** No SEVERE browser console entries. */
	protected void noSevereConsoleEntries() {
		assertThat(severeConsoleEntries()).as("SEVERE browser console entries").isEmpty();
	}

	/**
	 * The SEVERE browser console entries (chromedriver reports them; see
	 * goog:loggingPrefs).
	 */
	protected List<LogEntry> severeConsoleEntries() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

}
