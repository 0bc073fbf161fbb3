package org.partynet.coverage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.partynet.bulk.GapWorkbook;
import org.partynet.model.RelationshipKind;
import org.partynet.model.RelationshipType;
import org.partynet.organization.Organization;

/**
 * {@code /reports/coverage/gaps.xlsx}: the gaps of a scope as a pre-filled import
 * workbook (缺口导入表). Which places are gaps, and what could fill them, is coverage's rule
 * ({@link CoverageQueries#gapRows}); the rows are written in the bulk import's own format
 * ({@link GapWorkbook}), so that the file imports back through {@code /import} unchanged
 * but for the cells filled in.
 */
final class CoverageGapWorkbook {

	private CoverageGapWorkbook() {
	}

	/** Each metric's gap: the sheet, the relationship to add, and what to fill in. */
	private record Fill(String sheet, String relation, String ask) {
	}

	private static final Map<CoverageMetric, Fill> FILLS = Map.of(CoverageMetric.GRID, new Fill("coverage",
			RelationshipType.COVERS.name(), "请填写覆盖它的网格党支部代码 / fill in the covering grid branch's code"),
			CoverageMetric.BUILDING_GROUP,
			new Fill("coverage", RelationshipType.COVERS.name(),
					"请填写覆盖它的楼院党小组代码 / fill in the covering building group's code"),
			CoverageMetric.ORGANIZATION,
			new Fill("coverage", RelationshipType.GOVERNS.name(),
					"请填写管辖它的社区党委代码 / fill in the governing community committee's code"),
			CoverageMetric.BUILDING_HEAD,
			new Fill(
					"links", RelationshipKind.HEAD_OF.name(), "请填写党员楼长的人员代码 / fill in the building head's person code"),
			CoverageMetric.DUAL_NET,
			new Fill("links", RelationshipKind.WORKS_FOR.name(),
					"请填写专职网格员的人员代码 / fill in the grid worker's person code"),
			CoverageMetric.COMMERCIAL, new Fill("links", RelationshipKind.INSTRUCTS.name(),
					"请填写党建指导员的人员代码 / fill in the instructor's person code"));

	private static final List<String[]> LEAD = List.<String[]>of(new String[] { "缺口导入表 Gaps workbook",
			"本文件列出范围内的每个覆盖缺口：覆盖表和关系表中每行一处缺口，已知内容已填好，黄色单元格待填写（“说明”列写明是哪一处、可填什么）。填好后在 /import 导入；未填写的行导入时跳过并报告行数。起始日期留空即为导入当天。",
			"Every coverage gap of the scope, one row each in the coverage and links sheets, with what is known filled in and the yellow cell to fill (the Note column says which place it is and what may go there). Import the filled file at /import; rows left unfilled are skipped and counted. An empty Since is the day of the import." });

	/** The rows of these gaps, in their order. */
	static List<GapWorkbook.Row> rows(List<CoverageQueries.GapRow> gaps) {
		return gaps.stream().map(gap -> {
			Fill fill = FILLS.get(gap.metric());
			Map<String, String> cells = fill.sheet().equals("coverage")
					? Map.of("relation", fill.relation(), "area", gap.area().code())
					: Map.of("kind", fill.relation(), "to", gap.area().code());
			String where = (gap.community() != null && !gap.community().equals(gap.area()))
					? gap.community().name() + " · " : "";
			String reason = (gap.metric() == CoverageMetric.DUAL_NET) ? "无专职网格员 / no grid worker"
					: gap.metric().gapReason();
			String choices = gap.choices().isEmpty() ? "" : "\n可选 Choices: "
					+ gap.choices().stream().map(o -> o.code() + " " + o.name()).collect(Collectors.joining("、"));
			return new GapWorkbook.Row(fill.sheet(), cells, gap.choices().stream().map(Organization::code).toList(),
					where + gap.area().name() + "（" + gap.area().code() + "）：" + reason + "。" + fill.ask() + choices);
		}).toList();
	}

	static void write(CoverageReport report, List<GapWorkbook.Row> rows, OutputStream out) throws IOException {
		GapWorkbook.write("缺口导入表 Gaps workbook · " + report.name() + " · 截至 As of " + report.asOf(), LEAD, rows, out);
	}

}
