package org.partynet.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partynet.support.BrowserTestSupport;

/**
 * The GraphQL explorer at {@code /graphiql} in a real headless Chromium: it renders from
 * the WebJars served by the application (nothing from the internet) and runs its first
 * example query against the sample network. Needs Debian's {@code chromium} and
 * {@code chromium-driver}; skipped when they are missing. A screenshot is kept in
 * {@code target/screenshots/}.
 */
class ExplorerBrowserTests extends BrowserTestSupport {

	/**
	 * The text of the query editor, or else of the response pane (CodeMirror 5 in
	 * GraphiQL 2.x).
	 */
	private static final String EDITOR_TEXT = """
			const pane = document.querySelector(arguments[0]);
			if (!pane) { return null; }
			const cm = pane.querySelector('.CodeMirror');
			return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : pane.textContent;
			""";

	@Test
	void explorer_runs_the_example_query_without_internet() throws IOException {
		try {
			this.driver.get(baseUrl() + "/graphiql");
			WebDriverWait wait = new WebDriverWait(this.driver, TIMEOUT);

			// 1. GraphiQL has rendered, with the NetworkStats example in the query
			// editor.
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
			wait.until((d) -> contains(paneText(".graphiql-query-editor"), "networkStats"));
			assertThat(paneText(".graphiql-query-editor")).contains("query NetworkStats");

			// 2. Every script and stylesheet, and every resource actually fetched, is
			// same-origin (or inline, like the empty favicon).
			assertThat(stringList("""
					return Array.from(document.querySelectorAll('script[src]')).map(e => e.getAttribute('src'))
					  .concat(Array.from(document.querySelectorAll('link[href]')).map(e => e.getAttribute('href')));
					""")).isNotEmpty()
				.allSatisfy((url) -> assertThat(url).satisfiesAnyOf((u) -> assertThat(u).startsWith("/"),
						(u) -> assertThat(u).startsWith(baseUrl() + "/"), (u) -> assertThat(u).startsWith("data:")));
			assertThat(stringList("return performance.getEntriesByType('resource').map(e => e.name);"))
				.allSatisfy((url) -> assertThat(url).startsWith(baseUrl() + "/"));

			// 3. Run the example and wait for the counts of the sample network.
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();
			wait.until((d) -> contains(paneText(".graphiql-response"), "\"grids\": 112"));
			assertThat(paneText(".graphiql-response")).contains("\"gridBranches\": 47").doesNotContain("\"errors\"");

			// 4. Keep a screenshot as test output.
			Path screenshot = screenshot("graphiql.png");
			assertThat(screenshot).isNotEmptyFile();

			// 5. Nothing went wrong in the browser console.
			noSevereConsoleEntries();
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

}
