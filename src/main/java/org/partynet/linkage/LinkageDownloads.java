package org.partynet.linkage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.partynet.area.Area;
import org.partynet.graphql.GlobalId;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.model.Fields;
import org.partynet.report.CellText;
import org.partynet.report.ReportSettings;
import org.partynet.report.Sheets;
import org.partynet.scope.Scope;
import org.partynet.unit.Alliance;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The linkage page {@code /reports/linkage} and its Excel download
 * {@code /reports/linkage.xlsx?scope=}.
 */
@Controller
class LinkageDownloads {

	private final LinkageQueries queries;

	private final Scope scope;

	private final ReportSettings settings;

	LinkageDownloads(LinkageQueries queries, Scope scope, ReportSettings settings) {
		this.queries = queries;
		this.scope = scope;
		this.settings = settings;
	}

	@GetMapping("/reports/linkage")
	String page() {
		return "forward:/reports/linkage.html";
	}

	/**
	 * The scope's links, the summary by category and kind, part-time members and unlinked
	 * communities.
	 */
	@GetMapping("/reports/linkage.xlsx")
	ResponseEntity<StreamingResponseBody> excel(@RequestParam(required = false) String scope) {
		// Checked before anything is streamed: a bad scope is a plain 400 or 404.
		String given = (scope == null || scope.isBlank()) ? null : scope;
		String code = this.scope.code(given);
		// no scope: a secretary's is their own organization
		GlobalId id = (given != null) ? GlobalId.parse(given, "scope")
				: (code != null) ? new GlobalId("PartyOrganization", code) : null;
		Linkages linkages = (id != null) ? this.queries.linkages(id).orElseThrow() : null;
		LinkageSummary summary = this.queries.summary(code);
		String name = "linkage-" + ((id == null) ? "all" : (given != null) ? given.replace(':', '-') : code) + ".xlsx";
		return ResponseEntity.ok()
			.contentType(Sheets.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(out -> write(this.settings, summary, linkages, out));
	}

	// Headings in the configured language (Chinese only by default), as every report sent
	// upward.
	private static void write(ReportSettings settings, LinkageSummary summary, Linkages linkages, OutputStream out)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle header = Sheets.headerStyle(workbook);
			CellText.Cells text = CellText.cells(workbook);

			Sheet links = workbook.createSheet(settings.heading("联系明细", "Links"));
			Sheets.widths(links, 22, 12, 30, 14, 24, 30, 30, 30);
			text.text(links.createRow(0), 0,
					settings.heading("联动", "Linkage") + " · " + settings.scopeLine(summary.name()));
			// the issuing unit and the day: links are as they are today
			text.text(links.createRow(1), 0,
					(settings.issuer().isEmpty() ? "" : settings.issuer() + " · ") + settings.dateLine(Fields.today()));
			Sheets.headers(links, 2, header, settings.heading("联系方式", "Kind"), settings.heading("单位编码", "Unit code"),
					settings.heading("单位", "Unit"), settings.heading("类别", "Category"),
					settings.heading("人员", "People"), settings.heading("党建联盟", "Alliances"),
					settings.heading("党组织", "Organizations"), settings.heading("社区", "Communities"));
			links.createFreezePane(0, 3);
			int r = 3;
			if (linkages != null) {
				for (Linkages.Group group : linkages.groups()) {
					for (Linkages.UnitLink link : group.links()) {
						Row row = links.createRow(r++);
						text.text(row, 0, group.kindName());
						text.text(row, 1, link.unit().code());
						text.text(row, 2, link.unit().name());
						text.text(row, 3, link.unit().categoryName());
						text.text(row, 4, names(link.people().stream().map(Person::name).toList()));
						text.text(row, 5, names(link.alliances().stream().map(Alliance::name).toList()));
						text.text(row, 6, names(link.organizations().stream().map(Organization::name).toList()));
						text.text(row, 7, names(link.communities().stream().map(Area::name).toList()));
					}
				}
			}
			else {
				text.text(links.createRow(r), 0, settings.heading("请选择范围", "/ Choose a scope for the list of links"));
			}

			Sheet units = workbook.createSheet(settings.heading("单位类别", "Units"));
			Sheets.widths(units, 16, 28, 10);
			Sheets.headers(units, 0, header, settings.heading("类别", "Category"), settings.heading("联系方式", "Kind"),
					settings.heading("单位数", "Units"));
			units.createFreezePane(0, 1);
			r = 1;
			for (LinkageSummary.UnitCount count : summary.unitsByCategory()) {
				Row row = units.createRow(r++);
				text.text(row, 0, count.categoryName());
				text.text(row, 1, settings.heading("合计", "Any"));
				row.createCell(2).setCellValue(count.units());
			}
			for (LinkageSummary.UnitCount count : summary.units()) {
				Row row = units.createRow(r++);
				text.text(row, 0, count.categoryName());
				text.text(row, 1, count.kindName());
				row.createCell(2).setCellValue(count.units());
			}

			Sheet partTime = workbook.createSheet(settings.heading("兼职委员", "Part-time members"));
			Sheets.widths(partTime, 16, 20, 10, 50);
			Sheets.headers(partTime, 0, header, settings.heading("社区编码", "Code"), settings.heading("社区", "Community"),
					settings.heading("人数", "Count"), settings.heading("兼职委员", "People"));
			partTime.createFreezePane(0, 1);
			r = 1;
			for (LinkageSummary.CommunityPartTimeMembers community : summary.partTimeMembers()) {
				Row row = partTime.createRow(r++);
				text.text(row, 0, community.community().code());
				text.text(row, 1, community.community().name());
				row.createCell(2).setCellValue(community.count());
				text.text(row, 3, names(community.people().stream().map(Person::name).toList()));
			}

			Sheet unlinked = workbook.createSheet(settings.heading("无联系社区", "Unlinked"));
			Sheets.widths(unlinked, 16, 24);
			Sheets.headers(unlinked, 0, header, settings.heading("社区编码", "Code"), settings.heading("社区", "Community"));
			r = 1;
			for (Area community : summary.unlinkedCommunities()) {
				Row row = unlinked.createRow(r++);
				text.text(row, 0, community.code());
				text.text(row, 1, community.name());
			}
			if (summary.unlinkedCommunities().isEmpty()) {
				text.text(unlinked.createRow(1), 0,
						settings.heading("无：每个社区都有驻区单位联系", "/ None: every community has an outside link"));
			}
			workbook.write(out);
		}
	}

	private static String names(List<String> names) {
		return names.stream().collect(Collectors.joining("、"));
	}

}
