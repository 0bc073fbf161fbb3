package org.partynet.coverage;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.partynet.report.CellText;
import org.partynet.report.ReportSettings;

/**
 * The coverage report as an Excel workbook (opens in Microsoft Office and WPS): a summary
 * sheet with the breakdown, and a sheet of gaps per metric. Written with POI's streaming
 * workbook, which keeps only a window of rows in memory.
 */
final class CoverageExcel {

	/** The row of the summary's column titles, under the title rows. */
	static final int HEAD = 6;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final CellStyle header;

	private final CellStyle percent;

	private final CellStyle title;

	/** Every text cell: names never become formulas. */
	private final CellText.Cells text = CellText.cells(this.workbook);

	private final ReportSettings settings;

	private CoverageExcel(ReportSettings settings) {
		this.settings = settings;
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		this.header = this.workbook.createCellStyle();
		this.header.setFont(bold);
		this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.percent = this.workbook.createCellStyle();
		this.percent.setDataFormat(this.workbook.createDataFormat().getFormat("0.0%"));
		Font big = this.workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		this.title = this.workbook.createCellStyle();
		this.title.setFont(big);
	}

	static void write(CoverageExport export, CoverageExport.Contents contents, ReportSettings settings,
			OutputStream out) throws IOException {
		CoverageExcel excel = new CoverageExcel(settings);
		try {
			excel.summary(contents);
			for (CoverageMetric metric : CoverageMetric.values()) {
				excel.gaps(export, contents, metric);
			}
			excel.workbook.write(out);
		}
		finally {
			excel.workbook.close();
		}
	}

	private void summary(CoverageExport.Contents contents) {
		Sheet sheet = this.workbook.createSheet(heading("概况", "Summary"));
		int[] widths = { 34, 14, 14, 14 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		// The title rows: title, issuing unit (the row stays when there is none), date
		// line,
		// scope and when it was made.
		cell(sheet.createRow(0), 0, contents.title(this.settings), this.title);
		this.text.text(sheet.createRow(1), 0, this.settings.issuer());
		this.text.text(sheet.createRow(2), 0, this.settings.dateLine(contents.report().asOf()));
		this.text.text(sheet.createRow(3), 0, contents.scopeLine(this.settings));
		this.text.text(sheet.createRow(4), 0, contents.madeLine(this.settings));
		headerRow(sheet, HEAD, heading("指标", "Metric"), heading("总数", "Total"), heading("已覆盖", "Covered"),
				heading("覆盖率", "Ratio"));
		sheet.createFreezePane(0, HEAD + 1);
		int r = HEAD + 1;
		for (CoverageMetric metric : CoverageMetric.values()) {
			Row row = sheet.createRow(r++);
			this.text.text(row, 0, heading(metric.chinese(), metric.english()));
			figure(row, 1, contents.report().figures().get(metric));
		}
		if (contents.breakdown().isEmpty()) {
			return;
		}
		r++;
		cell(sheet.createRow(r++), 0, heading("下级", "Breakdown"), this.title);
		Row head = sheet.createRow(r++);
		cell(head, 0, heading("名称", "Name"), this.header);
		int c = 1;
		for (CoverageMetric metric : CoverageMetric.values()) {
			cell(head, c, heading(metric.chinese(), metric.english()) + " " + heading("总数", "total"), this.header);
			cell(head, c + 1, heading("已覆盖", "Covered"), this.header);
			cell(head, c + 2, heading("覆盖率", "Ratio"), this.header);
			c += 3;
		}
		for (int i = 4; i < c; i++) {
			sheet.setColumnWidth(i, 14 * 256);
		}
		for (CoverageReport child : contents.breakdown()) {
			Row row = sheet.createRow(r++);
			this.text.text(row, 0, child.name());
			c = 1;
			for (CoverageMetric metric : CoverageMetric.values()) {
				figure(row, c, child.figures().get(metric));
				c += 3;
			}
		}
	}

	private void gaps(CoverageExport export, CoverageExport.Contents contents, CoverageMetric metric) {
		Sheet sheet = this.workbook.createSheet("缺口 " + metric.chinese());
		int[] widths = { 24, 24, 60, 40 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		headerRow(sheet, 0, heading("编码", "Code"), heading("名称", "Name"), heading("位置", "Place"),
				heading("原因", "Reason"));
		sheet.createFreezePane(0, 1);
		int[] next = { 1 };
		export.eachGap(contents.report(), metric, gap -> {
			Row row = sheet.createRow(next[0]++);
			this.text.text(row, 0, gap.area().code());
			this.text.text(row, 1, gap.area().name());
			this.text.text(row, 2, gap.place());
			this.text.text(row, 3, CoverageExport.reason(gap, this.settings));
		});
		if (next[0] == 1) {
			this.text.text(sheet.createRow(1), 0, heading("无缺口", "No gaps"));
		}
	}

	private String heading(String chinese, String english) {
		return this.settings.heading(chinese, english);
	}

	private void headerRow(Sheet sheet, int index, String... titles) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < titles.length; i++) {
			cell(row, i, titles[i], this.header);
		}
	}

	private void figure(Row row, int column, CoverageFigure figure) {
		row.createCell(column).setCellValue(figure.total());
		row.createCell(column + 1).setCellValue(figure.covered());
		if (figure.ratio() != null) {
			var cell = row.createCell(column + 2);
			cell.setCellValue(figure.ratio());
			cell.setCellStyle(this.percent);
		}
	}

	private void cell(Row row, int column, String value, CellStyle style) {
		this.text.text(row, column, value, style);
	}

}
