package org.partynet.orgchart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The org chart on a phone (390 × 844 with touch, {@link #phone()}), for each demo
 * account: the chart fills the screen below a one-line header, toggles are a finger's
 * size, a drag moves the drawing as far as the finger and a pinch zooms, the details
 * slide up as a sheet over the chart, search is one tap away, and the list view opens a
 * branch with one tap and is remembered. Screenshots in {@code target/screenshots/}:
 * {@code phone-org-chart-<account>.png}, {@code phone-org-chart-list-<account>.png} and
 * {@code phone-org-chart-details.png}.
 */
class OrgChartPhoneBrowserTests extends BrowserTestSupport {

	/** A building every account may find in its chart (青年社区, the secretary's own). */
	private static final String BUILDING = "金色小区3号楼";

	private static final String BUILDING_ID = "Building:GZ-DJ-C01-G07-B03";

	@ParameterizedTest
	@ValueSource(strings = { "orgdept", "secretary", "viewer" })
	void the_org_chart_on_a_phone(String account) throws IOException {
		run("phone-org-chart-" + account + "-failure.png", () -> {
			phone();
			signIn(account);
			open("/org-chart");
			screenshot("phone-org-chart-" + account + ".png");

			// The page stays within the screen, the header is one line and the chart
			// takes the rest.
			assertThat(scrollsSideways()).as("scrolls sideways").isFalse();
			assertThat(rect("body > header").get("height")).as("header").isLessThanOrEqualTo(56);
			Map<String, Double> stage = rect("#stage");
			assertThat(stage.get("height")).as("chart area").isGreaterThanOrEqualTo(0.6 * PHONE_HEIGHT);

			// Every toggle is at least 40 × 40 screen pixels at the first view.
			List<Map<String, Double>> toggles = rects("#viewport g.toggle");
			assertThat(toggles).isNotEmpty()
				.allSatisfy((r) -> assertThat(r.get("width")).isGreaterThanOrEqualTo(40))
				.allSatisfy((r) -> assertThat(r.get("height")).isGreaterThanOrEqualTo(40));

			// A tap on a box slides its details up over the chart, which keeps its size;
			// a swipe down closes them.
			String root = (String) script("return document.querySelector('#viewport g.box').dataset.id;");
			Map<String, Double> box = rect("#viewport g.box[data-id='" + root + "'] rect.frame");
			tap(box.get("x") + box.get("width") / 2, box.get("y") + box.get("height") / 3);
			this.wait.until((d) -> root.equals(script("return document.getElementById('detailsBody').dataset.id;")));
			WebElement details = this.driver.findElement(By.id("details"));
			assertThat(details.isDisplayed()).isTrue();
			assertThat(details.getCssValue("position")).isEqualTo("fixed");
			assertThat(rect("#stage")).as("chart area with the details open").isEqualTo(stage);
			this.wait.until((d) -> rect("#details").get("y") + rect("#details").get("height") <= PHONE_HEIGHT + 1);
			assertThat(rect("#details").get("height")).isLessThanOrEqualTo(0.6 * PHONE_HEIGHT + 1);
			assertThat(rect("#closeDetails").get("width")).isGreaterThanOrEqualTo(40);
			if (account.equals("secretary")) {
				screenshot("phone-org-chart-details.png");
			}
			double top = rect("#details").get("y");
			touch(steps(195, top + 20, 0, 240, 8));
			this.wait.until((d) -> !d.findElement(By.id("details")).isDisplayed());

			// A tap on a closed toggle opens it.
			String closed = (String) script("""
					const stage = document.getElementById('stage').getBoundingClientRect();
					const toggle = Array.from(document.querySelectorAll('#viewport g.toggle')).find(t => {
					  const r = t.getBoundingClientRect();
					  return t.textContent !== '−' && r.top > stage.top && r.bottom < stage.bottom - 60
					    && r.left > stage.left && r.right < stage.right; });
					return toggle.dataset.toggle;
					""");
			int before = boxes().size();
			Map<String, Double> toggle = rect("g.toggle[data-toggle='" + closed + "']");
			rerender(() -> tap(toggle.get("x") + toggle.get("width") / 2, toggle.get("y") + toggle.get("height") / 2));
			assertThat(boxes().size()).as("boxes after a tap on %s", closed).isGreaterThan(before);

			// One finger: the drawing moves as far as the finger, 100 px.
			Map<String, Double> at = rect("#viewport g.box[data-id='" + root + "'] rect.frame");
			touch(steps(120, 600, 100, 0, 10));
			Map<String, Double> moved = rect("#viewport g.box[data-id='" + root + "'] rect.frame");
			assertThat(moved.get("x") - at.get("x")).as("pan across").isCloseTo(100, within(5.0));
			assertThat(moved.get("y") - at.get("y")).isCloseTo(0, within(5.0));
			touch(steps(200, 650, 0, -100, 10));
			Map<String, Double> up = rect("#viewport g.box[data-id='" + root + "'] rect.frame");
			assertThat(moved.get("y") - up.get("y")).as("pan up").isCloseTo(100, within(5.0));

			// Two fingers: the drawing zooms around their midpoint.
			double zoom = view("k");
			List<List<double[]>> pinch = new ArrayList<>();
			for (int i = 0; i <= 10; i++) {
				pinch.add(List.of(new double[] { 150 - 5 * i, 500 }, new double[] { 250 + 5 * i, 500 }));
			}
			double[] under = drawingPoint(200, 500);
			touch(pinch);
			assertThat(view("k")).as("zoom after the pinch").isCloseTo(zoom * 2, within(zoom * 0.05));
			double[] still = drawingPoint(200, 500);
			assertThat(still[0]).as("the point under the fingers").isCloseTo(under[0], within(2.0));
			assertThat(still[1]).isCloseTo(under[1], within(2.0));

			// Search is one tap away: the field opens focused, and the hit is shown.
			Map<String, Double> find = rect("#openSearch");
			assertThat(find.get("width")).isGreaterThanOrEqualTo(40);
			tap(find.get("x") + find.get("width") / 2, find.get("y") + find.get("height") / 2);
			this.wait.until((d) -> d.findElement(By.id("searchText")).isDisplayed());
			assertThat(script("return document.activeElement.id;")).isEqualTo("searchText");
			assertThat(rect("#stage")).as("chart area with the toolbar open").isEqualTo(stage);
			assertThat(scrollsSideways()).as("scrolls sideways with the toolbar open").isFalse();
			// the folded toolbar holds the language button, and every control is a
			// finger's size, as the header's are
			assertThat(this.driver.findElements(By.cssSelector("#toolbar #lang"))).hasSize(1);
			assertThat(rects("#toolbar button, #toolbar select, #toolbar input:not([type=checkbox])"))
				.hasSizeGreaterThan(10)
				.allSatisfy((r) -> assertThat(r.get("height")).isGreaterThanOrEqualTo(40));
			assertThat(rects("header button")).hasSizeGreaterThanOrEqualTo(5)
				.allSatisfy((r) -> assertThat(r.get("height")).isGreaterThanOrEqualTo(40))
				.allSatisfy((r) -> assertThat(r.get("width")).isGreaterThanOrEqualTo(40));
			if (account.equals("orgdept")) {
				screenshot("phone-org-chart-toolbar.png");
			}
			rerender(() -> this.driver.findElement(By.id("searchText")).sendKeys(BUILDING, Keys.ENTER));
			assertThat(script("return OrgChart.hits();")).asList().containsExactly(BUILDING_ID);
			this.wait.until((d) -> !d.findElement(By.id("searchText")).isDisplayed());

			list(account);
			noSevereConsoleEntries();
		});
	}

	/**
	 * The list view: the same boxes, badges and red marks as the chart; a tap opens a
	 * branch; the choice survives a reload.
	 */
	private void list(String account) throws IOException {
		Map<String, Double> button = rect("#viewList");
		tap(button.get("x") + button.get("width") / 2, button.get("y") + button.get("height") / 2);
		this.wait.until((d) -> d.findElement(By.id("list")).isDisplayed());
		assertThat(this.driver.findElement(By.id("stage")).isDisplayed()).isFalse();
		assertThat(rect("#list").get("height")).isGreaterThanOrEqualTo(0.6 * PHONE_HEIGHT);
		// search opened the way to the building: it is a row too, marked
		assertThat(rows()).isEqualTo(boxes()).contains(BUILDING_ID);
		assertThat(count("#list .row.hit")).isEqualTo(1);
		sameMarks();
		assertThat(rects("#list .row")).allSatisfy((r) -> assertThat(r.get("height")).isGreaterThanOrEqualTo(40));
		assertThat(rects("#list .row-toggle")).allSatisfy((r) -> assertThat(r.get("width")).isGreaterThanOrEqualTo(40))
			.allSatisfy((r) -> assertThat(r.get("height")).isGreaterThanOrEqualTo(40));

		// One tap on a closed branch on screen: its children appear below it.
		String closed = (String) script(
				"""
						const list = document.getElementById('list').getBoundingClientRect();
						const toggle = Array.from(document.querySelectorAll('#list .row-toggle[aria-expanded="false"]')).find(t => {
						  const r = t.getBoundingClientRect(); return r.top > list.top && r.bottom < list.bottom; });
						return toggle.dataset.toggle;
						""");
		int children = Integer
			.parseInt(this.driver.findElement(By.cssSelector("#list .row-toggle[data-toggle='" + closed + "'] small"))
				.getText());
		int level = Integer.parseInt(row(closed).getDomAttribute("aria-level"));
		Map<String, Double> toggle = rect("#list .row-toggle[data-toggle='" + closed + "']");
		rerender(() -> tap(toggle.get("x") + toggle.get("width") / 2, toggle.get("y") + toggle.get("height") / 2));
		assertThat(row(closed).findElement(By.cssSelector(".row-toggle")).getDomAttribute("aria-expanded"))
			.isEqualTo("true");
		assertThat(stringList(
				"""
						const rows = Array.from(document.querySelectorAll('#list .row')), level = r => Number(r.getAttribute('aria-level'));
						const at = rows.findIndex(r => r.dataset.id === '%s'), below = [];
						for (const r of rows.slice(at + 1)) {
						  if (level(r) <= level(rows[at])) break;
						  if (level(r) === level(rows[at]) + 1) below.push(r.dataset.id);
						}
						return below;
						"""
					.formatted(closed)))
			.as("rows below %s at level %d", closed, level + 1)
			.hasSize(children);
		assertThat(rows()).isEqualTo(boxes());
		sameMarks();
		assertThat(scrollsSideways()).as("the list scrolls sideways").isFalse();
		screenshot("phone-org-chart-list-" + account + ".png");

		// A tap on a name opens the same details sheet.
		String name = row(closed).findElement(By.cssSelector(".row-name b")).getText();
		Map<String, Double> at = rect("#list .row[data-id='" + closed + "'] .row-name");
		tap(at.get("x") + at.get("width") / 2, at.get("y") + at.get("height") / 2);
		this.wait.until((d) -> closed.equals(script("return document.getElementById('detailsBody').dataset.id;")));
		assertThat(this.driver.findElement(By.id("details")).isDisplayed()).isTrue();
		this.wait.until((d) -> name.equals(text(By.cssSelector("#detailsBody h2"))));

		// The choice is the device's: after a reload the list again.
		this.driver.navigate().refresh();
		waitForRender();
		assertThat(this.driver.findElement(By.id("list")).isDisplayed()).isTrue();
		assertThat(this.driver.findElement(By.id("stage")).isDisplayed()).isFalse();
		assertThat(this.driver.findElement(By.id("viewList")).getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(rows()).isNotEmpty().isEqualTo(boxes());
	}

	/** The list's badges and red marks are the chart's, box by box. */
	private void sameMarks() {
		assertThat(stringList("""
				return Array.from(document.querySelectorAll('#list .row')).map(r => r.dataset.id + ' '
				  + Array.from(r.querySelectorAll('.pill')).map(p => p.className + ':' + p.textContent).join(',')
				  + ' gap=' + r.querySelectorAll('.gap').length);
				""")).isEqualTo(stringList(
				"""
						return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id + ' '
						  + Array.from(b.querySelectorAll('g.badge')).map(p => p.getAttribute('class').replace('badge', 'pill') + ':' + p.textContent).join(',')
						  + ' gap=' + b.querySelectorAll('text.gap').length);
						"""));
	}

	// --- helpers
	// ----------------------------------------------------------------------------------

	/** A one-finger drag from (x, y) by (dx, dy) in {@code n} equal steps. */
	private static List<List<double[]>> steps(double x, double y, double dx, double dy, int n) {
		List<List<double[]>> steps = new ArrayList<>();
		for (int i = 0; i <= n; i++) {
			steps.add(List.of(new double[] { x + dx * i / n, y + dy * i / n }));
		}
		return steps;
	}

	/** The point of the drawing (its own units) under a point of the screen. */
	@SuppressWarnings("unchecked")
	private double[] drawingPoint(double x, double y) {
		List<Number> point = (List<Number>) script("""
				const v = OrgChart.view(), r = document.getElementById('chart').getBoundingClientRect();
				return [(%s - r.left - v.x) / v.k, (%s - r.top - v.y) / v.k];
				""".formatted(x, y));
		return new double[] { point.get(0).doubleValue(), point.get(1).doubleValue() };
	}

	private double view(String field) {
		return ((Number) script("return OrgChart.view()." + field + ";")).doubleValue();
	}

	private List<String> boxes() {
		return stringList("return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id);");
	}

	private List<String> rows() {
		return stringList("return Array.from(document.querySelectorAll('#list .row')).map(r => r.dataset.id);");
	}

	private WebElement row(String id) {
		return this.driver.findElement(By.cssSelector("#list .row[data-id='" + id + "']"));
	}

	private long count(String selector) {
		return ((Number) script("return document.querySelectorAll(\"" + selector + "\").length;")).longValue();
	}

	private Map<String, Double> rect(String selector) {
		List<Map<String, Double>> all = rects(selector);
		assertThat(all).as(selector).isNotEmpty();
		return all.get(0);
	}

	/** The bounding rectangles of the elements shown (not display: none). */
	@SuppressWarnings("unchecked")
	private List<Map<String, Double>> rects(String selector) {
		List<Map<String, Object>> raw = (List<Map<String, Object>>) script("""
				return Array.from(document.querySelectorAll("%s")).map(e => e.getBoundingClientRect())
				  .filter(r => r.width || r.height).map(r => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
				""".formatted(selector));
		return raw.stream()
			.map((r) -> Map.of("x", number(r.get("x")), "y", number(r.get("y")), "width", number(r.get("width")),
					"height", number(r.get("height"))))
			.toList();
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

}
