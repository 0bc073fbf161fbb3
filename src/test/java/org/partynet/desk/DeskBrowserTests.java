package org.partynet.desk;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.partynet.model.Fields;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk (工作台) at {@code /} for each demo account: every figure as the API answers it
 * for the account's scope, links only into pages the role may use, nothing in the
 * console.
 */
class DeskBrowserTests extends BrowserTestSupport {

	private static final List<String> METRICS = List.of("grid", "buildingGroup", "buildingHead", "commercial",
			"dualNet", "organization");

	private static final String FIGURES = "{ covered total ratio }";

	private static final String COVERAGE = """
			query($scope: ID, $today: Date!, $then: Date!) {
			  now: coverage(scope: $scope, asOf: $today) { name %1$s }
			  then: coverage(scope: $scope, asOf: $then) { %1$s }
			}""".formatted(METRICS.stream().map((m) -> m + " " + FIGURES).reduce((a, b) -> a + " " + b).orElseThrow());

	private static final String LINKS = """
			return Array.from(document.querySelectorAll(arguments[0])).map(a => a.getAttribute('href'));
			""";

	@Test
	void the_organization_department_sees_the_whole_network_as_the_api_answers_it() throws IOException {
		run("desk-orgdept-failure.png", () -> {
			open("/");
			assertThat(this.driver.getTitle()).startsWith("工作台");
			assertThat(text(By.id("scope"))).contains("全网 Whole network");
			coverageMatches("orgdept", null);
			healthMatches("orgdept", null);
			termsMatch("orgdept", null);
			changesMatch("orgdept", null);
			assertThat(links("#card-pages a")).containsExactly("/org-chart", "/reports/coverage", "/reports/health",
					"/reports/linkage", "/reports/changes", "/import", "/graphiql", "/admin/accounts",
					"/admin/backups");
			screenshot("desk-orgdept.png");
			noSevereConsoleEntries();
		});
	}

	@Test
	void a_secretary_sees_their_committee_and_the_same_figures_as_the_api() throws IOException {
		run("desk-secretary-failure.png", () -> {
			signIn("secretary");
			open("/");
			String scope = "CommunityCommittee:GZ-DJ-C01-SQDW";
			assertThat(text(By.id("scope"))).contains("青年社区党委");
			coverageMatches("secretary", scope);
			// the committee's scope is 青年社区's: its figures are the community's
			Map<String, Object> community = coverage("secretary", "Community:GZ-DJ-C01", Fields.today());
			for (String metric : METRICS) {
				@SuppressWarnings("unchecked")
				Map<String, Object> figure = (Map<String, Object>) community.get(metric);
				assertThat(text(By.cssSelector("#card-coverage tr[data-metric=%s] td.count".formatted(key(metric)))))
					.isEqualTo(figure.get("covered") + "/" + figure.get("total"));
			}
			healthMatches("secretary", scope);
			termsMatch("secretary", scope);
			changesMatch("secretary", scope);
			assertThat(links("#card-coverage a")).allSatisfy((href) -> assertThat(href)
				.startsWith("/reports/coverage?scope=CommunityCommittee%3AGZ-DJ-C01-SQDW"));
			assertThat(links("#card-pages a")).containsExactly("/org-chart", "/reports/coverage", "/reports/health",
					"/reports/linkage", "/reports/changes", "/graphiql");
			screenshot("desk-secretary.png");
			noSevereConsoleEntries();
		});
	}

	@Test
	void a_viewer_sees_the_figures_but_no_audit_trail_and_no_page_it_cannot_use() throws IOException {
		run("desk-viewer-failure.png", () -> {
			signIn("viewer");
			open("/");
			coverageMatches("viewer", null);
			healthMatches("viewer", null);
			termsMatch("viewer", null);
			assertThat(this.driver.findElement(By.id("card-changes")).isDisplayed()).isFalse();
			assertThat(links("#card-pages a")).containsExactly("/org-chart", "/reports/coverage", "/reports/health",
					"/reports/linkage", "/graphiql");
			assertThat(links("a")).noneMatch((href) -> href.startsWith("/reports/changes") || href.startsWith("/import")
					|| href.startsWith("/admin"));
			screenshot("desk-viewer.png");
			noSevereConsoleEntries();
		});
	}

	/** Each figure, its count and its change since the same day last month. */
	@SuppressWarnings("unchecked")
	private void coverageMatches(String username, String scope) {
		LocalDate today = Fields.today();
		Map<String, Object> api = coverage(username, scope, today);
		LocalDate then = today.minusMonths(1);
		Map<String, Object> before = coverage(username, scope, then);
		assertThat(text(By.cssSelector("#card-coverage .then"))).isEqualTo(then.toString());
		for (String metric : METRICS) {
			Map<String, Object> now = (Map<String, Object>) api.get(metric);
			Map<String, Object> was = (Map<String, Object>) before.get(metric);
			String row = "#card-coverage tr[data-metric=%s] ".formatted(key(metric));
			assertThat(text(By.cssSelector(row + "td.count"))).as(metric)
				.isEqualTo(now.get("covered") + "/" + now.get("total"));
			assertThat(text(By.cssSelector(row + "td.ratio"))).as(metric).isEqualTo(percent(now.get("ratio")));
			if (now.get("ratio") != null && was.get("ratio") != null) {
				BigDecimal points = printed(now.get("ratio")).subtract(printed(was.get("ratio")));
				String shown = this.driver.findElement(By.cssSelector(row + ".delta")).getDomAttribute("data-points");
				assertThat(new BigDecimal(shown)).as(metric).isEqualByComparingTo(points);
				assertThat(text(By.cssSelector(row + ".delta"))).as(metric)
					.startsWith((points.signum() > 0) ? "▲" : (points.signum() < 0) ? "▼" : "持平");
			}
		}
	}

	/** The findings of each severity: the sums of the API's per-rule counts. */
	@SuppressWarnings("unchecked")
	private void healthMatches(String username, String scope) {
		List<Map<String, Object>> counts = (List<Map<String, Object>>) graphQl(username)
			.document("query($scope: ID) { health(scope: $scope) { counts { severity count } } }")
			.variable("scope", scope)
			.execute()
			.path("health.counts")
			.entity(List.class)
			.get();
		Map<String, Integer> totals = new LinkedHashMap<>(Map.of("ERROR", 0, "WARNING", 0, "INFO", 0));
		counts.forEach((c) -> totals.merge((String) c.get("severity"), (Integer) c.get("count"), Integer::sum));
		assertThat(totals.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
		totals.forEach((severity, total) -> {
			WebElement box = this.driver
				.findElement(By.cssSelector("#card-health a[data-severity=%s]".formatted(severity)));
			assertThat(box.findElement(By.className("count")).getText()).as(severity).isEqualTo(total.toString());
			assertThat(box.getDomAttribute("href")).isEqualTo("/reports/health?severity=" + severity
					+ ((scope != null) ? "&scope=" + scope.replace(":", "%3A") : ""));
		});
	}

	/**
	 * The committees whose term ends within 6 months (or has ended), each to its chart.
	 */
	private void termsMatch(String username, String scope) {
		List<String> ids = graphQl(username)
			.document("query($scope: ID) { health(scope: $scope) { terms { organization { id } } } }")
			.variable("scope", scope)
			.execute()
			.path("health.terms[*].organization.id")
			.entityList(String.class)
			.get();
		List<String> shown = stringList(
				"return Array.from(document.querySelectorAll('#card-terms li')).map(li => li.dataset.id);");
		assertThat(shown).containsExactlyElementsOf(ids.subList(0, Math.min(10, ids.size())));
		if (ids.isEmpty()) {
			assertThat(text(By.cssSelector("#card-terms .none"))).startsWith("6 个月内没有届满的班子");
		}
		assertThat(links("#card-terms li a")).allSatisfy((href) -> assertThat(href).startsWith("/org-chart?id="));
	}

	/**
	 * The five newest changes to the network in the scope (no sign-ins), each to its
	 * audit record.
	 */
	private void changesMatch(String username, String scope) {
		List<String> ids = graphQl(username)
			.document("query($scope: ID) { changes(scope: $scope, network: true, first: 5) { nodes { id } } }")
			.variable("scope", scope)
			.execute()
			.path("changes.nodes[*].id")
			.entityList(String.class)
			.get();
		List<String> shown = stringList(
				"return Array.from(document.querySelectorAll('#card-changes li')).map(li => li.dataset.id);");
		assertThat(shown).containsExactlyElementsOf(ids);
		assertThat(links("#card-changes li a"))
			.containsExactlyElementsOf(ids.stream().map((id) -> "/reports/changes?change=" + id).toList());
		assertThat(this.driver.findElement(By.id("card-changes")).isDisplayed()).isTrue();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> coverage(String username, String scope, LocalDate day) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("scope", scope);
		variables.put("today", day.toString());
		variables.put("then", day.toString());
		return graphQl(username).document(COVERAGE).variables(variables).execute().path("now").entity(Map.class).get();
	}

	private List<String> links(String selector) {
		return stringList(LINKS.replace("arguments[0]", "'" + selector + "'"));
	}

	private static String key(String field) {
		return field.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * A ratio as the page and the downloads print it ({@code %.1f} of the percentage).
	 */
	private static BigDecimal printed(Object ratio) {
		return new BigDecimal(String.format(java.util.Locale.ROOT, "%.1f", ((Number) ratio).doubleValue() * 100));
	}

	private static String percent(Object ratio) {
		return (ratio == null) ? "–" : printed(ratio).toPlainString() + "%";
	}

}
