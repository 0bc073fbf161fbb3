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

	/**
	 * Every example tab is titled in Chinese; a tab that writes says so (【修改数据】) in its
	 * title and in its text and holds nothing else; a read tab holds no mutation. Each
	 * tab holds one operation, so that ▶ runs the one its title names.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void example_tabs_are_titled_in_chinese_and_every_change_is_marked_and_alone() throws IOException {
		run("graphiql-tabs-failure.png", () -> {
			this.driver.get(baseUrl() + "/graphiql");
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
			java.util.List<java.util.Map<String, String>> examples = (java.util.List<java.util.Map<String, String>>) script(
					"return window.PARTYNET_EXAMPLES.map(e => ({ title: e.title, query: e.query }));");
			assertThat(examples).hasSizeGreaterThan(5);
			java.util.regex.Pattern operation = java.util.regex.Pattern.compile("^(query|mutation|subscription)\\b",
					java.util.regex.Pattern.MULTILINE);
			for (java.util.Map<String, String> example : examples) {
				String title = example.get("title");
				String query = example.get("query");
				assertThat(title).as(query).containsPattern("\\p{IsHan}");
				assertThat(operation.matcher(query).results().count()).as(title).isEqualTo(1);
				boolean writes = java.util.regex.Pattern.compile("^mutation\\b", java.util.regex.Pattern.MULTILINE)
					.matcher(query)
					.find();
				if (writes) {
					assertThat(title).startsWith("【修改数据】");
					assertThat(query).startsWith("# 【修改数据】");
				}
				else {
					assertThat(title).doesNotContain("修改数据");
					assertThat(query).doesNotContainPattern("(?m)^\\s*mutation\\b");
				}
			}
			assertThat(examples).anySatisfy((e) -> assertThat(e.get("title")).startsWith("【修改数据】"));
			// the tabs as a person sees them: the Chinese titles, in order, the operation
			// as
			// the tooltip
			java.util.List<String> titles = examples.stream().map((e) -> e.get("title")).toList();
			this.wait.until((d) -> stringList(TABS).equals(titles));
			assertThat(this.driver.findElement(By.cssSelector("#graphiql-session-tab-0")).getDomAttribute("title"))
				.isEqualTo("NetworkStats");
			// another tab opened and left keeps its title
			this.driver.findElement(By.cssSelector("#graphiql-session-tab-4")).click();
			this.wait.until((d) -> contains(paneText(".graphiql-query-editor"), "query Coverage"));
			this.driver.findElement(By.cssSelector("#graphiql-session-tab-0")).click();
			this.wait.until((d) -> contains(paneText(".graphiql-query-editor"), "query NetworkStats"));
			assertThat(stringList(TABS)).containsExactlyElementsOf(titles);
			screenshot("graphiql-tabs.png");
			noSevereConsoleEntries();
		});
	}

	private static final String TABS = """
			return Array.from(document.querySelectorAll('button.graphiql-tab-button')).map(b => b.textContent);
			""";

	private String paneText(String selector) {
		Object text = ((JavascriptExecutor) this.driver).executeScript(EDITOR_TEXT, selector);
		return (text != null) ? text.toString() : "";
	}

	private static boolean contains(String text, String expected) {
		return text.contains(expected);
	}

}
