package org.partynet.bulk;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.partynet.report.CellText;

/**
 * What the template and the export share: the instructions sheet, then one sheet per
 * {@link Format#SHEETS} with its header row (bold, filled, frozen; required columns in
 * orange with a comment), text-formatted columns, a drop-down of the Chinese labels on
 * every choice column and a format hint on every date column. Works on any POI workbook:
 * the template is a small {@code XSSFWorkbook}, the export a streaming
 * {@code SXSSFWorkbook}.
 */
final class BulkWorkbook {

	/** Title of the first sheet. */
	static final String INSTRUCTIONS = "说明 Instructions";

	/**
	 * The last row index a drop-down or date hint covers: the whole column below the
	 * header.
	 */
	static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

	private final Workbook workbook;

	private final CellStyle optional;

	private final CellStyle required;

	private final CellStyle text;

	private final CellStyle bold;

	private final CellStyle wrap;

	private final CellStyle toFill;

	/**
	 * Every text cell, neutralised: a name never becomes a formula, and reads back as it
	 * was.
	 */
	private final CellText.Cells cells;

	BulkWorkbook(Workbook workbook) {
		this.workbook = workbook;
		this.cells = CellText.cells(workbook);
		Font font = workbook.createFont();
		font.setBold(true);
		this.optional = workbook.createCellStyle();
		this.optional.setFont(font);
		this.optional.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.optional.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.required = workbook.createCellStyle();
		this.required.setFont(font);
		this.required.setFillForegroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
		this.required.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.text = workbook.createCellStyle();
		this.text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		this.bold = workbook.createCellStyle();
		this.bold.setFont(font);
		this.bold.setWrapText(true);
		this.bold.setVerticalAlignment(VerticalAlignment.TOP);
		this.wrap = workbook.createCellStyle();
		this.wrap.setWrapText(true);
		this.wrap.setVerticalAlignment(VerticalAlignment.TOP);
		this.toFill = workbook.createCellStyle();
		this.toFill.setDataFormat(workbook.createDataFormat().getFormat("@"));
		this.toFill.setFillForegroundColor(IndexedColors.YELLOW.getIndex());
		this.toFill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

	/**
	 * The cell a gap row leaves to fill: empty, highlighted, with a drop-down of the
	 * codes that may go there when there are some (Excel keeps such a list under 256
	 * characters; a longer one is left to the row's note).
	 */
	void toFill(Sheet sheet, Row row, int column, List<String> choices) {
		row.createCell(column).setCellStyle(this.toFill);
		String list = String.join(",", choices);
		if (choices.isEmpty() || list.length() > 255) {
			return;
		}
		DataValidationHelper validations = sheet.getDataValidationHelper();
		DataValidation validation = validations.createValidation(
				validations.createExplicitListConstraint(choices.toArray(new String[0])),
				new CellRangeAddressList(row.getRowNum(), row.getRowNum(), column, column));
		validation.setShowErrorBox(true);
		validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
		validation.createErrorBox("不在建议之列 Not among the suggestions", "可选 Suggested: " + list);
		sheet.addValidationData(validation);
	}

	/** The notes column ({@link Format#NOTE}) after a data sheet's columns. */
	void noteColumn(Sheet sheet, int column) {
		cell(sheet.getRow(0), column, Format.NOTE, this.optional);
		sheet.setColumnWidth(column, 70 * 256);
	}

	/** A note: wrapped text. */
	void note(Row row, int column, String value) {
		this.cells.text(row, column, value, this.wrap);
	}

	/**
	 * A data cell: text, so that codes, phone and ID numbers and days stay as written.
	 */
	void data(Row row, int column, String value) {
		this.cells.text(row, column, value, this.text);
	}

	/** Creates the data sheet with its header row, formats, drop-downs and hints. */
	Sheet dataSheet(Format.Sheet format) {
		Sheet sheet = this.workbook.createSheet(format.title());
		Row header = sheet.createRow(0);
		CreationHelper creation = this.workbook.getCreationHelper();
		Drawing<?> drawing = sheet.createDrawingPatriarch();
		DataValidationHelper validations = sheet.getDataValidationHelper();
		List<Format.Column> columns = format.columns();
		for (int c = 0; c < columns.size(); c++) {
			Format.Column column = columns.get(c);
			Cell cell = this.cells.text(header, c, column.header(), column.required() ? this.required : this.optional);
			ClientAnchor anchor = creation.createClientAnchor();
			anchor.setCol1(c);
			anchor.setCol2(c + 3);
			anchor.setRow1(0);
			anchor.setRow2(4);
			Comment comment = drawing.createCellComment(anchor);
			comment.setString(creation.createRichTextString(hint(column)));
			comment.setAuthor("partynet");
			cell.setCellComment(comment);
			sheet.setColumnWidth(c, width(column) * 256);
			sheet.setDefaultColumnStyle(c, this.text);
			CellRangeAddressList below = new CellRangeAddressList(1, LAST_ROW, c, c);
			if (column.type() == Format.Type.CHOICE) {
				DataValidationConstraint list = validations
					.createExplicitListConstraint(column.values().keySet().toArray(new String[0]));
				DataValidation validation = validations.createValidation(list, below);
				validation.setSuppressDropDownArrow(true);
				validation.setShowErrorBox(true);
				validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
				validation.createErrorBox("请从下拉列表中选择", "可选 Allowed: " + String.join("、", column.values().keySet()));
				sheet.addValidationData(validation);
			}
			else if (column.type() == Format.Type.DATE) {
				DataValidationConstraint length = validations
					.createTextLengthConstraint(DataValidationConstraint.OperatorType.EQUAL, "10", null);
				DataValidation validation = validations.createValidation(length, below);
				validation.setShowPromptBox(true);
				validation.createPromptBox("日期 Date", "yyyy-MM-dd，如 2021-01-01");
				validation.setShowErrorBox(true);
				validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
				validation.createErrorBox("日期格式 Date format",
						"请按 yyyy-MM-dd 填写，如 2021-01-01 / Write days as yyyy-MM-dd");
				sheet.addValidationData(validation);
			}
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	/**
	 * The instructions sheet: what the file is for, the rules, then every sheet and
	 * column.
	 */
	void instructions() {
		instructions("党建网络批量导入模板 Party network bulk workbook", List.of());
	}

	/**
	 * The instructions sheet under this title, with {@code lead} (Chinese, English)
	 * before the general rules.
	 */
	void instructions(String heading, List<String[]> lead) {
		Sheet sheet = this.workbook.createSheet(INSTRUCTIONS);
		int[] widths = { 30, 10, 20, 34, 50, 60 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		int r = 0;
		Row title = sheet.createRow(r++);
		cell(title, 0, heading, this.bold);
		r++;
		for (String[] line : Stream.concat(lead.stream(), GENERAL.stream()).toList()) {
			Row row = sheet.createRow(r);
			cell(row, 0, line[0], this.bold);
			cell(row, 1, line[1], this.wrap);
			cell(row, 5, line[2], this.wrap);
			sheet.addMergedRegion(new CellRangeAddress(r, r, 1, 4));
			row.setHeightInPoints(Math.max(15, 15 * (1 + Math.max(line[1].length() / 55, line[2].length() / 70))));
			r++;
		}
		r++;
		Row head = sheet.createRow(r++);
		String[] heads = { "工作表 / 列 Sheet / column", "必填 Required", "类型 Type", "可选值或引用 Values or references", "说明",
				"Notes" };
		for (int i = 0; i < heads.length; i++) {
			cell(head, i, heads[i], this.optional);
		}
		for (Format.Sheet format : Format.SHEETS) {
			String[] about = SHEETS.get(format.key());
			Row row = sheet.createRow(r++);
			cell(row, 0, format.title(), this.bold);
			cell(row, 1, "", this.bold);
			cell(row, 2, format.key() + ".csv", this.wrap);
			cell(row, 4, about[0], this.wrap);
			cell(row, 5, about[1], this.wrap);
			row.setHeightInPoints(15 * (1 + Math.max(about[0].length() / 45, about[1].length() / 55)));
			for (Format.Column column : format.columns()) {
				Row line = sheet.createRow(r++);
				cell(line, 0, "  " + column.header(), this.wrap);
				cell(line, 1, column.required() ? "是 Yes" : "否 No", this.wrap);
				cell(line, 2, TYPES.get(column.type())[0], this.wrap);
				cell(line, 3, values(column), this.wrap);
				String[] note = NOTES.getOrDefault(format.key() + "." + column.key(), NOTES.getOrDefault(column.key(),
						new String[] { TYPES.get(column.type())[1], TYPES.get(column.type())[2] }));
				cell(line, 4, note[0], this.wrap);
				cell(line, 5, note[1], this.wrap);
			}
			Row example = sheet.createRow(r++);
			cell(example, 0, "  示例 Example", this.wrap);
			cell(example, 4, about[2], this.wrap);
			sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 4, 5));
		}
		sheet.createFreezePane(0, 1);
	}

	private static String values(Format.Column column) {
		if (column.type() == Format.Type.CHOICE) {
			return column.values()
				.entrySet()
				.stream()
				.map(e -> e.getKey() + " " + e.getValue())
				.collect(Collectors.joining("、"));
		}
		if (column.type() == Format.Type.REFERENCE) {
			return "→ "
					+ column.refers().stream().map(key -> Format.sheet(key).title()).collect(Collectors.joining("、"));
		}
		return "";
	}

	/** The header cell's comment. */
	private static String hint(Format.Column column) {
		String[] type = TYPES.get(column.type());
		String values = values(column);
		return (column.required() ? "必填 Required" : "选填 Optional") + "\n" + type[0]
				+ (values.isEmpty() ? "" : "\n" + values);
	}

	private static int width(Format.Column column) {
		return switch (column.type()) {
			case TEXT -> column.key().equals("name") ? 30 : 20;
			case DATE -> 16;
			case CHOICE -> 14;
			case ID_NUMBER -> 22;
			default -> 20;
		};
	}

	private void cell(Row row, int column, String value, CellStyle style) {
		this.cells.text(row, column, value, style);
	}

	// Chinese first, English beside.
	private static final List<String[]> GENERAL = List.of(new String[] { "用途 Purpose",
			"本文件用于批量导入或导出城市基层党建网络：区、街道、社区、网格、楼院、商务楼宇与商圈市场、党组织、驻区单位、人员，以及职务、覆盖和其他关系。模板（/import/template.xlsx）和导出（/export/network.xlsx）格式相同；导出的文件原样导入不产生任何变更。",
			"This workbook imports or exports the urban party network in bulk: districts, streets, communities, grids, buildings, commercial sites, party organizations, outside units, people, and their roles, coverage and other links. The template (/import/template.xlsx) and the export (/export/network.xlsx) share this format; an export imported back changes nothing." },
			new String[] { "表头 Headers",
					"每个数据工作表的第一行是表头，请勿修改、增删或调换表头和工作表名称。橙色表头为必填列（鼠标停在表头上可看说明），灰色为选填列。从第二行起每行一条记录；不要留示例行。",
					"Row 1 of every data sheet is its header: do not change, add, remove or reorder headers or sheet names. Orange headers are required columns (hover for a note), grey ones optional. One record per row from row 2; leave no example rows." },
			new String[] { "按代码更新 Upsert by code", "区域、党组织、单位和人员按“代码”更新或新增：代码已存在则更新名称等属性，不存在则新建。代码一经使用不要更改。",
					"Areas, organizations, units and people are upserted by their code: an existing code is updated, a new one created. Do not change a code once used." },
			new String[] { "关系 Relationships",
					"职务、覆盖和关系表中的一行是一条关系，按两端、类型（职务）和起始日期识别。填写“终止日期 Until”即结束这条关系；关系结束后仍保留为历史，报表仍可按以前的日期查询。",
					"A row of the roles, coverage and links sheets is one relationship, identified by its two ends, its kind (role) and its start day. Filling 终止日期 Until ends it; an ended relationship stays as history, so reports can still be asked as of an earlier day." },
			new String[] { "缺口行 Gap rows",
					"覆盖表中只缺“党组织”、关系表中只缺“起点”的行是未填写的缺口行（如缺口导入表中黄色单元格仍为空的行）：导入时跳过，并报告跳过的行数；其余行照常导入。“说明（不导入）”列只供阅读，不导入。",
					"A row of the coverage sheet missing only its organization, or of the links sheet missing only its from, is a gap row left unfilled (as in the gaps workbook, its yellow cell still empty): the import skips it and says how many it skipped; the other rows import as usual. The 说明 Note column is for reading only, never imported." },
			new String[] { "不删除 Nothing is deleted", "导入从不删除任何节点或关系：文件中没有的行保持不变。要撤销一项设置，请填写其终止日期。",
					"An import never deletes a node or relationship: what the file leaves out stays as it is. To undo something, fill in its Until day." },
			new String[] { "日期 Dates", "日期一律写作 yyyy-MM-dd 文本，如 2021-01-01。",
					"Days are text yyyy-MM-dd, e.g. 2021-01-01." },
			new String[] { "选项 Choices", "类型、类别、职务、性别、党籍等列只能从下拉列表中选择中文选项（可选值一列中每个中文选项后列出其存储值）。",
					"Kind, category, role, gender and status columns take one of the Chinese labels in their drop-down list (the stored English value is listed beside each)." },
			new String[] { "引用 References", "“所属…”“上级组织”“人员”“党组织”“起点”“终点”等列填写另一行的代码：可以是本文件其他工作表中的行，也可以是数据库中已有的节点。",
					"Parent, person, organization, from and to columns hold the code of another row: in this workbook or already in the database." },
			new String[] { "CSV 文件 CSV files",
					"也可以用 CSV 文件（UTF-8）导入：每个工作表一个文件，文件名为“<键>.csv”（如 grids.csv，见下表第三列），第一行为同样的表头。",
					"CSV files (UTF-8) work too: one file per sheet named <key>.csv (e.g. grids.csv, the third column below), with the same header row." },
			new String[] { "不包含 Not included",
					"街道办事机构和事业单位（Institution）、联合党支部的联合单位（JOINS）、审计记录不在本格式中，导出时不包含，导入时不改动。区域和党组织只导出其当前（或最后）的上级；已结束的上级关系和已撤销组织的撤销日期不导出。",
					"The street's offices and service institutions (Institution), the units of joint branches (JOINS) and the audit trail are not part of this format: the export leaves them out, an import leaves them alone. Areas and organizations carry their current (or last) parent only; ended parent relationships and an ended organization's end day are not exported." },
			new String[] { "权限 Access", "导出包含完整的电话和身份证号，只有区委组织部账号可以导出和导入。",
					"The export holds phone and ID numbers in full: only the organization department (ORG_DEPT) may export and import." });

	private static final Map<Format.Type, String[]> TYPES = Map.of(Format.Type.CODE,
			new String[] {
					"代码 Code", "字母、数字、- 和 _，最多 64 个字符；唯一", "Letters, digits, - and _, at most 64 characters; unique" },
			Format.Type.REFERENCE,
			new String[] { "引用 Reference", "另一行的代码（本文件中或数据库中已有）",
					"The code of another row (in this workbook or the database)" },
			Format.Type.TEXT, new String[] { "文本 Text", "最多 100 个字符", "At most 100 characters" }, Format.Type.DATE,
			new String[] { "日期 Date", "yyyy-MM-dd，如 2021-01-01", "yyyy-MM-dd, e.g. 2021-01-01" }, Format.Type.CHOICE,
			new String[] { "选项 Choice", "从下拉列表中选择", "One of the drop-down's labels" }, Format.Type.PHONE,
			new String[] { "电话 Phone", "数字、空格、+ 和 -", "Digits, spaces, + and -" }, Format.Type.ID_NUMBER,
			new String[] { "身份证号 ID number", "18 位：17 位数字加一位数字或 X", "18 characters: 17 digits, then a digit or X" });

	/** Notes per {@code sheet.column} or per column key. */
	private static final Map<String, String[]> NOTES = Map.ofEntries(Map.entry("since", new String[] {
			"yyyy-MM-dd；关系开始的日期（对区域和党组织是隶属于上级的日期）",
			"yyyy-MM-dd; the day the relationship began (for areas and organizations: the day they came under their parent)" }),
			Map.entry("until",
					new String[] { "yyyy-MM-dd；填写即结束这条关系（不删除）",
							"yyyy-MM-dd; filling it ends the relationship (nothing is deleted)" }),
			Map.entry("organizations.parent", new String[] { "上级党组织的代码；街道党工委可留空；党建联盟填所属街道党工委",
					"The code of the leading organization; empty for a street working committee; an alliance's is its street working committee" }),
			Map.entry("organizations.electedOn",
					new String[] { "最近一次换届选举的日期，用于换届提醒", "The day of the last election, for term reminders" }),
			Map.entry("roles.title", new String[] { "具体称谓，如“组织委员”“党工委书记”", "The post's own name, e.g. 组织委员" }),
			Map.entry("links.status",
					new String[] { "仅“党员”关系：正式或预备", "Only for 党员 (MEMBER_OF): full or probationary" }),
			Map.entry("links.title",
					new String[] { "仅“任职单位”关系：职务，如“党组织负责人”", "Only for 任职单位 (EMPLOYED_BY): the post, e.g. 党组织负责人" }),
			Map.entry("links.from",
					new String[] { "人员代码，或单位代码（联盟成员、共驻共建、单位双报到）",
							"A person's code, or a unit's (联盟成员, 共驻共建, a unit's 双报到)" }),
			Map.entry("links.to", new String[] {
					"党员、党小组成员→党组织；楼长→楼院；网格员→网格；指导员→商务楼宇或商圈市场；任职单位→单位；联盟成员→党建联盟；共驻共建→社区党委；双报到→社区",
					"党员, 党小组成员 → organization; 楼长 → building; 网格员 → grid; 指导员 → site; 任职单位 → unit; 联盟成员 → alliance; 共驻共建 → community committee; 双报到 → community" }),
			Map.entry("coverage.relation", new String[] { "管辖：街道党工委→街道、社区党委→社区；覆盖：网格党支部→网格、楼院党小组→楼院、党建联盟→商务楼宇或商圈市场",
					"管辖 GOVERNS: street committee → street, community committee → community; 覆盖 COVERS: grid branch → grids, building group → buildings, alliance → sites" }),
			Map.entry("people.phone", new String[] { "完整电话号码", "The full phone number" }), Map.entry("people.idNumber",
					new String[] { "完整身份证号（文本格式，勿转为数字）", "The full ID number (as text, never a number)" }));

	/** Per sheet: Chinese, English, an example row. */
	private static final Map<String, String[]> SHEETS = Map.ofEntries(
			Map.entry("districts", new String[] { "区（治理网的根）", "Districts, the root of the governance net", "GZ，甘州区" }),
			Map.entry("streets", new String[] { "街道及其所属区", "Streets and their district", "GZ-DJ，东街街道，GZ，2019-06-01" }),
			Map.entry("communities",
					new String[] { "社区及其所属街道", "Communities and their street", "GZ-DJ-C01，青年社区，GZ-DJ，2019-06-01" }),
			Map.entry("grids",
					new String[] { "网格及其所属社区", "Grids and their community",
							"GZ-DJ-C01-G01，青年社区第1网格，GZ-DJ-C01，2019-06-01" }),
			Map.entry("buildings",
					new String[] { "楼院及其所属网格", "Buildings and their grid",
							"GZ-DJ-C01-G01-B01，幸福小区1号楼，GZ-DJ-C01-G01，2019-06-01" }),
			Map.entry("sites",
					new String[] { "商务楼宇与商圈市场及其所在网格", "Commercial buildings and markets and their grid",
							"GZ-DJ-SL01，东街金融大厦，商务楼宇，GZ-DJ-C01-G02，2019-06-01" }),
			Map.entry("organizations",
					new String[] { "党组织（街道党工委、社区党委、网格党支部、楼院党小组）和党建联盟，及其上级组织",
							"Party organizations and alliances with the organization that leads them",
							"GZ-DJ-C01-ZB01，青年社区第一网格党支部，网格党支部，GZ-DJ-C01-SQDW，2019-09-01，2023-11-30" }),
			Map.entry("units", new String[] { "驻区单位", "Outside units", "DW001，甘州区税务局东街税务所，机关" }),
			Map.entry("people", new String[] { "人员：党员、书记、委员、楼长、网格员、指导员、兼职委员等",
					"People: members, secretaries, committee members, building heads, grid workers, instructors, part-time members",
					"RY10101，王伟，男，000-0001-0101，000000000000010101" }),
			Map.entry("roles",
					new String[] { "职务（书记、副书记、委员、兼职委员、党小组组长）", "Posts held in an organization",
							"RY10101，GZ-DJ-C01-ZB01，书记，书记，2021-03-15，（终止日期留空 Until empty）" }),
			Map.entry("coverage",
					new String[] { "党组织管辖或覆盖的区域", "The areas an organization governs or covers",
							"GZ-DJ-C01-ZB01，覆盖，GZ-DJ-C01-G01，2019-09-01" }),
			Map.entry("links", new String[] { "其他关系：党员、党小组成员、楼长、网格员、指导员、任职单位、联盟成员、共驻共建、双报到",
					"Other links: membership, group, building head, grid worker, instructor, employer, alliance member, co-building, dual registration",
					"RY10101，党员，GZ-DJ-C01-ZB01，正式，，2010-07-01" }));

}
