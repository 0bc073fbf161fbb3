package org.partynet.orgchart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.partynet.support.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The org chart in a real headless Chromium, used as a party secretary would: open the
 * landing page, pick a community, expand a branch, search a building head by name, switch
 * cross-links on, export SVG and PNG, open the details of a box, switch to English and
 * print the whole community. Needs Debian's {@code chromium} and {@code chromium-driver};
 * skipped when they are missing. Screenshots, the exports and the printed PDFs are kept
 * in {@code target/screenshots/}.
 */
class OrgChartBrowserTests extends BrowserTestSupport {

	private static final String COMMUNITY = "CommunityCommittee:GZ-DJ-C01-SQDW";

	// The box ids drawn, in drawing order.
	private static final String BOXES = "return Array.from(document.querySelectorAll('#viewport g.box')).map(b => b.dataset.id);";

	private static final String REQUESTS = """
			return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/graphql')).length;
			""";

	@Test
	void a_secretary_opens_a_community_expands_searches_links_exports_and_prints() throws IOException {
		run("org-chart-failure.png", () -> {
			// 1. The org chart opens on the street and its communities, one level open.
			open("/org-chart");
			assertThat(this.driver.getCurrentUrl()).contains("/org-chart");
			assertThat(boxes()).hasSize(1 + 17).contains("StreetWorkingCommittee:GZ-DJ-DGW");
			assertThat(boxText("StreetWorkingCommittee:GZ-DJ-DGW")).contains("东街街道党工委", "书记 赵明远", "网格 112/112");
			screenshot("org-chart-street.png");

			// 2. Pick a community with one level open: the committee and its three
			// branches.
			rerender(() -> new Select(this.driver.findElement(By.id("root"))).selectByVisibleText("青年社区党委"));
			rerender(() -> new Select(this.driver.findElement(By.id("depth"))).selectByVisibleText("1"));
			assertThat(this.driver.getCurrentUrl()).contains("id=" + COMMUNITY.replace(":", "%3A"), "depth=1");
			assertThat(boxes()).containsExactly(COMMUNITY, "GridBranch:GZ-DJ-C01-ZB01", "GridBranch:GZ-DJ-C01-ZB02",
					"GridBranch:GZ-DJ-C01-ZB03");
			assertThat(boxText(COMMUNITY)).contains("青年社区党委", "社区党委", "书记 唐艳", "网格 7/7");
			assertThat(boxText("GridBranch:GZ-DJ-C01-ZB01")).contains("书记 陈海", "楼院 15/16");

			// 3. Expand a branch: its building groups, in one request.
			long before = requests();
			rerender(() -> toggle("GridBranch:GZ-DJ-C01-ZB03"));
			assertThat(requests()).isEqualTo(before + 1);
			assertThat(boxes()).contains("BuildingGroup:GZ-DJ-C01-ZB03-XZ01", "BuildingGroup:GZ-DJ-C01-ZB03-XZ02")
				.doesNotContain("Building:GZ-DJ-C01-G07-B05");
			assertThat(boxText("BuildingGroup:GZ-DJ-C01-ZB03-XZ02")).contains("组长 冯娜", "楼长 6/6");
			assertThat(timing("expand")).isNotNull();

			// 4. Search a building head by name: the page opens the way to the building
			// and marks it.
			this.driver.findElement(By.id("searchText")).sendKeys("沈琳霞");
			rerender(() -> this.driver.findElement(By.id("searchButton")).click());
			assertThat(hits()).containsExactly("Building:GZ-DJ-C01-G07-B03");
			assertThat(boxText("Building:GZ-DJ-C01-G07-B03")).contains("金色小区3号楼", "楼长 沈琳霞");
			assertThat(this.driver.findElement(By.cssSelector("g.box.hit[data-id='Building:GZ-DJ-C01-G07-B03']"))
				.isDisplayed()).isTrue();
			assertThat(text(By.id("searchResult"))).isEqualTo("找到 1 处");
			// The hit is on screen: the view moved to it.
			Map<String, Object> hitBox = rect("g.box.hit");
			Map<String, Object> stage = rect("#chart");
			assertThat(number(hitBox.get("x"))).isBetween(number(stage.get("x")),
					number(stage.get("x")) + number(stage.get("width")));
			assertThat(number(hitBox.get("y"))).isBetween(number(stage.get("y")),
					number(stage.get("y")) + number(stage.get("height")));
			screenshot("org-chart-search.png");

			// 5. Cross-links on: the part-time member's unit, the alliance, the site and
			// its instructor.
			rerender(() -> this.driver.findElement(By.id("crossLinks")).click());
			assertThat(boxes()).contains("Unit:DW008", "Unit:DW017", "Alliance:GZ-DJ-LM01",
					"CommercialBuilding:GZ-DJ-SL01", "Person:RY60001");
			assertThat(this.driver.findElements(By.cssSelector("path.link"))).hasSize(11);
			assertThat(this.driver.findElements(By.cssSelector("path.link[data-kind='PART_TIME_MEMBER']"))).hasSize(1);
			assertThat(text(By.id("legend"))).contains("兼职委员", "党建指导员");
			assertThat(this.driver.getCurrentUrl()).contains("links=1");
			screenshot("org-chart-links.png");

			// 6. Export SVG: a well-formed file with the names on the chart, and PNG.
			this.driver.findElement(By.id("exportSvg")).click();
			Path svg = downloaded("org-chart-GZ-DJ-C01-SQDW.svg");
			String svgText = Files.readString(svg, StandardCharsets.UTF_8);
			assertThat(svgText).contains("青年社区党委", "唐艳", "青年社区第三网格第二楼院党小组", "沈琳霞", "金色小区3号楼", "张掖农商银行东街支行", "陈艳英",
					"东街商务楼宇党建联盟", "马文军", "<style>");
			assertThat(rootElement(svgText)).isEqualTo("svg");
			Files.copy(svg, SCREENSHOTS.resolve("org-chart-export.svg"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			this.driver.findElement(By.id("exportPng")).click();
			byte[] png = Files.readAllBytes(downloaded("org-chart-GZ-DJ-C01-SQDW.png"));
			assertThat(png).startsWith(0x89, 'P', 'N', 'G');
			assertThat(png.length).isGreaterThan(20_000);

			// 7. Details of a box: people, coverage, and the query for it in the
			// explorer.
			click("GridBranch:GZ-DJ-C01-ZB01");
			this.wait.until((d) -> "GridBranch:GZ-DJ-C01-ZB01"
				.equals(script("return document.getElementById('detailsBody').dataset.id;")));
			String details = text(By.id("details"));
			assertThat(details).contains("青年社区第一网格党支部", "GZ-DJ-C01-ZB01", "东街街道党工委 / 青年社区党委", "书记 陈海", "楼院党小组覆盖",
					"15/16");
			String explorer = this.driver.findElement(By.id("explorerLink")).getDomProperty("href");
			assertThat(explorer).startsWith(baseUrl() + "/graphiql?query=");
			screenshot("org-chart-details.png");

			// 8. English: the interface switches, the names stay.
			rerender(() -> this.driver.findElement(By.id("lang")).click());
			assertThat(text(By.cssSelector("header h1"))).startsWith("Org chart");
			assertThat(boxText(COMMUNITY)).contains("青年社区党委", "Community committee", "Secretary 唐艳");
			assertThat(this.driver.getCurrentUrl()).contains("lang=en");

			// 9. Print the whole community on one A4 landscape page, as vector text.
			((JavascriptExecutor) this.driver).executeAsyncScript(
					"const done = arguments[arguments.length - 1]; OrgChart.preparePrint('A4').then(() => done());");
			assertThat(boxes()).contains("Building:GZ-DJ-C01-G01-B01", "Building:GZ-DJ-C01-G07-B07");
			assertThat(boxes().stream().filter((id) -> id.startsWith("Building:"))).hasSize(35);
			printsOnOnePage(PageSize.ISO_A4, "org-chart-A4.pdf", List.of("社区党委", "金色小区3号楼", "沈琳霞", "唐艳"));
			printsOnOnePage(new PageSize(42.0, 29.7), "org-chart-A3.pdf", List.of("金色小区7号楼", "张掖农商银行东街支行"));

			// 10. The explorer opens with the details query filled in.
			this.driver.get(explorer);
			this.wait.until((d) -> Boolean.TRUE.equals(script("""
					const editor = document.querySelector('.graphiql-query-editor');
					return !!editor && editor.innerText.includes('query Details');
					""")));
			screenshot("org-chart-explorer.png");
			noSevereConsoleEntries();
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_street_at_a_glance_its_communities_named_readably_on_a_desk_and_on_a_phone() throws IOException {
		run("org-chart-street-failure.png", () -> {
			for (Dimension size : List.of(new Dimension(1400, 1300), new Dimension(390, 844))) {
				this.driver.manage().window().setSize(size);
				open("/org-chart?id=StreetWorkingCommittee:GZ-DJ-DGW");
				List<String> communities = boxes().stream()
					.filter((id) -> id.startsWith("CommunityCommittee:"))
					.toList();
				assertThat(boxes()).hasSize(1 + 17).first().isEqualTo("StreetWorkingCommittee:GZ-DJ-DGW");
				assertThat(communities).hasSize(17);
				// Every name as drawn at the first paint, with its height on screen.
				List<Map<String, Object>> names = (List<Map<String, Object>>) script("""
						return Array.from(document.querySelectorAll('#viewport g.box text.name')).map(t => ({
						  id: t.closest('g.box').dataset.id, name: t.textContent,
						  size: t.getBoundingClientRect().height }));
						""");
				assertThat(names).hasSize(18)
					.allSatisfy((n) -> assertThat(number(n.get("size"))).as("%s at %s", n.get("name"), size)
						.isGreaterThanOrEqualTo(11));
				assertThat(names.stream().filter((n) -> communities.contains(n.get("id"))).map((n) -> n.get("name")))
					.hasSize(17)
					.contains("青年社区党委")
					.allSatisfy((name) -> assertThat((String) name).endsWith("社区党委"));
				// each community with its figures: secretary, members, grids and building
				// heads
				assertThat(boxText(COMMUNITY)).contains("书记 唐艳", "党员", "网格 7/7", "楼长 ");
				assertThat(script("return document.getElementById('chart').classList.contains('far');"))
					.isEqualTo(false);
				screenshot("org-chart-street-" + size.getWidth() + ".png");
			}
			// Deeper levels open by clicking; an explicit depth is honoured.
			long before = requests();
			rerender(() -> toggle(COMMUNITY));
			assertThat(requests()).isEqualTo(before + 1);
			assertThat(boxes()).contains("GridBranch:GZ-DJ-C01-ZB01");
			open("/org-chart?id=StreetWorkingCommittee:GZ-DJ-DGW&depth=2");
			assertThat(boxes()).hasSize(1 + 17 + 47);
			noSevereConsoleEntries();
		});
	}

	@Test
	void an_organization_from_its_code_in_the_url_all_assets_served_locally() throws IOException {
		run("org-chart-url-failure.png", () -> {
			open("/org-chart?id=GridBranch:GZ-DJ-C12-ZB03&depth=2&lang=en");
			assertThat(boxes()).first().isEqualTo("GridBranch:GZ-DJ-C12-ZB03");
			// The vacant secretary post is visible on the box.
			assertThat(boxText("GridBranch:GZ-DJ-C12-ZB03")).contains("No secretary");
			assertThat(text(By.cssSelector("header h1"))).startsWith("Org chart");
			assertThat(stringList("return performance.getEntriesByType('resource').map(e => e.name);")).isNotEmpty()
				.allSatisfy((url) -> assertThat(url).startsWith(baseUrl() + "/"));
			assertThat(screenshot("org-chart-branch.png")).isNotEmptyFile();

			// On a desk the mouse drags the drawing as far as it moves, and the wheel
			// zooms.
			WebElement chart = this.driver.findElement(By.id("chart"));
			double x = number(rect("#viewport g.box").get("x"));
			new Actions(this.driver).moveToElement(chart, 0, 150)
				.clickAndHold()
				.moveByOffset(50, 0)
				.moveByOffset(50, 0)
				.release()
				.perform();
			assertThat(number(rect("#viewport g.box").get("x")) - x).as("mouse drag").isCloseTo(100, within(2.0));
			double k = number(script("return OrgChart.view().k;"));
			new Actions(this.driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(chart), 0, -120).perform();
			this.wait.until((d) -> number(script("return OrgChart.view().k;")) > k);

			// An unknown organization: a clear message, no chart.
			this.driver.get(baseUrl() + "/org-chart?id=GridBranch:NO-SUCH");
			this.wait.until((d) -> this.driver.findElement(By.id("error")).isDisplayed());
			assertThat(text(By.id("error"))).contains("GridBranch:NO-SUCH");
		});
	}

	// --- helpers
	// ----------------------------------------------------------------------------------

	/** The root element's name of an XML document: it must parse. */
	private static String rootElement(String xml) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
				.getDocumentElement()
				.getTagName();
		}
		catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException ex) {
			throw new AssertionError("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	private List<String> boxes() {
		return stringList(BOXES);
	}

	@SuppressWarnings("unchecked")
	private List<String> hits() {
		return (List<String>) script("return OrgChart.hits();");
	}

	private long requests() {
		return ((Number) script(REQUESTS)).longValue();
	}

	private Object timing(String name) {
		return script("return OrgChart.timings['" + name + "'];");
	}

	private String boxText(String id) {
		return (String) script("return Array.from(document.querySelector(`#viewport g.box[data-id='" + id
				+ "']`).querySelectorAll('text')).map(t => t.textContent).join(' ');");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rect(String selector) {
		return (Map<String, Object>) script("const r = document.querySelector(\"" + selector
				+ "\").getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };");
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	private void toggle(String id) {
		this.driver.findElement(By.cssSelector("g.toggle[data-toggle='" + id + "']")).click();
	}

	private void click(String id) {
		WebElement box = this.driver.findElement(By.cssSelector("#viewport g.box[data-id='" + id + "'] rect.frame"));
		box.click();
	}

	private void printsOnOnePage(PageSize size, String name, List<String> expected) throws IOException {
		Pdf pdf = ((PrintsPage) this.driver).print(new PrintOptions().setPageSize(size)
			.setOrientation(PrintOptions.Orientation.LANDSCAPE)
			.setBackground(true));
		byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), bytes);
		PdfReader reader = new PdfReader(bytes);
		try {
			assertThat(reader.getNumberOfPages()).as("printed pages").isEqualTo(1);
			// Text, not pixels: the names can be extracted from the page. The CJK font
			// maps some glyphs back to Kangxi radicals (⾦ for 金), which NFKC folds into
			// the usual characters.
			String text = java.text.Normalizer
				.normalize(new PdfTextExtractor(reader).getTextFromPage(1), java.text.Normalizer.Form.NFKC)
				.replaceAll("\\s+", "");
			assertThat(text).contains(expected);
		}
		finally {
			reader.close();
		}
	}

}
