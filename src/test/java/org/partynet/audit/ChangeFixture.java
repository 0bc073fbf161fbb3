package org.partynet.audit;

import java.util.List;
import java.util.Map;

import org.partynet.support.InProcessNeo4j;

/**
 * Five audit records in the shared sample database, written the way the mutations write
 * them ({@code (:Change)-[:AFFECTED]->(node)}), straight into the database (not through
 * the counted driver). {@code :Change} is a label no other test counts and no count query
 * of the application matches; the records are removed again after each test class that
 * made them.
 *
 * <p>
 * They lie in 2099, so that audit records written by other tests at the real time
 * (mutations) never come between them: every assertion asks {@code since: SINCE}. Newest
 * first they are {@link #C5}, {@link #C4}, {@link #C3}, {@link #C2}, {@link #C1}; C4 and
 * C3 share an instant and are ordered by id.
 */
final class ChangeFixture {

	static final String SINCE = "2099-01-01T00:00:00Z";

	/** 青年社区 (GZ-DJ-C01): a grid branch renamed. */
	static final String C1 = "a0d17000-0000-4000-8000-000000000001";

	/**
	 * 南关社区 (GZ-DJ-C03): its secretary RY20021 (phone 000-0002-0021) made a committee
	 * member.
	 */
	static final String C2 = "a0d17000-0000-4000-8000-000000000002";

	/** 青年社区: branch ZB02 merged into ZB01, its grids G04 and G05 moving over. */
	static final String C3 = "a0d17000-0000-4000-8000-000000000003";

	/** 青年社区: at the instant of C3, the grid G04 given a new name. */
	static final String C4 = "a0d17000-0000-4000-8000-000000000004";

	/**
	 * 南关 and 劳动 (GZ-DJ-C04): both secretaries, by an operation the page has no label for.
	 */
	static final String C5 = "a0d17000-0000-4000-8000-000000000005";

	static final List<String> NEWEST_FIRST = List.of(C5, C4, C3, C2, C1);

	private static final List<String> C01 = List.of("GZ", "GZ-DJ", "GZ-DJ-C01", "GZ-DJ-DGW", "GZ-DJ-C01-SQDW");

	private static final List<String> C03 = List.of("GZ", "GZ-DJ", "GZ-DJ-C03", "GZ-DJ-DGW", "GZ-DJ-C03-SQDW");

	private ChangeFixture() {
	}

	static void create() {
		change(C1, "2099-01-01T02:00:00Z", "zhangwei", "renameOrganization", "青年社区第一网格党支部更名为青年社区新华网格党支部",
				plus(C01, "GZ-DJ-C01-ZB01", "GZ-DJ-C01-G01", "GZ-DJ-C01-G02", "GZ-DJ-C01-G03"),
				List.of("GZ-DJ-C01-ZB01"), """
						{"id": "GridBranch:GZ-DJ-C01-ZB01", "name": "青年社区新华网格党支部"}""",
				"""
						{"GZ-DJ-C01-ZB01": {"label": "GridBranch", "properties": {"code": "GZ-DJ-C01-ZB01", "name": "青年社区第一网格党支部"}, "relationships": []}}""",
				"""
						{"GZ-DJ-C01-ZB01": {"label": "GridBranch", "properties": {"code": "GZ-DJ-C01-ZB01", "name": "青年社区新华网格党支部"}, "relationships": []}}""");
		change(C2, "2099-01-02T03:00:00Z", "lina", "assignRole", "任命南关社区党委书记兼任组织委员", plus(C03, "RY20021"),
				List.of("RY20021", "GZ-DJ-C03-SQDW"),
				"""
						{"person": "Person:RY20021", "organization": "CommunityCommittee:GZ-DJ-C03-SQDW", "role": "COMMITTEE_MEMBER", "phone": "000-0002-0021"}""",
				"""
						{"RY20021": {"label": "Person", "properties": {"code": "RY20021", "name": "书记甲", "phone": "000-0002-0021"},
						  "relationships": [{"type": "HOLDS", "direction": "OUT", "other": "GZ-DJ-C03-SQDW", "since": "2021-01-10", "until": null, "role": "SECRETARY"}]}}""",
				"""
						{"RY20021": {"label": "Person", "properties": {"code": "RY20021", "name": "书记甲", "phone": "000-0002-0021"},
						  "relationships": [{"type": "HOLDS", "direction": "OUT", "other": "GZ-DJ-C03-SQDW", "since": "2021-01-10", "until": null, "role": "SECRETARY"},
						                    {"type": "HOLDS", "direction": "OUT", "other": "GZ-DJ-C03-SQDW", "since": "2099-01-02", "until": null, "role": "COMMITTEE_MEMBER"}]}}""");
		change(C3, "2099-01-03T04:00:00Z", "wangfang", "mergeOrganizations", "青年社区第二网格党支部并入第一网格党支部",
				plus(C01, "GZ-DJ-C01-ZB01", "GZ-DJ-C01-ZB02", "GZ-DJ-C01-G04", "GZ-DJ-C01-G05"),
				List.of("GZ-DJ-C01-ZB02", "GZ-DJ-C01-ZB01"),
				"""
						{"from": "GridBranch:GZ-DJ-C01-ZB02", "into": "GridBranch:GZ-DJ-C01-ZB01", "on": "2099-01-03"}""",
				"""
						{"GZ-DJ-C01-ZB01": {"label": "GridBranch", "properties": {"code": "GZ-DJ-C01-ZB01", "name": "青年社区第一网格党支部"},
						   "relationships": [{"type": "LEADS", "direction": "IN", "other": "GZ-DJ-C01-SQDW", "since": "2019-09-01", "until": null}]},
						 "GZ-DJ-C01-ZB02": {"label": "GridBranch", "properties": {"code": "GZ-DJ-C01-ZB02", "name": "青年社区第二网格党支部"},
						   "relationships": [{"type": "LEADS", "direction": "IN", "other": "GZ-DJ-C01-SQDW", "since": "2019-09-01", "until": null},
						                     {"type": "COVERS", "direction": "OUT", "other": "GZ-DJ-C01-G04", "since": "2019-09-01", "until": null},
						                     {"type": "COVERS", "direction": "OUT", "other": "GZ-DJ-C01-G05", "since": "2019-09-01", "until": null}]}}""",
				"""
						{"GZ-DJ-C01-ZB01": {"label": "GridBranch", "properties": {"code": "GZ-DJ-C01-ZB01", "name": "青年社区第一网格党支部"},
						   "relationships": [{"type": "LEADS", "direction": "IN", "other": "GZ-DJ-C01-SQDW", "since": "2019-09-01", "until": null},
						                     {"type": "COVERS", "direction": "OUT", "other": "GZ-DJ-C01-G04", "since": "2099-01-03", "until": null},
						                     {"type": "COVERS", "direction": "OUT", "other": "GZ-DJ-C01-G05", "since": "2099-01-03", "until": null}]},
						 "GZ-DJ-C01-ZB02": {"label": "GridBranch", "properties": {"code": "GZ-DJ-C01-ZB02", "name": "青年社区第二网格党支部", "dissolvedOn": "2099-01-03"},
						   "relationships": [{"type": "LEADS", "direction": "IN", "other": "GZ-DJ-C01-SQDW", "since": "2019-09-01", "until": "2099-01-03"},
						                     {"type": "COVERS", "direction": "OUT", "other": "GZ-DJ-C01-G04", "since": "2019-09-01", "until": "2099-01-03"},
						                     {"type": "COVERS", "direction": "OUT", "other": "GZ-DJ-C01-G05", "since": "2019-09-01", "until": "2099-01-03"}]}}""");
		change(C4, "2099-01-03T04:00:00Z", "wangfang", "updateArea", "青年社区第4网格更名", plus(C01, "GZ-DJ-C01-G04"),
				List.of("GZ-DJ-C01-G04"), """
						{"id": "Grid:GZ-DJ-C01-G04", "name": "青年社区新华网格"}""",
				"""
						{"GZ-DJ-C01-G04": {"label": "Grid", "properties": {"code": "GZ-DJ-C01-G04", "name": "青年社区第4网格"}, "relationships": []}}""",
				"""
						{"GZ-DJ-C01-G04": {"label": "Grid", "properties": {"code": "GZ-DJ-C01-G04", "name": "青年社区新华网格"}, "relationships": []}}""");
		change(C5, "2099-01-05T05:00:00Z", "admin", "swapSecretaries", "南关社区与劳动社区党委书记交流任职",
				plus(C03, "GZ-DJ-C04", "GZ-DJ-C04-SQDW", "RY20021", "RY20031"), List.of("RY20021", "RY20031"), "{}",
				"{}", "{}");
	}

	static void remove() {
		InProcessNeo4j.get()
			.defaultDatabaseService()
			.executeTransactionally("MATCH (c:Change) WHERE c.id IN $ids DETACH DELETE c", Map.of("ids", NEWEST_FIRST));
	}

	private static List<String> plus(List<String> scopes, String... more) {
		return java.util.stream.Stream.concat(scopes.stream(), java.util.Arrays.stream(more)).toList();
	}

	private static void change(String id, String at, String user, String operation, String summary, List<String> scopes,
			List<String> affected, String input, String before, String after) {
		InProcessNeo4j.get()
			.defaultDatabaseService()
			.executeTransactionally("""
					MERGE (c:Change {id: $id})
					SET c.at = datetime($at), c.user = $user, c.operation = $operation, c.summary = $summary,
					    c.scopes = $scopes, c.input = $input, c.before = $before, c.after = $after
					WITH c
					UNWIND $affected AS code
					CALL (code) {
					  MATCH (n:Area {code: code}) RETURN n
					  UNION MATCH (n:PartyOrganization {code: code}) RETURN n
					  UNION MATCH (n:Person {code: code}) RETURN n
					}
					MERGE (c)-[:AFFECTED]->(n)
					""",
					Map.of("id", id, "at", at, "user", user, "operation", operation, "summary", summary, "scopes",
							scopes, "affected", affected, "input", input.strip(), "before", before.strip(), "after",
							after.strip()));
	}

}
