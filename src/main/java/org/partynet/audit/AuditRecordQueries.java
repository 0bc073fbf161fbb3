package org.partynet.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.model.Operation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Records what happened to accounts (created, disabled, reset...) and every sign-in,
 * success or failure, as a {@code Change} of the audit trail beside the network's
 * changes: the organization department reads them on the audit page. A record about an
 * account is linked to its person, if it has one; it belongs to no scope, so that a
 * secretary reading their scope's changes does not see it. No password, not even its
 * hash, is ever in one.
 */
@Component
public class AuditRecordQueries {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Statement RECORD = Statement.write("audit.record", """
			CREATE (c:Change {id: $id, at: datetime({timezone: 'UTC'}), user: $user, operation: $operation,
			                  summary: $summary, input: $input, before: $before, after: $after, scopes: []})
			WITH c
			UNWIND $persons AS code
			MATCH (p:Person {code: code})
			CREATE (c)-[:AFFECTED]->(p)
			""");

	private final Graph graph;

	public AuditRecordQueries(Graph graph) {
		this.graph = graph;
	}

	/**
	 * Records one change, in the caller's transaction if there is one.
	 * @param user who did it (for a sign-in, the user name tried)
	 * @param input what was asked, without passwords
	 * @param before the accounts before (each with its {@code username}); empty when they
	 * did not exist
	 * @param after the accounts after; empty when nothing changed
	 * @param persons the codes of the accounts' persons
	 * @return the record's id
	 */
	public String record(String user, Operation operation, String summary, Map<String, Object> input,
			List<Map<String, Object>> before, List<Map<String, Object>> after, List<String> persons) {
		String id = UUID.randomUUID().toString();
		this.graph.run(RECORD,
				Graph.parameters("id", id, "user", user, "operation", operation.key(), "summary", summary, "input",
						json.writeValueAsString(input), "before", json.writeValueAsString(keyed(before)), "after",
						json.writeValueAsString(keyed(after)), "persons", persons));
		return id;
	}

	// Shaped like a network node's record ({code: {label, properties, relationships}}),
	// so that the audit page shows what changed in the same way.
	private static Map<String, Object> keyed(List<Map<String, Object>> accounts) {
		Map<String, Object> keyed = new LinkedHashMap<>();
		for (Map<String, Object> account : accounts) {
			keyed.put(String.valueOf(account.get("username")),
					Map.of("label", "Account", "properties", account, "relationships", List.of()));
		}
		return keyed;
	}

}
