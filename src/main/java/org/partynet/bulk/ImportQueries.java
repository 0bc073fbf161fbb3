package org.partynet.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;

import org.springframework.stereotype.Component;

/**
 * The Cypher of the import: what already exists (nodes by code within their label family, with
 * their current parent; relationships from given nodes), and the batched writes, each an
 * {@code UNWIND $rows} statement of one label or relationship type.
 */
@Component
class ImportQueries {

	/** A node in the database: its labels, properties and current parent relationship. */
	/**
	 * A node in the database: its labels, properties and parent relationship: the current one, or
	 * when none is current the one that ended last ({@code parentUntil} set).
	 */
	record Existing(String code, List<String> labels, Map<String, Object> properties, String parent, LocalDate parentSince,
			String parentRelationship, LocalDate parentUntil) {
	}

	/** A relationship in the database from a node of the file. */
	record ExistingRelationship(String id, String from, String to, List<String> toLabels, String role, LocalDate since,
			LocalDate until, String title, String status) {
	}

	private static final Statement AUDIT = Statement.write("import.audit", """
			CREATE (c:Change {id: $id, at: datetime({timezone: 'UTC'}), user: $user, operation: $operation,
			                  summary: $summary, input: $input, before: $before, after: $after, scopes: $scopes})
			""");

	private final Graph graph;

	ImportQueries(Graph graph) {
		this.graph = graph;
	}

	/** The nodes of a family ({@code Area}, {@code PartyOrganization}, ...) with these codes. */
	Map<String, Existing> nodes(String family, String parentType, Collection<String> codes) {
		String cypher = (parentType == null) ? """
				UNWIND $codes AS code
				MATCH (n:`%s` {code: code})
				RETURN n.code AS code, labels(n) AS labels, properties(n) AS props, null AS parent, null AS since, null AS rel,
				       null AS until
				""".formatted(family) : """
				UNWIND $codes AS code
				MATCH (n:`%s` {code: code})
				OPTIONAL MATCH (p)-[r:`%s`]->(n)
				WITH n, p, r ORDER BY CASE WHEN r.until IS NULL THEN 0 ELSE 1 END, r.until DESC, r.since DESC
				WITH n, head(collect({parent: p.code, since: r.since, rel: elementId(r), until: r.until})) AS up
				RETURN n.code AS code, labels(n) AS labels, properties(n) AS props, up.parent AS parent, up.since AS since,
				       up.rel AS rel, up.until AS until
				""".formatted(family, parentType);
		Map<String, Existing> found = new HashMap<>();
		this.graph.rows(Statement.write("import.nodes", cypher), Graph.parameters("codes", List.copyOf(codes)))
			.stream()
			.map(row -> new Existing(row.get("code").asString(), row.get("labels").asList(Value::asString),
					row.get("props").asMap(), row.get("parent").isNull() ? null : row.get("parent").asString(),
					day(row.get("since")), row.get("rel").isNull() ? null : row.get("rel").asString(), day(row.get("until"))))
			.forEach(e -> found.put(e.code(), e));
		return found;
	}

	/** Every relationship of a type from the nodes of a family with these codes. */
	List<ExistingRelationship> relationships(String fromFamily, String type, Collection<String> codes) {
		String cypher = """
				UNWIND $codes AS code
				MATCH (a:`%s` {code: code})-[r:`%s`]->(b)
				RETURN elementId(r) AS id, a.code AS from, b.code AS to, labels(b) AS labels, r.role AS role,
				       r.since AS since, r.until AS until, r.title AS title, r.status AS status
				""".formatted(fromFamily, type);
		return new ArrayList<>(this.graph
			.rows(Statement.write("import.relationships", cypher), Graph.parameters("codes", List.copyOf(codes)))
			.stream()
			.map(row -> new ExistingRelationship(row.get("id").asString(), row.get("from").asString(),
					row.get("to").asString(null), row.get("labels").asList(Value::asString), row.get("role").asString(null),
					day(row.get("since")), day(row.get("until")), row.get("title").asString(null),
					row.get("status").asString(null)))
			.toList());
	}

	private static LocalDate day(Value value) {
		return (value == null || value.isNull()) ? null : value.asLocalDate();
	}

	/*
	 * The writes, one batch each, with their undo: every statement also writes the journal entries
	 * (see ImportJournal) that say how to undo it, in its own transaction, so that a batch and its
	 * undo information commit together or not at all. %s are labels and relationship types from
	 * the format, never the file's text.
	 */

	static final String CREATE_NODES = """
			UNWIND $rows AS row
			CREATE (n:%s)
			SET n = row, n.version = 1
			WITH collect(elementId(n)) AS ids
			CREATE (:ImportJournalEntry {_journal: $journal, _seq: $seq, _kind: 'createdNodes', _ids: ids})
			""";

	static final String UPDATE_NODES = """
			UNWIND $rows AS row
			MATCH (n:`%s` {code: row.code})
			CREATE (e:ImportJournalEntry)
			SET e = properties(n), e._journal = $journal, e._seq = $seq, e._kind = 'node', e._id = elementId(n)
			SET n += row.props
			""";

	static final String BUMP_VERSIONS = """
			UNWIND $rows AS row
			MATCH (n:`%s` {code: row.code})
			CREATE (:ImportJournalEntry {_journal: $journal, _seq: $seq, _kind: 'version', _id: elementId(n),
			                             version: n.version})
			SET n.version = coalesce(n.version, 0) + 1
			""";

	static final String UPDATE_RELATIONSHIPS = """
			UNWIND $rows AS row
			MATCH ()-[r]->()
			WHERE elementId(r) = row.id
			CREATE (e:ImportJournalEntry)
			SET e = properties(r), e._journal = $journal, e._seq = $seq, e._kind = 'relationship', e._id = row.id
			SET r += row.props
			""";

	static final String CREATE_RELATIONSHIPS = """
			UNWIND $rows AS row
			MATCH (a:`%s` {code: row.from})
			MATCH (b:`%s` {code: row.to})
			CREATE (a)-[r:`%s`]->(b)
			SET r = row.props
			WITH collect(elementId(r)) AS ids
			CREATE (:ImportJournalEntry {_journal: $journal, _seq: $seq, _kind: 'createdRelationships', _ids: ids})
			""";

	/** Where a batch goes: its journal and its place in it (the order of undo is the reverse). */
	record Batch(String journal, int seq, List<Map<String, Object>> rows) {
	}

	/** Creates nodes with these labels; each row is the node's properties. */
	void createNodes(List<String> labels, Batch batch) {
		String set = labels.stream().map(l -> "`" + l + "`").reduce((a, b) -> a + ":" + b).orElseThrow();
		run(CREATE_NODES.formatted(set), batch);
	}

	/** Sets the properties of existing nodes ({@code row.code}, {@code row.props}). */
	void updateNodes(String family, Batch batch) {
		run(UPDATE_NODES.formatted(family), batch);
	}

	/** Adds 1 to the versions of these nodes, as mutations do, so that optimistic locking sees the import. */
	void bumpVersions(String family, Batch batch) {
		run(BUMP_VERSIONS.formatted(family), batch);
	}

	/** Sets properties of relationships by element id ({@code row.id}, {@code row.props}). */
	void updateRelationships(Batch batch) {
		run(UPDATE_RELATIONSHIPS, batch);
	}

	/** Creates relationships {@code (from)-[type]->(to)} with {@code row.props}. */
	void createRelationships(String fromFamily, String type, String toFamily, Batch batch) {
		run(CREATE_RELATIONSHIPS.formatted(fromFamily, toFamily, type), batch);
	}


	/** The audit record of an import: no AFFECTED links, the counts in its input. */
	void audit(Map<String, Object> change) {
		this.graph.run(AUDIT, new HashMap<>(change));
	}

	private void run(String cypher, Batch batch) {
		this.graph.run(Statement.write("import.write", cypher),
				Graph.parameters("rows", batch.rows(), "journal", batch.journal(), "seq", batch.seq()));
	}

}
