package org.partynet.change;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.partynet.support.BrowserTestSupport;
import org.partynet.support.InProcessNeo4j;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 tried as a new user would, in a real browser and on a Neo4j of its own (it
 * changes the sample): signed in as {@code orgdept}, merge 文化社区's two grid branches in
 * the explorer; the org chart shows one branch, the coverage report still 100 % of the
 * grids, and the audit trail the merge.
 */
class MergeJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	private Environment environment;

	private static Neo4j neo4j() {
		return InProcessNeo4j.own("merge-journey");
	}

	// The shared sample must not change: this class gets a context of its own (its own
	// dynamic property) on a Neo4j of its own (HarnessTestSupport.ownDatabase), checked
	// in the test.
	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "merge-journey");
	}

	@Test
	void merge_two_grid_branches_in_the_explorer_and_see_it_everywhere() throws IOException {
		assertThat(this.environment.getProperty("spring.neo4j.uri")).isEqualTo(neo4j().boltURI().toString());
		run("merge-journey-failure.png", () -> {
			// 1. The explorer, opened with the merge (as the example tab has it), run
			// with ▶.
			String mutation = """
					mutation Merge($input: MergeOrganizationsInput!) {
					  mergeOrganizations(input: $input) {
					    organization { name members { total } areas { name } }
					    changeId
					    errors { code field message }
					  }
					}""";
			String variables = """
					{"input": {"from": "GridBranch:GZ-DJ-C14-ZB02", "fromVersion": 0,
					           "into": "GridBranch:GZ-DJ-C14-ZB01", "intoVersion": 0}}""";
			this.driver.get(baseUrl() + "/graphiql?query=" + URLEncoder.encode(mutation, StandardCharsets.UTF_8)
					+ "&variables=" + URLEncoder.encode(variables, StandardCharsets.UTF_8));
			this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")))
				.click();
			this.wait.until((d) -> response().contains("changeId"));
			assertThat(response()).contains("\"errors\": []", "文化社区第一网格党支部").doesNotContain("\"code\": \"");
			screenshot("merge-explorer.png");

			// 2. The org chart of 文化社区党委: one branch left.
			open("/org-chart?id=CommunityCommittee:GZ-DJ-C14-SQDW&depth=1");
			assertThat(stringList(
					"return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id);"))
				.containsExactly("CommunityCommittee:GZ-DJ-C14-SQDW", "GridBranch:GZ-DJ-C14-ZB01");
			screenshot("merge-org-chart.png");

			// 3. The coverage report: every grid of the community still covered, by the
			// one branch.
			open("/reports/coverage?scope=Community:GZ-DJ-C14");
			assertThat(text(By.cssSelector("#summary .card[data-metric='grid'] .count"))).isEqualTo("6 / 6");
			screenshot("merge-coverage.png");

			// 4. The audit trail: the merge, by orgdept, first.
			open("/reports/changes?scope=Community:GZ-DJ-C14");
			String first = text(By.cssSelector("#changes tbody tr"));
			assertThat(first).contains("orgdept", "党组织合并", "文化社区第二网格党支部", "文化社区第一网格党支部");
			screenshot("merge-audit.png");
			noSevereConsoleEntries();
		});
	}

	private String response() {
		Object text = ((JavascriptExecutor) this.driver).executeScript("""
				const pane = document.querySelector('.graphiql-response');
				if (!pane) { return ''; }
				const cm = pane.querySelector('.CodeMirror');
				return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : pane.textContent;
				""");
		return (text != null) ? text.toString() : "";
	}

}
