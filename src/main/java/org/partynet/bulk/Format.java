package org.partynet.bulk;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.partynet.model.AreaKind;
import org.partynet.model.NodeLabel;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RelationshipKind;
import org.partynet.model.RelationshipType;
import org.partynet.model.RoleKind;

/**
 * The workbook that imports and exports the network (issue 7): one sheet per kind,
 * Chinese headers with English beside, in this order. The template, the export, the
 * importer and the CSV files (one per sheet, named {@code <key>.csv}) all follow it, so
 * an export imports back unchanged. Rows are upserted by {@code code}; relationships are
 * identified by their two ends, their kind (and role) and their start day, and end when a
 * row gives {@code until}.
 */
public final class Format {

	private Format() {
	}

	/** The kind of value in a column, which the importer checks. */
	public enum Type {

		/** A code: letters, digits, {@code -} and {@code _}, at most 64 characters. */
		CODE,
		/**
		 * The code of a row in the sheets named by {@link Column#refers()} or already in
		 * the database.
		 */
		REFERENCE,
		/** Text, at most 100 characters. */
		TEXT,
		/** A day, {@code yyyy-MM-dd}. */
		DATE,
		/**
		 * One of {@link Column#values()} (the Chinese label in the cell, the stored value
		 * beside it).
		 */
		CHOICE,
		/** A phone number: digits, spaces, {@code +} and {@code -}. */
		PHONE,
		/** An ID number (身份证号): 18 characters, digits and a final digit or X. */
		ID_NUMBER

	}

	/**
	 * @param key the column's key (also the CSV header after the Chinese one is dropped,
	 * and the property name where it maps to one)
	 * @param header the header cell: Chinese first, English beside
	 * @param required whether a row must fill it
	 * @param type what it holds
	 * @param values for {@link Type#CHOICE}: Chinese label → stored value, in the
	 * drop-down's order
	 * @param refers for {@link Type#REFERENCE}: the sheets whose codes it may name
	 * @param aliases for {@link Type#CHOICE}: older labels still accepted on import
	 * (never offered nor exported) → stored value
	 */
	public record Column(String key, String header, boolean required, Type type, Map<String, String> values,
			List<String> refers, Map<String, String> aliases) {

		public Column(String key, String header, boolean required, Type type, Map<String, String> values,
				List<String> refers) {
			this(key, header, required, type, values, refers, Map.of());
		}

		/** The same column, also accepting these older labels (label → stored value). */
		Column aliases(Map<String, String> aliases) {
			return new Column(this.key, this.header, this.required, this.type, this.values, this.refers,
					Map.copyOf(aliases));
		}

		static Column code() {
			return new Column("code", "代码 Code", true, Type.CODE, Map.of(), List.of());
		}

		static Column name() {
			return new Column("name", "名称 Name", true, Type.TEXT, Map.of(), List.of());
		}

		static Column text(String key, String header) {
			return new Column(key, header, false, Type.TEXT, Map.of(), List.of());
		}

		static Column date(String key, String header) {
			return new Column(key, header, false, Type.DATE, Map.of(), List.of());
		}

		static Column reference(String key, String header, boolean required, String... sheets) {
			return new Column(key, header, required, Type.REFERENCE, Map.of(), List.of(sheets));
		}

		static Column choice(String key, String header, boolean required, String... labelsAndValues) {
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < labelsAndValues.length; i += 2) {
				values.put(labelsAndValues[i], labelsAndValues[i + 1]);
			}
			return new Column(key, header, required, Type.CHOICE, values, List.of());
		}

	}

	/**
	 * @param key the sheet's key: the CSV file name without {@code .csv}
	 * @param title the sheet's name in the workbook: Chinese, then English
	 * @param columns its columns, in order
	 */
	public record Sheet(String key, String title, List<Column> columns) {

		public Column column(String key) {
			return this.columns.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
		}

	}

	/**
	 * The short labels the links sheet had before it read the model's names (楼长 for 党员楼长
	 * …): workbooks filled in then still import. New templates and exports give the
	 * model's names. (Declared before {@link #SHEETS}, which reads it.)
	 */
	private static final Map<String, String> LINK_ALIASES = Map.of("楼长", RelationshipKind.HEAD_OF.name(), "网格员",
			RelationshipKind.WORKS_FOR.name(), "指导员", RelationshipKind.INSTRUCTS.name(), "任职单位",
			RelationshipKind.EMPLOYED_BY.name());

	private static final Column SINCE = Column.date("since", "起始日期 Since");

	private static final Column UNTIL = Column.date("until", "终止日期 Until");

	/** Every data sheet, in the workbook's order (after the instructions). */
	public static final List<Sheet> SHEETS = List.of(
			new Sheet("districts", "区 Districts", List.of(Column.code(), Column.name())),
			new Sheet("streets", "街道 Streets",
					List.of(Column.code(), Column.name(),
							Column.reference("district", "所属区 District", true, "districts"), SINCE)),
			new Sheet("communities", "社区 Communities",
					List.of(Column.code(), Column.name(), Column.reference("street", "所属街道 Street", true, "streets"),
							SINCE)),
			new Sheet("grids", "网格 Grids",
					List.of(Column.code(), Column.name(),
							Column.reference("community", "所属社区 Community", true, "communities"), SINCE)),
			new Sheet("buildings", "楼院 Buildings",
					List.of(Column.code(), Column.name(), Column.reference("grid", "所属网格 Grid", true, "grids"), SINCE)),
			new Sheet("sites", "商务楼宇与商圈市场 Commercial sites", List.of(Column.code(), Column.name(),
					Column.choice("kind", "类型 Kind", true, kinds(AreaKind.COMMERCIAL_BUILDING, AreaKind.MARKET)),
					Column.reference("grid", "所属网格 Grid", true, "grids"), SINCE)),
			new Sheet("organizations", "党组织 Organizations",
					List.of(Column.code(), Column.name(), Column.choice("kind", "类型 Kind", true, organizationKinds()),
							Column.reference("parent", "上级组织 Parent", false, "organizations"), SINCE,
							Column.date("electedOn", "换届日期 Elected on"))),
			new Sheet("units", "驻区单位 Units",
					List.of(Column.code(), Column.name(),
							Column.choice("category", "类别 Category", true, "机关", "AGENCY", "企事业单位",
									"ENTERPRISE_INSTITUTION", "物业服务公司", "PROPERTY_MANAGEMENT", "非公企业",
									"NON_PUBLIC_ENTERPRISE", "社会组织", "SOCIAL_ORGANIZATION"))),
			new Sheet("people", "人员 People",
					List.of(Column.code(), Column.name(),
							Column.choice("gender", "性别 Gender", false, "男", "MALE", "女", "FEMALE"),
							new Column("phone", "电话 Phone", false, Type.PHONE, Map.of(), List.of()),
							new Column("idNumber", "身份证号 ID number", false, Type.ID_NUMBER, Map.of(), List.of()))),
			new Sheet("roles", "职务 Roles", List.of(Column.reference("person", "人员 Person", true, "people"),
					Column.reference("organization", "党组织 Organization", true, "organizations"),
					Column.choice("role", "职务 Role", true, posts()), Column.text("title", "称谓 Title"), SINCE, UNTIL)),
			new Sheet("coverage", "覆盖 Coverage",
					List.of(Column.reference("organization", "党组织 Organization", true, "organizations"),
							Column.choice("relation", "关系 Relation", true, RelationshipType.GOVERNS.chinese(),
									"GOVERNS", RelationshipType.COVERS.chinese(), "COVERS"),
							Column.reference("area", "区域 Area", true, "districts", "streets", "communities", "grids",
									"buildings", "sites"),
							SINCE, UNTIL)),
			new Sheet("links", "关系 Links", List.of(Column.reference("from", "起点 From", true, "people", "units"),
					Column.choice("kind", "关系 Kind", true, linkKinds()).aliases(LINK_ALIASES),
					Column.reference("to", "终点 To", true, "organizations", "units", "communities", "grids", "buildings",
							"sites"),
					Column.choice("status", "党籍 Status", false, "正式", "FULL", "预备", "PROBATIONARY"),
					Column.text("title", "称谓 Title"), SINCE, UNTIL)));

	// The choices the model gives: Chinese name, then the value stored.

	private static String[] kinds(AreaKind... kinds) {
		return Arrays.stream(kinds).flatMap(kind -> Stream.of(kind.chinese(), kind.label())).toArray(String[]::new);
	}

	private static String[] organizationKinds() {
		return Stream
			.concat(Arrays.stream(OrganizationKind.values()).map(k -> new String[] { k.chinese(), k.label() }),
					Stream.<String[]>of(new String[] { NodeLabel.ALLIANCE.chinese(), NodeLabel.ALLIANCE.label() }))
			.flatMap(Arrays::stream)
			.toArray(String[]::new);
	}

	/**
	 * The links sheet's kinds: a party membership (党员, the person's role), then the
	 * model's link kinds by their names ({@link RelationshipKind#chinese()}).
	 */
	private static String[] linkKinds() {
		return Stream
			.concat(Stream.of(RoleKind.PARTY_MEMBER.chinese(), RelationshipType.MEMBER_OF.name()),
					Arrays.stream(RelationshipKind.values()).flatMap(kind -> Stream.of(kind.chinese(), kind.name())))
			.toArray(String[]::new);
	}

	private static String[] posts() {
		return Arrays.stream(RoleKind.values())
			.filter(RoleKind::isPost)
			.flatMap(role -> Stream.of(role.chinese(), role.name()))
			.toArray(String[]::new);
	}

	/**
	 * The header of a column for people, never imported: the notes (说明) the gaps workbook
	 * writes beside each row. Any sheet may have it; its cells are ignored.
	 */
	public static final String NOTE = "说明（不导入）Note (not imported)";

	/**
	 * Per sheet, the column a gap row leaves to fill: the organization that is to cover
	 * an area, the person (or unit) at the start of a link. A row with only that required
	 * cell empty is a gap row left unfilled: the import skips it and says how many it
	 * skipped.
	 */
	public static final Map<String, String> TO_FILL = Map.of("coverage", "organization", "links", "from");

	/** The area kind each area sheet holds (the sites sheet says it per row). */
	static final Map<String, AreaKind> AREA_SHEETS = Map.of("districts", AreaKind.DISTRICT, "streets", AreaKind.STREET,
			"communities", AreaKind.COMMUNITY, "grids", AreaKind.GRID, "buildings", AreaKind.BUILDING);

	/** The labels a reference to a sheet's rows may name, from the model. */
	static final Map<String, Set<String>> SHEET_LABELS = sheetLabels();

	private static Map<String, Set<String>> sheetLabels() {
		Map<String, Set<String>> labels = new HashMap<>();
		AREA_SHEETS.forEach((sheet, kind) -> labels.put(sheet, Set.of(kind.label())));
		labels.put("sites",
				OrganizationKind.ALLIANCE_AREAS.stream().map(AreaKind::label).collect(Collectors.toUnmodifiableSet()));
		labels.put("organizations",
				Stream.concat(OrganizationKind.LABELS.stream(), Stream.of(NodeLabel.ALLIANCE.label()))
					.collect(Collectors.toUnmodifiableSet()));
		labels.put("units", Set.of(NodeLabel.UNIT.label()));
		labels.put("people", Set.of(NodeLabel.PERSON.label()));
		return Map.copyOf(labels);
	}

	/** The sheet with this key. */
	public static Sheet sheet(String key) {
		return SHEETS.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}

}
