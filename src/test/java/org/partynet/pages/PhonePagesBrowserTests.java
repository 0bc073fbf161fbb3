package org.partynet.pages;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page on a phone (390 × 844, touch), for each demo account that may open it, and
 * the refusal a role gets for a page it may not: the page never scrolls sideways, its
 * header is one line with the menu, which opens with one tap and lists the role's pages,
 * and the main controls are big enough for a finger. A screenshot of each:
 * {@code target/screenshots/phone-<page>-<account>.png}. One browser per account.
 */
class PhonePagesBrowserTests extends BrowserTestSupport {

	/** A one-line header: the 44 px menu button and a little room. */
	private static final double ONE_LINE = 56;

	/** The least a finger hits. */
	private static final double TOUCH = 40;

	/** Each page, by the name of its screenshot. */
	private static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("desk", "/");
		PAGES.put("org-chart", "/org-chart");
		PAGES.put("coverage", "/reports/coverage");
		PAGES.put("health", "/reports/health");
		PAGES.put("linkage", "/reports/linkage");
		PAGES.put("changes", "/reports/changes");
		PAGES.put("import", "/import");
		PAGES.put("graphiql", "/graphiql");
		PAGES.put("accounts", "/admin/accounts");
		PAGES.put("backups", "/admin/backups");
		PAGES.put("password", "/account/password");
		PAGES.put("404", "/no-such-page");
	}

	/** The pages each account is offered, in the navigation's order. */
	private static final Map<String, List<String>> OFFERED = NavigationBrowserTests.PAGES;

	@Test
	void every_page_fits_a_phone_for_the_organization_department() throws IOException {
		everyPage("orgdept");
	}

	@Test
	void every_page_fits_a_phone_for_a_secretary() throws IOException {
		everyPage("secretary");
	}

	@Test
	void every_page_fits_a_phone_for_a_viewer() throws IOException {
		everyPage("viewer");
	}

	@Test
	void the_login_form_fits_a_phone() throws IOException {
		run("phone-login-failure.png", () -> {
			phone();
			this.driver.manage().deleteAllCookies();
			this.driver.get(baseUrl() + "/login");
			this.wait.until((d) -> !d.findElements(By.id("username")).isEmpty());
			assertThat(scrollsSideways()).as("/login scrolls sideways").isFalse();
			for (String id : List.of("username", "password", "sign-in")) {
				assertThat(height("#" + id)).as("#" + id).isGreaterThanOrEqualTo(TOUCH);
			}
			screenshot("phone-login.png");
		});
	}

	/**
	 * The street's breakdown on a phone, with its 17 communities and with 100 (the same
	 * chart drawn from a list of 100, as a city's street would give): one bar per
	 * community, lowest first, the value axis from a little below the lowest, the
	 * incomplete ones red and marked with how many are missing, the labels readable and
	 * apart, all within 390 px, the legend above the bars.
	 */
	@Test
	void the_street_breakdown_reads_on_a_phone_with_17_and_with_100_communities() throws IOException {
		run("phone-breakdown-failure.png", () -> {
			phone();
			open("/reports/coverage?scope=Street:GZ-DJ&metric=BUILDING_HEAD");
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> communities = (List<Map<String, Object>>) graphQl()
				.document("{ coverage(scope: \"Street:GZ-DJ\") { breakdown { name buildingHead { total covered } } } }")
				.execute()
				.path("coverage.breakdown")
				.entity(List.class)
				.get();
			assertThat(communities).hasSize(17);
			List<String> incomplete = communities.stream().filter((c) -> {
				Map<?, ?> figure = (Map<?, ?>) c.get("buildingHead");
				return ((Number) figure.get("covered")).intValue() < ((Number) figure.get("total")).intValue();
			}).map((c) -> (String) c.get("name")).toList();
			assertThat(incomplete).as("the sample has incomplete communities to mark").isNotEmpty();
			Map<String, Object> street = breakdown();
			readable(street, 17);
			assertThat(text(By.id("chartMetric"))).startsWith("党员楼长覆盖");
			assertThat(street.get("marked")).as("marked incomplete")
				.asList()
				.containsExactlyInAnyOrderElementsOf(incomplete);
			script("document.getElementById('breakdownSection').scrollIntoView();");
			screenshot("phone-breakdown-17.png");

			// another figure: the same chart for it
			tapOn("#metrics button:nth-child(1)");
			this.wait.until((d) -> "grid".equals(script("return document.getElementById('chart').dataset.field;")));
			readable(breakdown(), 17);

			script("""
					const children = Array.from({ length: 100 }, (_, i) => {
					  const total = 20 + i % 7, covered = i % 4 === 0 ? total - 1 - i % 3 : total;
					  return { name: '测试' + String(i + 1).padStart(3, '0') + '社区', grid: { total, covered, ratio: covered / total } };
					}).reverse();
					CoverageChart.draw(document.getElementById('chart'), children, 'grid', '网格覆盖');
					""");
			Map<String, Object> city = breakdown();
			readable(city, 100);
			assertThat((List<?>) city.get("marked")).hasSize(25);
			assertThat(((Number) city.get("height")).doubleValue()).isGreaterThan(100 * 20);
			script("document.getElementById('breakdownSection').scrollIntoView();");
			screenshot("phone-breakdown-100.png");
			assertThat(scrollsSideways()).isFalse();
		});
	}

	/** What the breakdown chart shows, read from its option and from the SVG drawn. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> breakdown() {
		return (Map<String, Object>) script(
				"""
						const element = document.getElementById('chart');
						const option = echarts.getInstanceByDom(element).getOption();
						const data = option.series[0].data;
						const box = element.getBoundingClientRect();
						const svg = element.querySelector('svg');
						const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
						const rects = texts.map(t => t.getBoundingClientRect());
						const names = option.yAxis[0].data;
						const axisLabels = rects.filter((r, i) => names.includes(texts[i].textContent));
						const overlaps = axisLabels.filter((r, i) => i && r.top < axisLabels[i - 1].bottom - 1).length;
						const marks = texts.filter(t => /缺 \\d+/.test(t.textContent)).length;
						return {
						  names, values: data.map(d => d.value), states: data.map(d => d.state), colors: data.map(d => d.itemStyle.color),
						  marked: names.filter((n, i) => data[i].state === 'incomplete'), marks,
						  min: option.xAxis[0].min, width: box.width, height: box.height, svgWidth: svg.getBoundingClientRect().width,
						  outside: rects.filter(r => r.left < box.left - 1 || r.right > box.right + 1).length,
						  smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize))),
						  legendBottom: document.getElementById('chartLegend').getBoundingClientRect().bottom, chartTop: box.top,
						  overlaps, drawnNames: axisLabels.length,
						viewBoxFits: svg.getAttribute('viewBox') === `0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`
						};
						""");
	}

	/** Sorted, scaled, marked, and readable within the phone's width. */
	@SuppressWarnings("unchecked")
	private void readable(Map<String, Object> chart, int rows) {
		List<String> names = (List<String>) chart.get("names");
		List<Number> values = (List<Number>) chart.get("values");
		List<String> states = (List<String>) chart.get("states");
		List<String> colors = (List<String>) chart.get("colors");
		assertThat(names).hasSize(rows).doesNotHaveDuplicates();
		List<Double> shown = values.stream().filter(java.util.Objects::nonNull).map(Number::doubleValue).toList();
		assertThat(shown).as("lowest first").isSorted();
		double min = ((Number) chart.get("min")).doubleValue();
		assertThat(min).as("the value axis starts a little below the lowest")
			.isLessThan(shown.get(0))
			.isGreaterThan(shown.get(0) - 15);
		for (int i = 0; i < rows; i++) {
			if ("incomplete".equals(states.get(i))) {
				assertThat(values.get(i).doubleValue()).isLessThan(100);
				assertThat(colors.get(i)).isEqualTo("#c62828");
			}
			else if ("complete".equals(states.get(i))) {
				assertThat(colors.get(i)).isEqualTo("#2e7d32");
			}
		}
		assertThat(chart.get("marks")).as("a mark beside each incomplete bar, not colour alone")
			.isEqualTo((long) ((List<?>) chart.get("marked")).size());
		assertThat(((Number) chart.get("width")).doubleValue()).isLessThanOrEqualTo(PHONE_WIDTH);
		assertThat(((Number) chart.get("svgWidth")).doubleValue()).isLessThanOrEqualTo(PHONE_WIDTH);
		assertThat(chart.get("outside")).as("texts outside the chart").isEqualTo(0L);
		assertThat(((Number) chart.get("smallest")).doubleValue()).as("smallest text, px").isGreaterThanOrEqualTo(11);
		assertThat(chart.get("drawnNames")).as("every community named").isEqualTo((long) rows);
		assertThat(chart.get("overlaps")).as("community names overlapping").isEqualTo(0L);
		assertThat(chart.get("viewBoxFits")).as("the SVG's viewBox is its size (for print)").isEqualTo(true);
		assertThat(((Number) chart.get("legendBottom")).doubleValue()).as("the legend above the bars, never over them")
			.isLessThanOrEqualTo(((Number) chart.get("chartTop")).doubleValue());
	}

	/**
	 * Every page for one account: the pages it is offered, and the others as it meets
	 * them (the 403 page, or the page's own refusal).
	 */
	private void everyPage(String account) throws IOException {
		List<String> problems = new ArrayList<>();
		run("phone-" + account + "-failure.png", () -> {
			if (!account.equals("orgdept")) { // signed in as orgdept already
				signIn(account);
			}
			phone();
			for (Map.Entry<String, String> page : PAGES.entrySet()) {
				String name = page.getKey();
				String path = page.getValue();
				openOnPhone(path);
				String where = account + " " + path;
				if (scrollsSideways()) {
					problems.add(where + ": scrolls sideways, " + script("return document.documentElement.scrollWidth;")
							+ " px wide: " + widest());
				}
				if (name.equals("org-chart")) {
					// the org chart's own tests see to the rest of it
					continue;
				}
				if (!name.equals("password")) {
					checkHeaderAndMenu(account, where, problems);
				}
				checkControls(where, problems);
				checkCharts(where, problems);
				screenshot("phone-" + name + "-" + account + ".png");
			}
		});
		assertThat(problems).as("what does not fit a phone").isEmpty();
	}

	/** Opens a page and waits until it has rendered, or said why it will not. */
	private void openOnPhone(String path) {
		this.driver.get(baseUrl() + path);
		this.wait.until((d) -> Boolean.TRUE.equals(script("""
				if (document.getElementById('problem') || document.getElementById('current')) return true;
				if (location.pathname === '/graphiql') return !!document.querySelector('.graphiql-container');
				if (location.pathname === '/import') return !!document.getElementById('file');
				const error = document.getElementById('error');
				return !!document.body.dataset.loaded || (!!error && !error.hidden);
				""")));
		if (!path.equals("/account/password")) {
			this.wait.until((d) -> !d.findElements(By.cssSelector("#pn-menu #account")).isEmpty());
		}
	}

	/**
	 * The header is one line; one tap on the menu button opens the menu with the
	 * account's pages (this one marked), another closes it.
	 */
	private void checkHeaderAndMenu(String account, String where, List<String> problems) {
		double header = ((Number) script(
				"return document.querySelector('body > header').getBoundingClientRect().height;"))
			.doubleValue();
		if (header > ONE_LINE) {
			problems.add(where + ": the header is " + header + " px tall");
		}
		if (height("#pn-menu-button") < TOUCH) {
			problems.add(where + ": the menu button is " + height("#pn-menu-button") + " px tall");
		}
		if (Boolean.TRUE.equals(script("return document.getElementById('pn-menu').offsetParent !== null;"))) {
			problems.add(where + ": the menu is open before a tap");
		}
		tapOn("#pn-menu-button");
		soon("return document.getElementById('pn-menu').offsetParent !== null;");
		List<String> links = stringList("""
				const menu = document.getElementById('pn-menu');
				if (menu.offsetParent === null) return [];
				return Array.from(menu.querySelectorAll(':scope > a')).map(a => a.getAttribute('href'));
				""");
		if (!links.equals(OFFERED.get(account))) {
			problems.add(where + ": one tap shows the menu " + links);
		}
		if (!Boolean.TRUE.equals(
				script("""
						const menu = document.getElementById('pn-menu').getBoundingClientRect();
						return menu.left >= 0 && menu.right <= window.innerWidth
						  && Array.from(document.querySelectorAll('#pn-menu a')).every(a => a.getBoundingClientRect().height >= 40);
						"""))) {
			problems.add(where + ": the open menu is off the screen or its links are under 40 px");
		}
		tapOn("#pn-menu-button");
		if (!soon("return document.getElementById('pn-menu').offsetParent === null;")) {
			problems.add(where + ": a second tap does not close the menu");
		}
	}

	/**
	 * A report's toolbar folds away behind one button; opened, the page still does not
	 * scroll sideways. Every field and button of the page (toolbar open) is big enough
	 * for a finger.
	 */
	private void checkControls(String where, List<String> problems) {
		boolean folds = !this.driver.findElements(By.cssSelector("form.pn-fold")).isEmpty();
		if (folds) {
			if (Boolean.TRUE.equals(script("return document.querySelector('form.pn-fold').offsetParent !== null;"))) {
				problems.add(where + ": the toolbar is not folded away");
			}
			tapOn(".pn-fold-button");
			if (!soon("return document.querySelector('form.pn-fold').offsetParent !== null;")) {
				problems.add(where + ": one tap does not open the toolbar");
			}
		}
		List<String> small = stringList("""
				return Array.from(document.querySelectorAll('select, input, button'))
				  .filter(e => !e.closest('#graphiql, body > header') && e.type !== 'hidden' && e.type !== 'checkbox')
				  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 40)
				  .map(e => (e.id || e.tagName) + ' ' + e.getBoundingClientRect().height + ' px');
				""");
		if (!small.isEmpty()) {
			problems.add(where + ": controls under 40 px: " + small);
		}
		if (folds) {
			if (scrollsSideways()) {
				problems.add(where + ": scrolls sideways with the toolbar open: " + widest());
			}
			tapOn(".pn-fold-button");
		}
	}

	/**
	 * A report's chart (the linkage network, the coverage breakdown) is as wide as the
	 * screen at most, and its texts are 11 px or more.
	 */
	private void checkCharts(String where, List<String> problems) {
		List<String> unreadable = stringList(
				"""
						return Array.from(document.querySelectorAll('#graph, #chart')).filter(e => e.offsetParent !== null).flatMap(e => {
						  const svg = e.querySelector('svg');
						  if (!svg) return [e.id + ': not drawn'];
						  const wide = svg.getBoundingClientRect().right > window.innerWidth ? [e.id + ': wider than the screen'] : [];
						  const small = Array.from(svg.querySelectorAll('text')).filter(t => parseFloat(getComputedStyle(t).fontSize) < 11)
						    .map(t => e.id + ': "' + t.textContent + '" under 11 px');
						  return wide.concat(small);
						});
						""");
		if (!unreadable.isEmpty()) {
			problems.add(where + ": " + unreadable);
		}
	}

	/**
	 * Whether the script comes true within two seconds (a tap's click comes a moment
	 * later).
	 */
	private boolean soon(String condition) {
		try {
			new WebDriverWait(this.driver, Duration.ofSeconds(2)).until((d) -> Boolean.TRUE.equals(script(condition)));
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
	}

	/** What sticks out furthest to the right, for the message. */
	private Object widest() {
		return script(
				"""
						let widest = null, right = window.innerWidth;
						document.querySelectorAll('body *').forEach(e => {
						  const r = e.getBoundingClientRect();
						  if (r.right > right + 1 && r.width > 0) { right = r.right; widest = e; }
						});
						return widest ? widest.tagName + (widest.id ? '#' + widest.id : '') + '.' + widest.className + ' to ' + right : '';
						""");
	}

	private double height(String selector) {
		return ((Number) script("return document.querySelector(arguments[0]).getBoundingClientRect().height;"
			.replace("arguments[0]", "'" + selector + "'"))).doubleValue();
	}

	/** A tap in the middle of what the selector finds, scrolled into view first. */
	private void tapOn(String selector) {
		@SuppressWarnings("unchecked")
		List<Number> point = (List<Number>) script("""
				const e = document.querySelector('%s');
				e.scrollIntoView({ block: 'center' });
				const r = e.getBoundingClientRect();
				return [r.left + r.width / 2, r.top + r.height / 2];
				""".formatted(selector));
		tap(point.get(0).doubleValue(), point.get(1).doubleValue());
	}

}
