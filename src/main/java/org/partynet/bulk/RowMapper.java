package org.partynet.bulk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.partynet.bulk.Format.Column;
import org.partynet.bulk.Format.Sheet;
import org.partynet.bulk.ImportReader.Row;
import org.partynet.bulk.ImportReader.Table;
import org.partynet.bulk.ImportRows.NodeRow;
import org.partynet.bulk.ImportRows.RelRow;
import org.partynet.model.AreaKind;
import org.partynet.model.NodeLabel;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RelationshipKind;
import org.partynet.model.RelationshipType;
import org.partynet.model.RoleKind;

/**
 * The row mapper: a file's sheets, by their headers, into node rows and relationship
 * rows, each cell read by the {@link CellRules}. It checks what one sheet can tell
 * (required cells, days in order, codes given twice); what a reference names is the
 * {@link References}' to say. Pure.
 */
final class RowMapper {

	/**
	 * Each link kind of the links sheet: the model's, and party memberships beside them.
	 */
	private record LinkKind(Set<String> from, String type, Set<String> to) {
	}

	/**
	 * The links sheet's kind of a party membership (党员, {@link RoleKind#PARTY_MEMBER}).
	 */
	static final String MEMBERSHIP = RelationshipType.MEMBER_OF.name();

	private static final Map<String, LinkKind> LINKS = links();

	private static Map<String, LinkKind> links() {
		Map<String, LinkKind> links = new LinkedHashMap<>();
		links.put(MEMBERSHIP, new LinkKind(Set.of(NodeLabel.PERSON.label()), RelationshipType.MEMBER_OF.name(),
				OrganizationKind.LABELS));
		for (RelationshipKind kind : RelationshipKind.values()) {
			links.put(kind.name(), new LinkKind(kind.from(), kind.type(), kind.to()));
		}
		return Map.copyOf(links);
	}

	private final ImportErrors errors;

	private final ImportRows rows = new ImportRows();

	private RowMapper(ImportErrors errors) {
		this.errors = errors;
	}

	/**
	 * The rows of these tables (sheets or CSV files), in the format's order of sheets so
	 * that references to earlier sheets are known; {@code progress} hears of every row
	 * read.
	 */
	static ImportRows map(List<Table> tables, ImportErrors errors, LongConsumer progress) {
		RowMapper mapper = new RowMapper(errors);
		Map<String, Table> bySheet = new LinkedHashMap<>();
		for (Table table : tables) {
			Sheet sheet = sheetNamed(table.name());
			if (sheet == null) {
				errors.warn(ImportReader.INSTRUCTIONS.equals(table.name())
						? "已忽略说明工作表 / The instructions sheet was ignored: " + table.name()
						: "已忽略未知的工作表或文件 / Unknown sheet or file ignored: " + table.name());
				continue;
			}
			if (bySheet.containsKey(sheet.key())) {
				errors.add(sheet, 0, "",
						"工作表重复：%s / The sheet is given twice: %s".formatted(table.name(), table.name()));
				continue;
			}
			bySheet.put(sheet.key(), table);
		}
		if (bySheet.isEmpty() && errors.isEmpty()) {
			errors.add(ImportError.file("文件中没有可导入的工作表 / The file holds no sheet to import (expected sheets: "
					+ String.join(", ", Format.SHEETS.stream().map(Sheet::title).toList()) + ")"));
			return mapper.rows;
		}
		for (Sheet sheet : Format.SHEETS) {
			Table table = bySheet.get(sheet.key());
			if (table != null) {
				mapper.sheet(sheet, table, progress);
			}
		}
		return mapper.rows;
	}

	private static Sheet sheetNamed(String name) {
		String trimmed = name.strip();
		for (Sheet sheet : Format.SHEETS) {
			if (sheet.title().equalsIgnoreCase(trimmed) || sheet.key().equalsIgnoreCase(trimmed)) {
				return sheet;
			}
		}
		return null;
	}

	private void error(Sheet sheet, int row, String column, String message) {
		this.errors.add(sheet, row, column, message);
	}

	// -- headers and cells
	// ------------------------------------------------------------------------

	private void sheet(Sheet sheet, Table table, LongConsumer progress) {
		if (table.rows().isEmpty()) {
			this.errors.warn("工作表为空 / The sheet is empty: " + sheet.title());
			return;
		}
		Column[] columns = columns(sheet, table.rows().get(0));
		if (columns == null) {
			return;
		}
		Set<String> codes = new HashSet<>();
		int unfilled = 0;
		for (int r = 1; r < table.rows().size(); r++) {
			Row row = table.rows().get(r);
			if (unfilled(sheet, columns, row)) {
				unfilled++;
				progress.accept(1);
				continue;
			}
			Map<String, Object> values = new HashMap<>();
			boolean ok = cells(sheet, columns, row, values);
			if (values.get("code") instanceof String code && !codes.add(code)) {
				error(sheet, row.number(), sheet.column("code").header(),
						"代码重复：%s / Duplicate code %s".formatted(code, code));
				ok = false;
			}
			if (ok) {
				row(sheet, row.number(), values);
			}
			progress.accept(1);
		}
		if (unfilled > 0) {
			String column = sheet.column(Format.TO_FILL.get(sheet.key())).header();
			this.errors.warn("%s：%d 行缺口未填写（%s 为空），已跳过 / %s: %d gap rows left unfilled (%s empty) were skipped"
				.formatted(sheet.title(), unfilled, column, sheet.title(), unfilled, column));
		}
	}

	/**
	 * Whether the row is a gap row left unfilled ({@link Format#TO_FILL}): its to-fill
	 * cell empty, every other required cell given.
	 */
	private static boolean unfilled(Sheet sheet, Column[] columns, Row row) {
		String toFill = Format.TO_FILL.get(sheet.key());
		if (toFill == null) {
			return false;
		}
		for (Column column : sheet.columns()) {
			boolean given = row.cell(indexOf(columns, column)) != null;
			if (column.key().equals(toFill) ? given : (column.required() && !given)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The columns of a sheet by the header row's cells; {@code null} (and errors) when a
	 * header is wrong.
	 */
	private Column[] columns(Sheet sheet, Row header) {
		Column[] columns = new Column[header.cells().length];
		Set<String> seen = new HashSet<>();
		boolean bad = false;
		for (int i = 0; i < header.cells().length; i++) {
			String text = header.cell(i);
			if (text == null || Format.NOTE.equalsIgnoreCase(text.strip())) {
				continue;
			}
			Column column = columnNamed(sheet, text);
			if (column == null) {
				error(sheet, header.number(), text, "未知的列“%s”，应为：%s / Unknown column '%s'; expected: %s".formatted(text,
						headers(sheet), text, headers(sheet)));
				bad = true;
			}
			else if (!seen.add(column.key())) {
				error(sheet, header.number(), text, "列重复：%s / The column is given twice: %s".formatted(text, text));
				bad = true;
			}
			else {
				columns[i] = column;
			}
		}
		for (Column column : sheet.columns()) {
			if (column.required() && !seen.contains(column.key())) {
				error(sheet, header.number(), column.header(),
						"缺少必填列“%s” / The required column '%s' is missing".formatted(column.header(), column.header()));
				bad = true;
			}
		}
		return bad ? null : columns;
	}

	/**
	 * Reads a row's values by column key; false (and errors) when a cell is wrong or
	 * missing.
	 */
	private boolean cells(Sheet sheet, Column[] columns, Row row, Map<String, Object> values) {
		boolean ok = true;
		for (int i = 0; i < columns.length; i++) {
			String text = (columns[i] != null) ? row.cell(i) : null;
			if (text == null) {
				continue;
			}
			CellRules.Cell cell = CellRules.read(columns[i], text);
			if (cell.ok()) {
				values.put(columns[i].key(), cell.value());
			}
			else {
				error(sheet, row.number(), columns[i].header(), cell.error());
				ok = false;
			}
		}
		for (Column column : sheet.columns()) {
			if (column.required() && !values.containsKey(column.key()) && row.cell(indexOf(columns, column)) == null) {
				error(sheet, row.number(), column.header(), "必填 / Required: %s".formatted(column.header()));
				ok = false;
			}
		}
		if (values.get("since") instanceof LocalDate since && values.get("until") instanceof LocalDate until
				&& until.isBefore(since)) {
			error(sheet, row.number(), sheet.column("until").header(),
					"终止日期 %s 早于起始日期 %s / Until %s is before since %s".formatted(until, since, until, since));
			ok = false;
		}
		return ok;
	}

	private static int indexOf(Column[] columns, Column column) {
		for (int i = 0; i < columns.length; i++) {
			if (columns[i] == column) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

	private static Column columnNamed(Sheet sheet, String text) {
		String trimmed = text.strip();
		for (Column column : sheet.columns()) {
			if (column.header().equalsIgnoreCase(trimmed) || column.key().equalsIgnoreCase(trimmed)) {
				return column;
			}
		}
		return null;
	}

	private static String headers(Sheet sheet) {
		return String.join(", ", sheet.columns().stream().map(Column::header).toList());
	}

	// -- rows into nodes and relationships
	// ----------------------------------------------------------

	private void row(Sheet sheet, int row, Map<String, Object> values) {
		String code = (String) values.get("code");
		switch (sheet.key()) {
			case "districts", "streets", "communities", "grids", "buildings", "sites" -> {
				String label = sheet.key().equals("sites") ? (String) values.get("kind")
						: Format.AREA_SHEETS.get(sheet.key()).label();
				// the sheet's one reference names the area above, of the model's parent
				// kind
				AreaKind above = AreaKind.ofLabel(label).parent();
				Column parent = sheet.columns()
					.stream()
					.filter(c -> c.type() == Format.Type.REFERENCE)
					.findFirst()
					.orElse(null);
				Map<String, Object> props = new LinkedHashMap<>();
				props.put("name", values.get("name"));
				node(new NodeRow(sheet, row, code, "Area", label, props,
						(parent != null) ? (String) values.get(parent.key()) : null,
						(parent != null) ? parent.key() : null, (above != null) ? Set.of(above.label()) : Set.of(),
						(LocalDate) values.get("since")));
			}
			case "organizations" -> organization(sheet, row, code, values);
			case "units" -> {
				Map<String, Object> props = new LinkedHashMap<>();
				props.put("name", values.get("name"));
				props.put("category", values.get("category"));
				String unit = NodeLabel.UNIT.label();
				node(new NodeRow(sheet, row, code, unit, unit, props, null, null, Set.of(), null));
			}
			case "people" -> {
				Map<String, Object> props = new LinkedHashMap<>();
				props.put("name", values.get("name"));
				putIfGiven(props, "gender", values);
				putIfGiven(props, "phone", values);
				putIfGiven(props, "idNumber", values);
				String person = NodeLabel.PERSON.label();
				node(new NodeRow(sheet, row, code, person, person, props, null, null, Set.of(), null));
			}
			case "roles" -> {
				Map<String, Object> more = new LinkedHashMap<>();
				putIfGiven(more, "title", values);
				rel(sheet, row, values, "person", RelationshipType.HOLDS.name(), "organization",
						(String) values.get("role"), null, more);
			}
			case "coverage" -> rel(sheet, row, values, "organization", (String) values.get("relation"), "area", null,
					null, new LinkedHashMap<>());
			case "links" -> link(sheet, row, values);
			default -> {
			}
		}
	}

	private void organization(Sheet sheet, int row, String code, Map<String, Object> values) {
		String label = (String) values.get("kind");
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("name", values.get("name"));
		putIfGiven(props, "electedOn", values);
		boolean alliance = label.equals(NodeLabel.ALLIANCE.label());
		OrganizationKind parentKind = alliance ? OrganizationKind.ALLIANCE_PARENT
				: OrganizationKind.ofLabel(label).parent();
		String parent = (String) values.get("parent");
		if (parentKind == null && parent != null) {
			error(sheet, row, sheet.column("parent").header(),
					"街道党工委没有上级组织 / A street working committee has no parent organization");
			return;
		}
		if (parentKind != null && parent == null) {
			error(sheet, row, sheet.column("parent").header(), "必填 / Required: " + sheet.column("parent").header());
			return;
		}
		node(new NodeRow(sheet, row, code, alliance ? label : "PartyOrganization", label, props, parent, "parent",
				(parentKind != null) ? Set.of(parentKind.label()) : Set.of(), (LocalDate) values.get("since")));
	}

	private void link(Sheet sheet, int row, Map<String, Object> values) {
		String kind = (String) values.get("kind");
		LinkKind link = LINKS.get(kind);
		Map<String, Object> more = new LinkedHashMap<>();
		putIfGiven(more, "title", values);
		if (kind.equals(MEMBERSHIP)) {
			putIfGiven(more, "status", values);
		}
		else if (values.containsKey("status")) {
			error(sheet, row, sheet.column("status").header(), "只有党员关系有党籍 / Only a party membership has a status");
			return;
		}
		this.rows.relationships.add(new RelRow(sheet, row, (String) values.get("from"), "from", link.from(),
				link.type(), (String) values.get("to"), "to", link.to(), null, kind, more,
				(LocalDate) values.get("since"), (LocalDate) values.get("until")));
	}

	/**
	 * A relationship row whose ends may be what the sheet's reference columns refer to.
	 */
	private void rel(Sheet sheet, int row, Map<String, Object> values, String fromColumn, String type, String toColumn,
			String role, String kind, Map<String, Object> more) {
		this.rows.relationships.add(new RelRow(sheet, row, (String) values.get(fromColumn), fromColumn,
				ImportRows.labels(sheet.column(fromColumn)), type, (String) values.get(toColumn), toColumn,
				ImportRows.labels(sheet.column(toColumn)), role, kind, more, (LocalDate) values.get("since"),
				(LocalDate) values.get("until")));
	}

	private static void putIfGiven(Map<String, Object> props, String key, Map<String, Object> values) {
		if (values.get(key) != null) {
			props.put(key, values.get(key));
		}
	}

	private void node(NodeRow node) {
		String other = this.rows.fileNodes.computeIfAbsent(node.family(), f -> new HashMap<>())
			.putIfAbsent(node.code(), node.label());
		if (other != null) {
			error(node.sheet(), node.row(), node.sheet().column("code").header(),
					"代码 %s 已在文件中用于另一行 / Code %s is already used by another row of the file".formatted(node.code(),
							node.code()));
			return;
		}
		this.rows.nodes.add(node);
	}

}
