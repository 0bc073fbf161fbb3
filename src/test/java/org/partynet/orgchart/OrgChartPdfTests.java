package org.partynet.orgchart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import org.junit.jupiter.api.Test;
import org.partynet.model.Fields;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.PdfText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The org chart's PDF ({@code /org-chart.pdf}), read back as a PDF viewer would: the
 * street of the sample on its overview and one page per community, every page with its
 * title, day and page number, in an embedded font; the same confinement and masking as
 * the API; clear errors for bad requests. The files are kept in
 * {@code target/screenshots/} to look at.
 */
class OrgChartPdfTests extends HarnessTestSupport {

	private static final String STREET = "StreetWorkingCommittee:GZ-DJ-DGW";

	private static final String COMMUNITY = "CommunityCommittee:GZ-DJ-C01-SQDW";

	private static final List<String> COMMUNITIES = List.of("青年社区党委", "丰乐社区党委");

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> get(String username, String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(username)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<String> pages(byte[] pdf) throws IOException {
		return PdfText.pages(pdf);
	}

	private static void keep(byte[] pdf, String name) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(dir.resolve(name), pdf);
	}

	@Test
	void the_street_prints_an_overview_and_one_page_per_community_on_a3_and_a4() throws Exception {
		String day = Fields.today().toString();
		for (String paper : List.of("A3", "A4")) {
			this.statements.reset();
			var response = get("orgdept", "/org-chart.pdf?id=" + STREET + "&levels=4&paper=" + paper);
			assertThat(response.statusCode()).isEqualTo(200);
			// the page's query, batched per level: the 708 boxes in a fixed number of
			// statements and one read transaction
			System.out.printf("org chart PDF of the street on %s: %d bytes, %d statements%n", paper,
					response.body().length, this.statements.count());
			assertThat(this.statements.count()).isLessThanOrEqualTo(30);
			assertThat(this.statements.transactions()).isEqualTo(1);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
			assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
				.contains("org-chart-GZ-DJ-DGW-" + paper + "-" + day + ".pdf");
			keep(response.body(), "print-street-" + paper + ".pdf");
			PdfReader reader = new PdfReader(response.body());
			// landscape
			float width = paper.equals("A3") ? 1191 : 842;
			assertThat(reader.getPageSize(1).getWidth()).isEqualTo(width, offset(1f));
			assertThat(reader.getPageSize(1).getHeight()).isLessThan(reader.getPageSize(1).getWidth());
			List<String> pages = pages(response.body());
			// the overview and the 17 communities, none carried over
			assertThat(pages).as(paper).hasSize(1 + 17);
			for (int n = 1; n <= pages.size(); n++) {
				assertThat(pages.get(n - 1)).as("page %d on %s", n, paper)
					.contains("组织架构图", day, "第 " + n + " 页 / 共 18 页", "楼院党小组", "全部覆盖")
					.doesNotContain("（续）");
			}
			assertThat(pages.get(0)).contains("东街街道党工委 组织架构图", "社区概览", "17 个社区党委", "网格 112/112").contains(COMMUNITIES);
			assertThat(pages.get(1)).contains("青年社区党委 组织架构图", "东街街道党工委 › 青年社区党委", "网格党支部", "金色小区3号楼");
			assertThat(pages.get(17)).contains("组织架构图");
			String raw = new String(response.body(), StandardCharsets.ISO_8859_1);
			assertThat(raw).as("the CJK font is embedded").contains("/FontFile");
		}
	}

	@Test
	void fewer_levels_print_fewer_boxes_and_a_community_its_own_page() throws Exception {
		var two = pages(get("orgdept", "/org-chart.pdf?id=" + STREET + "&levels=2").body());
		// the communities' pages stop at their grid branches
		assertThat(two).hasSize(18);
		assertThat(two.get(1)).contains("青年社区第一网格党支部").doesNotContain("楼院党小组 ·", "金色小区3号楼");
		var community = get("orgdept", "/org-chart.pdf?id=" + COMMUNITY + "&levels=3&paper=A4");
		keep(community.body(), "print-community-A4.pdf");
		assertThat(pages(community.body())).singleElement()
			.satisfies((page) -> assertThat(page).contains("青年社区党委 组织架构图", "东街街道党工委 › 青年社区党委", "金色小区3号楼",
					"第 1 页 / 共 1 页"));
	}

	@Test
	void a_secretary_gets_their_community_but_not_the_street() throws Exception {
		var street = get("secretary", "/org-chart.pdf?id=" + STREET);
		assertThat(street.statusCode()).isEqualTo(403);
		assertThat(new String(street.body(), StandardCharsets.UTF_8)).contains("无权查看", "id");
		var other = get("secretary", "/org-chart.pdf?id=CommunityCommittee:GZ-DJ-C02-SQDW");
		assertThat(other.statusCode()).isIn(403, 404);
		var own = get("secretary", "/org-chart.pdf?id=" + COMMUNITY + "&levels=3");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(pages(own.body())).singleElement()
			.satisfies((page) -> assertThat(page).contains("青年社区党委 组织架构图", "金色小区3号楼"));
	}

	@Test
	void a_viewers_pdf_names_no_person() throws Exception {
		String path = "/org-chart.pdf?id=" + COMMUNITY + "&levels=3";
		String full = String.join("\n", pages(get("orgdept", path).body()));
		Matcher head = Pattern.compile("楼长 (\\p{IsHan}{2,4})").matcher(full);
		assertThat(head.find()).as("a building head's name on the organization department's PDF").isTrue();
		String name = head.group(1);
		Matcher secretary = Pattern.compile("书记 (\\p{IsHan}{2,4})").matcher(full);
		assertThat(secretary.find()).isTrue();
		var viewer = get("viewer", path);
		assertThat(viewer.statusCode()).isEqualTo(200);
		keep(viewer.body(), "print-community-viewer.pdf");
		String hidden = String.join("\n", pages(viewer.body()));
		assertThat(hidden).contains("青年社区党委 组织架构图", "楼长（已隐藏）", "书记（已隐藏）")
			.doesNotContain(name, secretary.group(1), "已隐藏 hidden");
	}

	@Test
	void bad_requests_get_a_clear_error_naming_the_parameter() throws Exception {
		for (String[] bad : new String[][] { { "levels=5", "levels" }, { "levels=two", "levels" },
				{ "paper=B5", "paper" } }) {
			var response = get("orgdept", "/org-chart.pdf?id=" + STREET + "&" + bad[0]);
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(bad[0]).contains(bad[1]);
		}
		var missing = get("orgdept", "/org-chart.pdf");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("id");
		var unknown = get("orgdept", "/org-chart.pdf?id=CommunityCommittee:GZ-NOWHERE");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("id", "GZ-NOWHERE");
		var malformed = get("orgdept", "/org-chart.pdf?id=nonsense");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(new String(malformed.body(), StandardCharsets.UTF_8)).contains("id");
	}

}
