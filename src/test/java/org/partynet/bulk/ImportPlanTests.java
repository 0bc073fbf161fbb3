package org.partynet.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.bulk.ImportPlan.Ends;
import org.partynet.bulk.ImportQueries.Existing;
import org.partynet.bulk.ImportQueries.ExistingRelationship;
import org.partynet.bulk.ImportReader.Row;
import org.partynet.bulk.ImportReader.Table;
import org.partynet.bulk.ImportSnapshot.From;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import plan without a database: sheets of rows and a snapshot of what the database
 * holds in, the planned writes and counts (or the errors) out. The fast tier: no Spring,
 * no Neo4j.
 */
class ImportPlanTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	private final Map<String, Map<String, Existing>> nodes = new HashMap<>();

	private final Map<From, List<ExistingRelationship>> relationships = new HashMap<>();

	private final List<Table> tables = new ArrayList<>();

	private final ImportErrors errors = new ImportErrors();

	// -- what the database holds
	// --------------------------------------------------------------------

	private void inDatabase(String family, String code, List<String> labels, Map<String, Object> props, String parent,
			LocalDate parentSince) {
		this.nodes.computeIfAbsent(family, f -> new HashMap<>())
			.put(code, new Existing(code, labels, props, parent, parentSince, (parent != null) ? "rel-" + code : null,
					null));
	}

	private void district() {
		inDatabase("Area", "GZ", List.of("District", "Area"), Map.of("name", "广州区"), null, null);
	}

	private void street(String code, String name) {
		inDatabase("Area", code, List.of("Street", "Area"), Map.of("name", name), "GZ", LocalDate.of(2024, 1, 1));
	}

	// -- what the file holds
	// ----------------------------------------------------------------------

	/**
	 * A sheet: its header (column keys) and rows, cells separated by commas, empty ones
	 * null.
	 */
	private void sheet(String key, String header, String... rows) {
		List<Row> all = new ArrayList<>();
		all.add(new Row(1, header.split(",")));
		for (int i = 0; i < rows.length; i++) {
			all.add(new Row(i + 2,
					Arrays.stream(rows[i].split(",", -1)).map(c -> c.isEmpty() ? null : c).toArray(String[]::new)));
		}
		this.tables.add(new Table(key, all));
	}

	private ImportPlan plan() {
		ImportRows rows = RowMapper.map(this.tables, this.errors, n -> {
		});
		if (!this.errors.isEmpty()) {
			return null;
		}
		return ImportPlan.of(rows, new ImportSnapshot(this.nodes, this.relationships), TODAY, this.errors);
	}

	private List<String> messages() {
		return this.errors.errors()
			.stream()
			.map(e -> e.sheet() + "|" + e.row() + "|" + e.column() + "|" + e.message())
			.toList();
	}

	// -- the plan
	// -------------------------------------------------------------------------------------

	@Test
	void new_nodes_are_created_under_their_parents_and_the_parent_in_the_database_is_touched() {
		district();
		sheet("streets", "code,name,district,since", "GZ-A,甲街道,GZ,2024-01-01");
		sheet("communities", "code,name,street", "GZ-A-C1,甲社区,GZ-A");
		ImportPlan plan = plan();
		assertThat(messages()).isEmpty();
		assertThat(plan.created).isEqualTo(2);
		assertThat(plan.updated + plan.ended + plan.unchanged).isZero();
		assertThat(plan.createNodes.get("Street")).containsExactly(Map.of("name", "甲街道", "code", "GZ-A"));
		assertThat(plan.createNodes.get("Community")).containsExactly(Map.of("name", "甲社区", "code", "GZ-A-C1"));
		assertThat(plan.createRelationships.get(new Ends("Area", "HAS", "Area"))).containsExactly(
				Map.of("from", "GZ", "to", "GZ-A", "props", Map.of("since", LocalDate.of(2024, 1, 1))),
				Map.of("from", "GZ-A", "to", "GZ-A-C1", "props", Map.of("since", TODAY)));
		// only the district is in the database: its version goes up
		assertThat(plan.touched).containsExactly(Map.entry("Area", java.util.Set.of("GZ")));
		assertThat(plan.scopes).containsExactly("GZ-A", "GZ-A-C1");
		assertThat(plan.writes()).isEqualTo(2 + 2 + 1);
	}

	@Test
	void a_row_unchanged_since_the_database_writes_nothing() {
		district();
		street("GZ-A", "甲街道");
		sheet("streets", "code,name,district,since", "GZ-A,甲街道,GZ,2024-01-01");
		ImportPlan plan = plan();
		assertThat(messages()).isEmpty();
		assertThat(plan.unchanged).isEqualTo(1);
		assertThat(plan.changed()).isZero();
		assertThat(plan.writes()).isZero();
	}

	@Test
	void a_changed_name_and_a_new_parent_update_the_node_and_end_the_old_parent() {
		district();
		inDatabase("Area", "GZ2", List.of("District", "Area"), Map.of("name", "另一区"), null, null);
		street("GZ-A", "甲街道");
		sheet("streets", "code,name,district", "GZ-A,甲街道办,GZ2");
		ImportPlan plan = plan();
		assertThat(messages()).isEmpty();
		assertThat(plan.updated).isEqualTo(1);
		assertThat(plan.updateNodes.get("Area"))
			.containsExactly(Map.of("code", "GZ-A", "props", Map.of("name", "甲街道办")));
		assertThat(plan.updateRelationships).containsExactly(Map.of("id", "rel-GZ-A", "props", Map.of("until", TODAY)));
		assertThat(plan.createRelationships.get(new Ends("Area", "HAS", "Area")))
			.containsExactly(Map.of("from", "GZ2", "to", "GZ-A", "props", Map.of("since", TODAY)));
		assertThat(plan.touched.get("Area")).containsExactlyInAnyOrder("GZ", "GZ2", "GZ-A");
	}

	@Test
	void a_parent_of_the_wrong_kind_is_an_error() {
		district();
		inDatabase("Area", "GZ-G", List.of("Grid", "Area"), Map.of("name", "网格"), null, null);
		sheet("communities", "code,name,street", "GZ-C,社区,GZ-G");
		plan();
		assertThat(messages())
			.containsExactly("社区 Communities|2|所属街道 Street|GZ-G 是 Grid，应为 Street / GZ-G is a Grid, not a Street");
	}

	@Test
	void an_unknown_reference_is_an_error() {
		sheet("streets", "code,name,district", "GZ-A,甲街道,NOWHERE");
		plan();
		assertThat(messages()).containsExactly(
				"街道 Streets|2|所属区 District|NOWHERE 在文件和数据库中都不存在 / NOWHERE is neither in the file nor in the database");
	}

	@Test
	void a_code_given_twice_is_an_error_within_a_sheet_and_within_a_family() {
		district();
		sheet("streets", "code,name,district", "GZ-A,甲街道,GZ", "GZ-A,又一个,GZ");
		sheet("communities", "code,name,street", "GZ-A,同码社区,GZ-A");
		plan();
		assertThat(messages()).containsExactly("街道 Streets|3|代码 Code|代码重复：GZ-A / Duplicate code GZ-A",
				"社区 Communities|2|代码 Code|代码 GZ-A 已在文件中用于另一行 / Code GZ-A is already used by another row of the file");
	}

	@Test
	void a_code_of_another_kind_in_the_database_is_an_error() {
		district();
		sheet("communities", "code,name,street", "GZ,社区,GZ");
		plan();
		assertThat(messages()).first().asString().contains("Code GZ already belongs to a District, not a Community");
	}

	@Test
	void a_coverage_of_the_wrong_kind_of_area_is_an_error() {
		district();
		street("GZ-A", "甲街道");
		inDatabase("PartyOrganization", "ZB", List.of("GridBranch", "PartyOrganization"), Map.of("name", "支部"), null,
				null);
		sheet("coverage", "organization,relation,area", "ZB,覆盖,GZ-A", "ZB,管辖,GZ-A");
		plan();
		assertThat(messages()).containsExactly(
				"覆盖 Coverage|2|区域 Area|GridBranch 不能覆盖 Street / A GridBranch cannot cover a Street",
				"覆盖 Coverage|3|区域 Area|GridBranch 不能管辖 Street / A GridBranch cannot govern a Street");
	}

	@Test
	void a_link_whose_ends_are_of_the_wrong_kind_is_an_error() {
		inDatabase("Area", "GZ-G", List.of("Grid", "Area"), Map.of("name", "网格"), null, null);
		inDatabase("Person", "RY1", List.of("Person"), Map.of("name", "张三"), null, null);
		sheet("links", "from,kind,to", "RY1,党员楼长,GZ-G");
		plan();
		assertThat(messages())
			.containsExactly("关系 Links|2|终点 To|GZ-G 是 Grid，应为 Building / GZ-G is a Grid, not a Building");
	}

	@Test
	void a_link_of_an_old_label_is_the_same_kind_and_an_existing_one_unchanged_or_ended() {
		inDatabase("Area", "B1", List.of("Building", "Area"), Map.of("name", "1号楼"), null, null);
		inDatabase("Person", "RY1", List.of("Person"), Map.of("name", "张三"), null, null);
		this.relationships.put(new From("Person", "HEAD_OF"), List.of(new ExistingRelationship("r1", "RY1", "B1",
				List.of("Building", "Area"), null, LocalDate.of(2020, 1, 1), null, null, null)));
		sheet("links", "from,kind,to,since", "RY1,楼长,B1,2020-01-01");
		ImportPlan unchanged = plan();
		assertThat(messages()).isEmpty();
		assertThat(unchanged.unchanged).isEqualTo(1);
		assertThat(unchanged.writes()).isZero();

		this.tables.clear();
		sheet("links", "from,kind,to,since,until", "RY1,党员楼长,B1,2020-01-01,2025-05-01");
		ImportPlan ended = plan();
		assertThat(messages()).isEmpty();
		assertThat(ended.ended).isEqualTo(1);
		assertThat(ended.updateRelationships)
			.containsExactly(Map.of("id", "r1", "props", Map.of("until", LocalDate.of(2025, 5, 1))));
		assertThat(ended.touched).containsOnlyKeys("Person", "Area");
	}

	@Test
	void a_new_membership_starts_today_with_its_status_and_two_rows_of_it_are_an_error() {
		inDatabase("PartyOrganization", "ZB", List.of("GridBranch", "PartyOrganization"), Map.of("name", "支部"), null,
				null);
		sheet("people", "code,name", "RY1,张三");
		sheet("links", "from,kind,to,status", "RY1,党员,ZB,正式");
		ImportPlan plan = plan();
		assertThat(messages()).isEmpty();
		assertThat(plan.created).isEqualTo(2);
		assertThat(plan.createRelationships.get(new Ends("Person", "MEMBER_OF", "PartyOrganization")))
			.containsExactly(Map.of("from", "RY1", "to", "ZB", "props", Map.of("since", TODAY, "status", "FULL")));

		this.tables.clear();
		sheet("people", "code,name", "RY1,张三");
		sheet("links", "from,kind,to", "RY1,党员,ZB", "RY1,党员,ZB");
		plan();
		assertThat(messages()).containsExactly("关系 Links|3||与文件中另一行重复 / Duplicates another row of the file");
	}

	@Test
	void nothing_new_goes_under_an_ended_organization() {
		this.nodes.computeIfAbsent("PartyOrganization", f -> new HashMap<>())
			.put("DGW", new Existing("DGW", List.of("StreetWorkingCommittee", "PartyOrganization"),
					Map.of("name", "党工委", "until", LocalDate.of(2024, 1, 1)), null, null, null, null));
		sheet("organizations", "code,name,kind,parent", "SQ,社区党委,社区党委,DGW");
		plan();
		assertThat(messages()).singleElement().asString().contains("Parent DGW ended on 2024-01-01");
	}

	@Test
	void a_street_committee_has_no_parent_and_a_branch_needs_one() {
		sheet("organizations", "code,name,kind,parent", "DGW,党工委,街道党工委,X", "ZB,支部,网格党支部,");
		plan();
		assertThat(messages()).containsExactly(
				"党组织 Organizations|2|上级组织 Parent|街道党工委没有上级组织 / A street working committee has no parent organization",
				"党组织 Organizations|3|上级组织 Parent|必填 / Required: 上级组织 Parent");
	}

}
