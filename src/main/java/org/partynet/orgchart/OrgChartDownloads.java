package org.partynet.orgchart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.BaseFont;
import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.GlobalId;
import org.partynet.model.Fields;
import org.partynet.model.NodeLabel;
import org.partynet.report.ReportSettings;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /org-chart.pdf?id=&levels=&paper=}: the org chart on paper, for the page's 打印
 * (the browser's PDF viewer prints it) and 下载 PDF alike, so that both give the same
 * pages. The chart is read (and the request checked) before anything is written, so a bad
 * request gets a clear error and no file.
 */
@Controller
class OrgChartDownloads {

	/** Levels when none are asked for: down to the building heads. */
	static final int ALL_LEVELS = 4;

	private final ChartData data;

	private final ReportSettings settings;

	OrgChartDownloads(ChartData data, ReportSettings settings) {
		this.data = data;
		this.settings = settings;
	}

	/**
	 * @param id the organization's global id
	 * @param levels how many levels under it, 1 to 4, as the page's 展开层数 counts them; a
	 * street's community pages show at least the grid branches
	 * @param paper A4 or A3, landscape
	 */
	@GetMapping("/org-chart.pdf")
	ResponseEntity<StreamingResponseBody> pdf(@RequestParam(required = false) String id,
			@RequestParam(required = false) String levels, @RequestParam(required = false) String paper) {
		if (id == null || id.isBlank()) {
			throw new BadRequestException("id", "缺少参数 id（组织的 id）/ Argument 'id' (the organization's id) is missing");
		}
		int depth = levels(levels);
		ChartPages.Paper sheet = paper(paper);
		BaseFont font = this.settings.font();
		if (font == null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(out -> out.write(ReportSettings.NO_FONT.getBytes(StandardCharsets.UTF_8)));
		}
		GlobalId global = GlobalId.parse(id, "id");
		// A street's pages go one level further than its overview: each community's
		// page shows what lies under it.
		boolean street = NodeLabel.STREET_WORKING_COMMITTEE.label().equals(global.label());
		ChartData.Chart chart = this.data.read(id, street ? Math.max(2, depth) : depth);
		List<ChartPages.Page> pages = ChartPages.of(chart.root(), chart.above(), sheet);
		LocalDate day = Fields.today();
		String name = "org-chart-" + global.code() + "-" + sheet + "-" + day + ".pdf";
		String issuer = this.settings.issuer();
		String dateLine = this.settings.dateLine(day);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			// inline, so that 打印 opens it in the browser's viewer; the page's download
			// link saves it under this name
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(out -> ChartPdf.write(pages, sheet, font, issuer, dateLine, out));
	}

	private static int levels(String levels) {
		if (levels == null || levels.isBlank()) {
			return ALL_LEVELS;
		}
		if (!levels.strip().matches("[1-4]")) {
			throw new BadRequestException("levels",
					"参数 levels 须为 1 到 4 的层数：%s / Argument 'levels' must be a number of levels from 1 to 4: %s"
						.formatted(levels, levels));
		}
		return Integer.parseInt(levels.strip());
	}

	private static ChartPages.Paper paper(String paper) {
		if (paper == null || paper.isBlank()) {
			return ChartPages.Paper.A4;
		}
		return switch (paper.strip().toUpperCase(Locale.ROOT)) {
			case "A4" -> ChartPages.Paper.A4;
			case "A3" -> ChartPages.Paper.A3;
			default -> throw new BadRequestException("paper",
					"参数 paper 须为 A4 或 A3：%s / Argument 'paper' must be A4 or A3: %s".formatted(paper, paper));
		};
	}

}
