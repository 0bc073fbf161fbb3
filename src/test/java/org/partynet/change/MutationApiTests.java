package org.partynet.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutations end to end over GraphQL, on a sample of their own; each test changes its own
 * community, so the tests do not depend on each other's order.
 * <p>
 * Over 400 lines on purpose: one case per mutation, each short.
 */
class MutationApiTests extends MutationTestSupport {

	@SuppressWarnings("unchecked")
	static List<String> codes(Object list) {
		return ((List<Map<String, Object>>) list).stream().map(node -> (String) node.get("code")).toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<String> strings(Object list) {
		return (List<String>) list;
	}

	static List<String> column(String cypher, Map<String, Object> parameters) {
		return rows(cypher, parameters).stream().map(row -> (String) row.values().iterator().next()).toList();
	}

	@Test
	void renaming_an_organization_bumps_its_version_and_writes_an_audit_record() {
		Map<String, Object> payload = ok("updateOrganization", "UpdateOrganizationInput",
				Map.of("id", "GridBranch:GZ-DJ-C02-ZB01", "version", 0, "name", "东湖社区第一网格党支部（新）"));
		assertThat(payload.get("organization")).isEqualTo(Map.of("id", "GridBranch:GZ-DJ-C02-ZB01", "code",
				"GZ-DJ-C02-ZB01", "name", "东湖社区第一网格党支部（新）", "version", 1));
		Map<String, Object> change = rows("MATCH (c:Change {id: $id}) RETURN c {.*} AS c",
				Map.of("id", payload.get("changeId")))
			.get(0);
		@SuppressWarnings("unchecked")
		Map<String, Object> c = (Map<String, Object>) change.get("c");
		assertThat(c.get("operation")).isEqualTo("updateOrganization");
		assertThat(c.get("user")).isEqualTo("orgdept");
		assertThat(c.get("summary")).isEqualTo("更名 东湖社区第一网格党支部 为 东湖社区第一网格党支部（新）");
		assertThat(c.get("at")).isInstanceOf(java.time.ZonedDateTime.class);
		assertThat(((java.time.ZonedDateTime) c.get("at")).getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
		assertThat(strings(c.get("scopes"))).contains("GZ-DJ", "GZ-DJ-C02", "GZ-DJ-C02-SQDW", "GZ-DJ-C02-ZB01",
				"GZ-DJ-C02-G01", "GZ-DJ-DGW");
		Map<?, ?> input = json.readValue((String) c.get("input"), Map.class);
		assertThat(input.get("id")).isEqualTo("GridBranch:GZ-DJ-C02-ZB01");
		Map<?, ?> before = (Map<?, ?>) json.readValue((String) c.get("before"), Map.class).get("GZ-DJ-C02-ZB01");
		Map<?, ?> after = (Map<?, ?>) json.readValue((String) c.get("after"), Map.class).get("GZ-DJ-C02-ZB01");
		assertThat(before.get("label")).isEqualTo("GridBranch");
		assertThat(((Map<?, ?>) before.get("properties")).get("name")).isEqualTo("东湖社区第一网格党支部");
		assertThat(((Map<?, ?>) after.get("properties")).get("name")).isEqualTo("东湖社区第一网格党支部（新）");
		assertThat(((Map<?, ?>) after.get("properties")).get("version")).isEqualTo(1);
		assertThat(map(after.get("properties"))).doesNotContainKey("_lock");
		assertThat((List<?>) before.get("relationships"))
			.anySatisfy(r -> assertThat(map(r)).containsEntry("type", "COVERS")
				.containsEntry("direction", "OUT")
				.containsEntry("other", "GZ-DJ-C02-G01")
				.containsEntry("since", "2019-09-01")
				.containsEntry("until", null));
		assertThat(column("MATCH (:Change {id: $id})-[:AFFECTED]->(n) RETURN n.code",
				Map.of("id", payload.get("changeId"))))
			.containsExactly("GZ-DJ-C02-ZB01");
		assertThat(rows("MATCH (n:GridBranch {code: 'GZ-DJ-C02-ZB01'}) WHERE n._lock IS NOT NULL RETURN n", Map.of()))
			.isEmpty();
	}

	@Test
	void of_concurrent_edits_with_the_same_version_exactly_one_wins() throws Exception {
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Map<String, Object>>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String name = "劳动社区第一网格党支部-" + i;
			Callable<Map<String, Object>> edit = () -> {
				start.await();
				return run("updateOrganization", "UpdateOrganizationInput",
						Map.of("id", "GridBranch:GZ-DJ-C04-ZB01", "version", 0, "name", name));
			};
			results.add(pool.submit(edit));
		}
		start.countDown();
		List<Map<String, Object>> winners = new ArrayList<>();
		int conflicts = 0;
		for (Future<Map<String, Object>> result : results) {
			Map<String, Object> payload = result.get();
			if (errors(payload).isEmpty()) {
				winners.add(payload);
			}
			else {
				assertThat(errors(payload)).singleElement().satisfies(error -> {
					assertThat(error.get("code")).isEqualTo("CONFLICT");
					assertThat(error.get("field")).isEqualTo(List.of("input", "version"));
				});
				conflicts++;
			}
		}
		pool.shutdown();
		assertThat(winners).hasSize(1);
		assertThat(conflicts).isEqualTo(threads - 1);
		@SuppressWarnings("unchecked")
		Map<String, Object> winner = (Map<String, Object>) winners.get(0).get("organization");
		assertThat(value("MATCH (o:GridBranch {code: 'GZ-DJ-C04-ZB01'}) RETURN o.name", Map.of()))
			.isEqualTo(winner.get("name"));
		assertThat(version("GridBranch", "GZ-DJ-C04-ZB01")).isEqualTo(1);
		assertThat(value(
				"MATCH (c:Change {operation: 'updateOrganization'})-[:AFFECTED]->(:GridBranch {code: 'GZ-DJ-C04-ZB01'}) RETURN count(c)",
				Map.of()))
			.isEqualTo(1L);
	}

	@Test
	void of_concurrent_creations_of_one_code_exactly_one_wins() throws Exception {
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Map<String, Object>>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String name = "同时创建" + i;
			Callable<Map<String, Object>> create = () -> {
				start.await();
				return run("createPerson", "CreatePersonInput", Map.of("code", "RY99077", "name", name));
			};
			results.add(pool.submit(create));
		}
		start.countDown();
		int winners = 0;
		for (Future<Map<String, Object>> result : results) {
			Map<String, Object> payload = result.get();
			if (errors(payload).isEmpty()) {
				winners++;
			}
			else {
				assertThat(errors(payload)).singleElement().satisfies(error -> {
					assertThat(error.get("code")).isEqualTo("CONFLICT");
					assertThat(error.get("field")).isEqualTo(List.of("input", "code"));
				});
			}
		}
		pool.shutdown();
		assertThat(winners).isEqualTo(1);
		assertThat(value("MATCH (p:Person {code: 'RY99077'}) RETURN count(p)", Map.of())).isEqualTo(1L);
	}

	@Test
	void of_concurrent_appointments_to_a_vacant_secretary_post_exactly_one_wins() throws Exception {
		// 建康社区第三网格党支部's secretary post is vacant in the sample. Eight members are
		// appointed at once, each with their own (correct) version: the organization's
		// lock makes the "one secretary" check see the winner.
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Map<String, Object>>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String person = "Person:RY136" + (10 + i);
			Callable<Map<String, Object>> appoint = () -> {
				start.await();
				return run("assignRole", "AssignRoleInput", Map.of("person", person, "version", 0, "organization",
						"GridBranch:GZ-DJ-C12-ZB03", "role", "SECRETARY"));
			};
			results.add(pool.submit(appoint));
		}
		start.countDown();
		int winners = 0;
		for (Future<Map<String, Object>> result : results) {
			List<Map<String, Object>> errors = errors(result.get());
			if (errors.isEmpty()) {
				winners++;
			}
			else {
				assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.get("code")).isEqualTo("CONFLICT");
					assertThat(error.get("field")).isEqualTo(List.of("input", "role"));
				});
			}
		}
		pool.shutdown();
		assertThat(winners).isEqualTo(1);
		assertThat(
				value("""
						MATCH (:GridBranch {code: 'GZ-DJ-C12-ZB03'})<-[h:HOLDS WHERE h.role = 'SECRETARY' AND h.until IS NULL]-()
						RETURN count(h)
						""",
						Map.of()))
			.isEqualTo(1L);
	}

	@Test
	@SuppressWarnings("unchecked")
	void merging_two_grid_branches_of_a_community_moves_members_coverage_and_children() {
		List<String> members = column(
				"MATCH (p:Person)-[m:MEMBER_OF WHERE m.until IS NULL]->(:GridBranch {code: 'GZ-DJ-C01-ZB01'}) RETURN p.code",
				Map.of());
		List<String> grids = column(
				"MATCH (:GridBranch {code: 'GZ-DJ-C01-ZB01'})-[c:COVERS WHERE c.until IS NULL]->(g) RETURN g.code",
				Map.of());
		List<String> groups = column(
				"MATCH (:GridBranch {code: 'GZ-DJ-C01-ZB01'})-[l:LEADS WHERE l.until IS NULL]->(g) RETURN g.code",
				Map.of());
		assertThat(members).isNotEmpty();
		assertThat(grids).containsExactlyInAnyOrder("GZ-DJ-C01-G01", "GZ-DJ-C01-G02", "GZ-DJ-C01-G03");
		Map<String, Object> payload = ok("mergeOrganizations", "MergeOrganizationsInput",
				Map.of("from", "GridBranch:GZ-DJ-C01-ZB01", "fromVersion", 0, "into", "GridBranch:GZ-DJ-C01-ZB02",
						"intoVersion", 0, "on", "2026-11-01"));
		assertThat(((Map<String, Object>) payload.get("organization")).get("code")).isEqualTo("GZ-DJ-C01-ZB02");

		Map<String, Object> data = data(
				"""
						{
						  committee: organization(code: "GZ-DJ-C01-SQDW") { children { code } }
						  into: organization(code: "GZ-DJ-C01-ZB02") { version members { total } areas { code } children { code } }
						  from: organization(code: "GZ-DJ-C01-ZB01") { version parent { code } secretary { code } areas { code } members { total } }
						  grid: area(code: "GZ-DJ-C01-G01") { coveredBy { code } }
						  coverage(scope: "Community:GZ-DJ-C01") { grid { total covered ratio } }
						  before: coverage(scope: "Community:GZ-DJ-C01", asOf: "2026-10-31") { grid { ratio } }
						  organizations(kind: GRID_BRANCH, name: "青年社区第一") { totalCount }
						}
						""",
				Map.of());
		assertThat(codes(((Map<String, Object>) data.get("committee")).get("children")))
			.doesNotContain("GZ-DJ-C01-ZB01")
			.contains("GZ-DJ-C01-ZB02", "GZ-DJ-C01-ZB03");
		Map<String, Object> into = (Map<String, Object>) data.get("into");
		assertThat(codes(into.get("areas"))).containsAll(grids).contains("GZ-DJ-C01-G04", "GZ-DJ-C01-G05");
		assertThat(codes(into.get("children"))).containsAll(groups);
		assertThat(into.get("version")).isEqualTo(1);
		Map<String, Object> from = (Map<String, Object>) data.get("from");
		assertThat(from.get("parent")).isNull();
		assertThat(from.get("secretary")).isNull();
		assertThat((List<?>) from.get("areas")).isEmpty();
		assertThat(((Map<String, Object>) from.get("members")).get("total")).isEqualTo(0);
		assertThat(from.get("version")).isEqualTo(1);
		assertThat(codes(((Map<String, Object>) data.get("grid")).get("coveredBy"))).containsExactly("GZ-DJ-C01-ZB02");
		assertThat(((Map<String, Object>) ((Map<String, Object>) data.get("coverage")).get("grid")).get("ratio"))
			.isEqualTo(1.0);
		assertThat(((Map<String, Object>) ((Map<String, Object>) data.get("before")).get("grid")).get("ratio"))
			.isEqualTo(1.0);
		assertThat(((Map<String, Object>) data.get("organizations")).get("totalCount")).isEqualTo(0);
		assertThat(column(
				"MATCH (p:Person)-[m:MEMBER_OF WHERE m.until IS NULL]->(:GridBranch {code: 'GZ-DJ-C01-ZB02'}) RETURN p.code",
				Map.of()))
			.containsAll(members);
		// History stays: the old relationships ended on the day, none was deleted.
		assertThat(value(
				"MATCH (:GridBranch {code: 'GZ-DJ-C01-ZB01'})-[c:COVERS]->() WHERE c.until = date('2026-11-01') RETURN count(c)",
				Map.of()))
			.isEqualTo(3L);
		assertThat(value("MATCH (o:GridBranch {code: 'GZ-DJ-C01-ZB01'}) RETURN toString(o.until)", Map.of()))
			.isEqualTo("2026-11-01");

		Map<String, Object> change = (Map<String, Object>) rows("MATCH (c:Change {id: $id}) RETURN c {.*} AS c",
				Map.of("id", payload.get("changeId")))
			.get(0)
			.get("c");
		assertThat(change.get("operation")).isEqualTo("mergeOrganizations");
		assertThat(change.get("summary")).isEqualTo("合并 青年社区第一网格党支部 到 青年社区第二网格党支部");
		assertThat(strings(change.get("scopes"))).contains("GZ-DJ", "GZ-DJ-C01", "GZ-DJ-C01-SQDW", "GZ-DJ-C01-ZB01",
				"GZ-DJ-C01-ZB02", "GZ-DJ-C01-G01");
		Map<?, ?> before = json.readValue((String) change.get("before"), Map.class);
		Map<?, ?> after = json.readValue((String) change.get("after"), Map.class);
		assertThat(List.copyOf(map(before).keySet())).contains("GZ-DJ-C01-ZB01", "GZ-DJ-C01-ZB02", "GZ-DJ-C01-G01",
				members.get(0));
		assertThat(((Map<?, ?>) ((Map<?, ?>) after.get("GZ-DJ-C01-ZB01")).get("properties")).get("until"))
			.isEqualTo("2026-11-01");
		assertThat((List<?>) ((Map<?, ?>) after.get("GZ-DJ-C01-G01")).get("relationships"))
			.anySatisfy(r -> assertThat(map(r)).containsEntry("type", "COVERS")
				.containsEntry("direction", "IN")
				.containsEntry("other", "GZ-DJ-C01-ZB02")
				.containsEntry("since", "2026-11-01"));
		assertThat(column("MATCH (:Change {id: $id})-[:AFFECTED]->(n) RETURN n.code",
				Map.of("id", payload.get("changeId"))))
			.contains("GZ-DJ-C01-ZB01", "GZ-DJ-C01-ZB02", "GZ-DJ-C01-G01", members.get(0));
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_merged_organization_is_restored_with_its_place_and_posts_but_not_what_moved() {
		String secretary = column(
				"""
						MATCH (p)-[h:HOLDS WHERE h.role = 'SECRETARY' AND h.until IS NULL]->(:GridBranch {code: 'GZ-DJ-C15-ZB02'})
						RETURN p.code
						""",
				Map.of())
			.get(0);
		ok("mergeOrganizations", "MergeOrganizationsInput", Map.of("from", "GridBranch:GZ-DJ-C15-ZB02", "fromVersion",
				0, "into", "GridBranch:GZ-DJ-C15-ZB01", "intoVersion", 0, "on", "2026-08-01"));
		assertThat(value("MATCH (o:GridBranch {code: 'GZ-DJ-C15-ZB02'}) RETURN o.mergedInto", Map.of()))
			.isEqualTo("GZ-DJ-C15-ZB01");
		refused("restoreOrganization", "EndOrganizationInput",
				Map.of("id", "GridBranch:GZ-DJ-C15-ZB02", "version", 1, "on", "2026-07-01"), "VALIDATION", "input",
				"on");
		Map<String, Object> payload = ok("restoreOrganization", "EndOrganizationInput",
				Map.of("id", "GridBranch:GZ-DJ-C15-ZB02", "version", 1, "on", "2026-09-01"));
		Map<String, Object> restored = (Map<String, Object>) data(
				"""
						{ organization(code: "GZ-DJ-C15-ZB02") { parent { code } secretary { code } areas { code } members { total } } }
						""",
				Map.of())
			.get("organization");
		assertThat(((Map<String, Object>) restored.get("parent")).get("code")).isEqualTo("GZ-DJ-C15-SQDW");
		assertThat(((Map<String, Object>) restored.get("secretary")).get("code")).isEqualTo(secretary);
		assertThat((List<?>) restored.get("areas")).isEmpty();
		assertThat(((Map<String, Object>) restored.get("members")).get("total")).isEqualTo(0);
		assertThat(map(payload.get("organization")).get("version")).isEqualTo(2);
	}

	@Test
	void a_merge_that_fails_after_its_writes_leaves_the_graph_exactly_as_it_was() {
		// Branches of two communities: only the invariants after the writes see that the
		// merged branch would cover another community's grids; the whole transaction
		// rolls back.
		List<String> before = dump();
		Map<String, Object> payload = run("mergeOrganizations", "MergeOrganizationsInput", Map.of("from",
				"GridBranch:GZ-DJ-C05-ZB01", "fromVersion", 0, "into", "GridBranch:GZ-DJ-C06-ZB01", "intoVersion", 0));
		assertThat(errors(payload)).isNotEmpty().allSatisfy(error -> {
			assertThat(error.get("code")).isEqualTo("VALIDATION");
			assertThat(error.get("field")).isEqualTo(List.of("input", "into"));
		});
		assertThat(errors(payload))
			.anySatisfy(error -> assertThat((String) error.get("message")).contains("网格党支部只能覆盖本社区的网格"));
		assertThat(payload.get("organization")).isNull();
		assertThat(payload.get("changeId")).isNull();
		assertThat(dump()).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_grid_moves_to_another_community_once_no_branch_of_the_old_one_covers_it() {
		// a covered grid cannot leave its community: its branch would cover another
		// community's grid
		refused("transferArea", "TransferAreaInput", Map.of("id", "Grid:GZ-DJ-C11-G06", "version",
				version("Grid", "GZ-DJ-C11-G06"), "parent", "Community:GZ-DJ-C08"), "VALIDATION", "input", "parent");
		// a grid no branch covers moves (网格重新划分): the old HAS ends, a new one starts
		ok("createArea", "CreateAreaInput", Map.of("kind", "GRID", "code", "GZ-DJ-C11-G09", "name", "金安社区第九网格",
				"parent", "Community:GZ-DJ-C11", "on", "2026-01-01"));
		Map<String, Object> payload = ok("transferArea", "TransferAreaInput", Map.of("id", "Grid:GZ-DJ-C11-G09",
				"version", version("Grid", "GZ-DJ-C11-G09"), "parent", "Community:GZ-DJ-C08", "on", "2026-02-01"));
		assertThat(((Map<String, Object>) payload.get("area")).get("code")).isEqualTo("GZ-DJ-C11-G09");
		assertThat(column("""
				MATCH (p)-[h:HAS]->(:Grid {code: 'GZ-DJ-C11-G09'})
				RETURN p.code + ' ' + toString(h.since) + ' ' + coalesce(toString(h.until), '-') ORDER BY h.since
				""", Map.of())).containsExactly("GZ-DJ-C11 2026-01-01 2026-02-01", "GZ-DJ-C08 2026-02-01 -");
		assertThat(value("MATCH (c:Change {operation: 'transferArea'}) RETURN c.summary", Map.of()))
			.isEqualTo("将网格 金安社区第九网格 划入 " + value("MATCH (c:Community {code: 'GZ-DJ-C08'}) RETURN c.name", Map.of()));
		// a district has nowhere to move
		refused("transferArea", "TransferAreaInput",
				Map.of("id", "District:GZ", "version", version("District", "GZ"), "parent", "Street:GZ-DJ"),
				"VALIDATION", "input", "id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_building_group_transfers_to_another_branch() {
		ok("createOrganization", "CreateOrganizationInput",
				Map.of("kind", "BUILDING_GROUP", "code", "GZ-DJ-C06-ZB02-XZ09", "name", "鼓楼社区第二网格第九楼院党小组", "parent",
						"GridBranch:GZ-DJ-C06-ZB02", "on", "2026-01-01"));
		Map<String, Object> payload = ok("transferOrganization", "TransferOrganizationInput",
				Map.of("id", "BuildingGroup:GZ-DJ-C06-ZB02-XZ09", "version", 1, "parent", "GridBranch:GZ-DJ-C06-ZB03",
						"on", "2026-02-01"));
		assertThat(((Map<String, Object>) payload.get("organization")).get("version")).isEqualTo(2);
		Map<String, Object> group = (Map<String, Object>) data(
				"{ organization(code: \"GZ-DJ-C06-ZB02-XZ09\") { parent { code } ancestors { code } } }", Map.of())
			.get("organization");
		assertThat(((Map<String, Object>) group.get("parent")).get("code")).isEqualTo("GZ-DJ-C06-ZB03");
		assertThat(codes(group.get("ancestors"))).containsExactly("GZ-DJ-DGW", "GZ-DJ-C06-SQDW", "GZ-DJ-C06-ZB03");
		assertThat(column("""
				MATCH (p)-[l:LEADS]->(:BuildingGroup {code: 'GZ-DJ-C06-ZB02-XZ09'})
				RETURN p.code + ' ' + toString(l.since) + ' ' + coalesce(toString(l.until), '-') ORDER BY l.since
				""", Map.of())).containsExactly("GZ-DJ-C06-ZB02 2026-01-01 2026-02-01", "GZ-DJ-C06-ZB03 2026-02-01 -");
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_dissolved_organization_leaves_the_tree_and_a_restored_one_comes_back() {
		ok("createOrganization", "CreateOrganizationInput",
				Map.of("kind", "BUILDING_GROUP", "code", "GZ-DJ-C09-ZB01-XZ09", "name", "和平社区临时楼院党小组", "parent",
						"GridBranch:GZ-DJ-C09-ZB01", "areas", List.of("Building:GZ-DJ-C09-G01-B01"), "on",
						"2026-01-01"));
		String leader = "Person:RY13303";
		ok("assignRole", "AssignRoleInput", Map.of("person", leader, "version", version("Person", "RY13303"),
				"organization", "BuildingGroup:GZ-DJ-C09-ZB01-XZ09", "role", "GROUP_LEADER", "on", "2026-01-01"));
		ok("dissolveOrganization", "EndOrganizationInput",
				Map.of("id", "BuildingGroup:GZ-DJ-C09-ZB01-XZ09", "version", 2, "on", "2026-03-01"));
		String query = """
				{
				  branch: organization(code: "GZ-DJ-C09-ZB01") { children { code } }
				  group: organization(code: "GZ-DJ-C09-ZB01-XZ09") { parent { code } secretary { code } areas { code } version }
				}
				""";
		Map<String, Object> data = data(query, Map.of());
		assertThat(codes(((Map<String, Object>) data.get("branch")).get("children")))
			.doesNotContain("GZ-DJ-C09-ZB01-XZ09");
		assertThat(((Map<String, Object>) data.get("group")).get("parent")).isNull();
		assertThat((List<?>) ((Map<String, Object>) data.get("group")).get("areas")).isEmpty();
		refused("updateOrganization", "UpdateOrganizationInput",
				Map.of("id", "BuildingGroup:GZ-DJ-C09-ZB01-XZ09", "version", 3, "name", "已撤销"), "VALIDATION", "input",
				"id");

		ok("restoreOrganization", "EndOrganizationInput",
				Map.of("id", "BuildingGroup:GZ-DJ-C09-ZB01-XZ09", "version", 3, "on", "2026-04-01"));
		data = data(query, Map.of());
		assertThat(codes(((Map<String, Object>) data.get("branch")).get("children"))).contains("GZ-DJ-C09-ZB01-XZ09");
		Map<String, Object> group = (Map<String, Object>) data.get("group");
		assertThat(((Map<String, Object>) group.get("parent")).get("code")).isEqualTo("GZ-DJ-C09-ZB01");
		assertThat(codes(group.get("areas"))).containsExactly("GZ-DJ-C09-G01-B01");
		assertThat(value("MATCH (o:BuildingGroup {code: 'GZ-DJ-C09-ZB01-XZ09'}) RETURN o.until", Map.of())).isNull();
		assertThat(
				column("""
						MATCH (:Person {code: 'RY13303'})-[h:HOLDS {role: 'GROUP_LEADER'}]->(:BuildingGroup {code: 'GZ-DJ-C09-ZB01-XZ09'})
						RETURN toString(h.since) + ' ' + coalesce(toString(h.until), '-') ORDER BY h.since
						""",
						Map.of()))
			.containsExactly("2026-01-01 2026-03-01", "2026-04-01 -");
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_split_branch_takes_its_grids_groups_and_members() {
		// The new branch takes the last grid of 民主社区's first branch and every group that
		// covers a building in it, with the grids those groups reach (the closure), and
		// two members.
		List<String> grids = new ArrayList<>(List.of("GZ-DJ-C07-G03"));
		List<String> groups = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			groups = column("""
					MATCH (:GridBranch {code: 'GZ-DJ-C07-ZB01'})-[:LEADS]->(bg)-[:COVERS]->(:Building)<-[:HAS]-(g:Grid)
					WHERE g.code IN $grids RETURN DISTINCT bg.code ORDER BY bg.code
					""", Map.of("grids", grids));
			grids = new ArrayList<>(column("""
					MATCH (bg:BuildingGroup)-[:COVERS]->(:Building)<-[h:HAS WHERE h.until IS NULL]-(g:Grid)
					WHERE bg.code IN $groups RETURN DISTINCT g.code ORDER BY g.code
					""", Map.of("groups", groups)));
		}
		List<String> members = column("""
				MATCH (p:Person)-[:MEMBER_OF]->(:GridBranch {code: 'GZ-DJ-C07-ZB01'})
				WHERE NOT (p)-[:HOLDS]->() RETURN p.code ORDER BY p.code LIMIT 2
				""", Map.of());
		Map<String, Object> payload = ok("splitOrganization", "SplitOrganizationInput",
				Map.of("id", "GridBranch:GZ-DJ-C07-ZB01", "version", 0, "code", "GZ-DJ-C07-ZB04", "name", "民主社区第四网格党支部",
						"areas", grids.stream().map(code -> "Grid:" + code).toList(), "children",
						groups.stream().map(code -> "BuildingGroup:" + code).toList(), "members",
						members.stream().map(code -> "Person:" + code).toList(), "on", "2026-05-01"));
		assertThat(((Map<String, Object>) payload.get("organization")).get("id"))
			.isEqualTo("GridBranch:GZ-DJ-C07-ZB04");
		Map<String, Object> split = (Map<String, Object>) data(
				"""
						{ organization(code: "GZ-DJ-C07-ZB04") { parent { code } areas { code } children { code } members { total } } }
						""",
				Map.of())
			.get("organization");
		assertThat(((Map<String, Object>) split.get("parent")).get("code")).isEqualTo("GZ-DJ-C07-SQDW");
		assertThat(codes(split.get("areas"))).containsExactlyInAnyOrderElementsOf(grids);
		assertThat(codes(split.get("children"))).containsExactlyInAnyOrderElementsOf(groups);
		assertThat(((Map<String, Object>) split.get("members")).get("total")).isEqualTo(2 + 0);
		assertThat(((Map<String, Object>) ((Map<String, Object>) data(
				"{ coverage(scope: \"Community:GZ-DJ-C07\") { grid { ratio } } }", Map.of())
			.get("coverage")).get("grid")).get("ratio")).isEqualTo(1.0);
	}

	@Test
	void a_split_refuses_what_the_organization_does_not_have() {
		refused("splitOrganization", "SplitOrganizationInput", Map.of("id", "GridBranch:GZ-DJ-C07-ZB02", "version", 0,
				"code", "GZ-DJ-C07-ZB05", "name", "新支部", "areas", List.of("Grid:GZ-DJ-C07-G07")), "VALIDATION", "input",
				"areas", "0");
	}

	@Test
	@SuppressWarnings("unchecked")
	void people_areas_posts_memberships_and_links_change() {
		ok("createArea", "CreateAreaInput", Map.of("kind", "GRID", "code", "GZ-DJ-C10-G08", "name", "新乐社区第8网格",
				"parent", "Community:GZ-DJ-C10", "on", "2026-06-01"));
		ok("updateArea", "UpdateAreaInput", Map.of("id", "Grid:GZ-DJ-C10-G08", "version", 1, "name", "新乐社区第八网格"));
		ok("addCoverage", "CoverageInput", Map.of("organization", "GridBranch:GZ-DJ-C10-ZB03", "version", 0, "area",
				"Grid:GZ-DJ-C10-G08", "on", "2026-06-01"));
		Map<String, Object> person = ok("createPerson", "CreatePersonInput",
				Map.of("code", "RY99001", "name", "测试党员", "gender", "FEMALE", "phone", "000-9999-0001", "idNumber",
						"62070219900101000X", "organization", "GridBranch:GZ-DJ-C10-ZB03", "partyStatus",
						"PROBATIONARY", "on", "2026-06-01"));
		assertThat(((Map<String, Object>) person.get("person")).get("version")).isEqualTo(1);
		ok("updatePerson", "UpdatePersonInput",
				Map.of("id", "Person:RY99001", "version", 1, "partyStatus", "FULL", "phone", "000-9999-0002"));
		ok("assignRole", "AssignRoleInput", Map.of("person", "Person:RY99001", "version", 2, "organization",
				"GridBranch:GZ-DJ-C10-ZB03", "role", "DEPUTY_SECRETARY", "on", "2026-06-02"));
		ok("addLink", "LinkInput", Map.of("kind", "WORKS_FOR", "from", "Person:RY99001", "version", 3, "to",
				"Grid:GZ-DJ-C10-G08", "on", "2026-06-02"));
		ok("addLink", "LinkInput", Map.of("kind", "REGISTERED_AT", "from", "Person:RY99001", "version", 4, "to",
				"Community:GZ-DJ-C10", "on", "2026-06-02"));
		Map<String, Object> data = data(
				"""
						{
						  person(code: "RY99001") { name gender partyStatus version roles { kind title organization { code } area { code } } }
						  area(code: "GZ-DJ-C10-G08") { name version parent { code } coveredBy { code } gridWorkers { code } }
						}
						""",
				Map.of());
		Map<String, Object> p = (Map<String, Object>) data.get("person");
		assertThat(p.get("partyStatus")).isEqualTo("FULL");
		assertThat(p.get("version")).isEqualTo(5);
		assertThat(((List<Map<String, Object>>) p.get("roles")).stream().map(role -> role.get("kind")).toList())
			.contains("DEPUTY_SECRETARY", "PARTY_MEMBER", "GRID_WORKER", "REGISTERED");
		Map<String, Object> area = (Map<String, Object>) data.get("area");
		assertThat(area.get("name")).isEqualTo("新乐社区第八网格");
		assertThat(((Map<String, Object>) area.get("parent")).get("code")).isEqualTo("GZ-DJ-C10");
		assertThat(codes(area.get("coveredBy"))).containsExactly("GZ-DJ-C10-ZB03");
		assertThat(codes(area.get("gridWorkers"))).containsExactly("RY99001");
		assertThat(value("MATCH (p:Person {code: 'RY99001'}) RETURN p.phone", Map.of())).isEqualTo("000-9999-0002");

		ok("endRole", "EndRoleInput", Map.of("person", "Person:RY99001", "version", 5, "organization",
				"GridBranch:GZ-DJ-C10-ZB03", "role", "DEPUTY_SECRETARY", "on", "2026-07-01"));
		ok("endLink", "LinkInput", Map.of("kind", "WORKS_FOR", "from", "Person:RY99001", "version", 6, "to",
				"Grid:GZ-DJ-C10-G08", "on", "2026-07-01"));
		ok("endMembership", "EndMembershipInput", Map.of("person", "Person:RY99001", "version", 7, "organization",
				"GridBranch:GZ-DJ-C10-ZB03", "on", "2026-07-01"));
		ok("addMembership", "MembershipInput", Map.of("person", "Person:RY99001", "version", 8, "organization",
				"GridBranch:GZ-DJ-C10-ZB01", "on", "2026-07-01"));
		// Every change to a node's relationships counts as a change of the node: the
		// branch's version moved with each membership and post above.
		ok("endCoverage", "CoverageInput", Map.of("organization", "GridBranch:GZ-DJ-C10-ZB03", "version",
				version("GridBranch", "GZ-DJ-C10-ZB03"), "area", "Grid:GZ-DJ-C10-G08", "on", "2026-07-01"));
		List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) data(
				"{ person(code: \"RY99001\") { roles { kind organization { code } } } }", Map.of())
			.get("person")).get("roles");
		assertThat(roles)
			.extracting(
					role -> role.get("kind") + " "
							+ ((role.get("organization") != null)
									? ((Map<String, Object>) role.get("organization")).get("code") : "-"))
			.containsExactlyInAnyOrder("PARTY_MEMBER GZ-DJ-C10-ZB01", "REGISTERED -");
		// Audit records are no part of the network: the person and the grid share
		// several, yet their paths run only through the network (here, every
		// relationship:
		// the community the person registered with).
		List<Map<String, Object>> paths = (List<Map<String, Object>>) data(
				"{ connection(from: \"Person:RY99001\", to: \"Grid:GZ-DJ-C10-G08\", maxHops: 2, through: ANY) { length sentence } }",
				Map.of())
			.get("connection");
		assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat((String) path.get("sentence")).contains("新乐社区"));
		Map<?, ?> change = rows(
				"MATCH (c:Change {operation: 'addMembership'})-[:AFFECTED]->(:Person {code: 'RY99001'}) RETURN c {.*} AS c",
				Map.of())
			.get(0);
		assertThat(strings(((Map<String, Object>) change.get("c")).get("scopes"))).contains("GZ-DJ", "GZ-DJ-C10",
				"GZ-DJ-C10-ZB01");
	}

}
