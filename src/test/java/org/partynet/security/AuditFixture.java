package org.partynet.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample has no audit records, so {@code changes} would answer nothing worth judging.
 * Two records of {@code updatePerson} are written straight into the shared database,
 * shaped as {@code Changes} writes them ({@code input}, and {@code before}/{@code after}
 * snapshots keyed by code with the node's label, every property and its current
 * relationships), about the secretaries of 青年社区党委 (inside the demo secretary's subtree)
 * and of 东湖社区党委 (outside it). They lie in 2098, before the audit tests' 2099 records, and
 * are removed after the class.
 */
final class AuditFixture {

	static final List<String> IDS = List.of("5c4e3a1f-0000-4000-8000-000000000001",
			"5c4e3a1f-0000-4000-8000-000000000002");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SNAPSHOT = """
			MATCH (p:Person)-[h:HOLDS {role: 'SECRETARY'} WHERE h.until IS NULL]->(:CommunityCommittee {code: $committee})
			RETURN p.code AS code, [k IN keys(p) | [k, toString(p[k])]] AS properties,
			       COLLECT {
			         MATCH (p)-[r WHERE r.until IS NULL]-(other) WHERE other.code IS NOT NULL
			         RETURN {type: type(r), direction: CASE WHEN startNode(r) = p THEN 'OUT' ELSE 'IN' END, other: other.code,
			                 since: toString(r.since), until: null, role: r.role}
			       } AS relationships
			""";

	private static final String WRITE = """
			MERGE (c:Change {id: $id})
			SET c.at = datetime($at), c.user = 'orgdept', c.operation = 'updatePerson', c.summary = $summary,
			    c.scopes = $scopes, c.input = $input, c.before = $before, c.after = $after
			WITH c
			MATCH (p:Person {code: $person})
			MERGE (c)-[:AFFECTED]->(p)
			""";

	private AuditFixture() {
	}

	static void create(Driver driver) {
		write(driver, IDS.get(0), "2098-06-01T02:00:00Z", "GZ-DJ-C01");
		write(driver, IDS.get(1), "2098-06-02T02:00:00Z", "GZ-DJ-C02");
	}

	static void remove(Driver driver) {
		try (var session = driver.session()) {
			session.run("MATCH (c:Change) WHERE c.id IN $ids DETACH DELETE c", Map.of("ids", IDS)).consume();
		}
	}

	private static void write(Driver driver, String id, String at, String community) {
		try (var session = driver.session()) {
			var row = session.run(SNAPSHOT, Map.of("committee", community + "-SQDW")).single();
			String code = row.get("code").asString();
			Map<String, Object> properties = new LinkedHashMap<>();
			for (var pair : row.get("properties").asList(v -> v.asList(org.neo4j.driver.Value::asString))) {
				properties.put(pair.get(0), pair.get(1));
			}
			Map<String, Object> before = Map.of(code, Map.of("label", "Person", "properties", properties,
					"relationships", row.get("relationships").asList(v -> v.asMap())));
			Map<String, Object> changed = new LinkedHashMap<>(properties);
			changed.put("phone", properties.get("phone"));
			changed.put("version", "1");
			Map<String, Object> after = Map.of(code, Map.of("label", "Person", "properties", changed, "relationships",
					row.get("relationships").asList(v -> v.asMap())));
			Map<String, Object> input = new LinkedHashMap<>();
			input.put("id", "Person:" + code);
			input.put("version", 0);
			input.put("phone", properties.get("phone"));
			input.put("idNumber", properties.get("idNumber"));
			session.run(WRITE,
					Map.of("id", id, "at", at, "summary", "修改人员 " + properties.get("name"), "scopes",
							List.of("GZ", "GZ-DJ", community, "GZ-DJ-DGW", community + "-SQDW", code), "input",
							json.writeValueAsString(input), "before", json.writeValueAsString(before), "after",
							json.writeValueAsString(after), "person", code))
				.consume();
		}
	}

}
