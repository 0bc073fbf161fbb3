package org.partynet.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.model.NodeLabel;

import org.springframework.stereotype.Component;

/**
 * The Cypher of the import: what already exists (nodes by code within their label family,
 * with their current parent; relationships from given nodes), and the batched writes,
 * each an {@code UNWIND $rows} statement of one label or relationship type.
 */
@Component
class ImportQueries {

	/**
	 * A node in the database: its labels, properties and parent relationship: the current
	 * one, or when none is current the one that ended last ({@code parentUntil} set).
	 */
	record Existing(String code, List<String> labels, Map<String, Object> properties, String parent,
			LocalDate parentSince, String parentRelationship, LocalDate parentUntil) {
	}

	/** A relationship in the database from a node of the file. */
	record ExistingRelationship(String id, String from, String to, List<String> toLabels, String role, LocalDate since,
			LocalDate until, String title, String status) {
	}

	/*
	 * The statements, named constants that the explain test plans. A node's labels and
	 * its parent relationship vary by family (or label): one statement for each, built
	 * from the model. The relationships' two families and type vary together: their %s
	 * are filled by formatted() with the model's families and types, never the file's
	 * text.
	 */

	/** What exists of a family, by code, with the current parent (or the last one). */
	static final Map<String, Statement> NODES = byFamily(family -> {
		String parent = NodeLabel.parentRelationship(family);
		return Statement.privileged("import.nodes",
				(parent == null)
						? """
								UNWIND $codes AS code
								MATCH (n:`%s` {code: code})
								RETURN n.code AS code, labels(n) AS labels, properties(n) AS props, null AS parent, null AS since, null AS rel,
								       null AS until
								"""
							.formatted(family)
						: """
								UNWIND $codes AS code
								MATCH (n:`%s` {code: code})
								OPTIONAL MATCH (p)-[r:`%s`]->(n)
								WITH n, p, r ORDER BY CASE WHEN r.until IS NULL THEN 0 ELSE 1 END, r.until DESC, r.since DESC
								WITH n, head(collect({parent: p.code, since: r.since, rel: elementId(r), until: r.until})) AS up
								RETURN n.code AS code, labels(n) AS labels, properties(n) AS props, up.parent AS parent, up.since AS since,
								       up.rel AS rel, up.until AS until
								"""
							.formatted(family, parent));
	});

	/**
	 * Every relationship of a type (the second %s) from nodes of a family (the first)
	 * with these codes.
	 */
	static final Statement RELATIONSHIPS = Statement.privileged("import.relationships", """
			UNWIND $codes AS code
			MATCH (a:`%s` {code: code})-[r:`%s`]->(b)
			RETURN elementId(r) AS id, a.code AS from, b.code AS to, labels(b) AS labels, r.role AS role,
			       r.since AS since, r.until AS until, r.title AS title, r.status AS status
			""");

	/*
	 * The writes, one batch each, with their undo: every statement also writes the
	 * journal entries (see ImportJournal) that say how to undo it, in its own
	 * transaction, so that a batch and its undo information commit together or not at
	 * all.
	 */

	/** New nodes of a label, which also get their family's label. */
	static final Map<String, Statement> CREATE_NODES = Arrays.stream(NodeLabel.values())
		.collect(Collectors.toUnmodifiableMap(NodeLabel::label, label -> Statement.write("import.createNodes", """
				UNWIND $rows AS row
				CREATE (n:%s)
				SET n = row, n.version = 1
				WITH collect(elementId(n)) AS ids
				CREATE (:ImportJournalEntry {_journal: $journal, _seq: $seq, _kind: 'createdNodes', _ids: ids})
				""".formatted(
				String.join(":", labels(label.family(), label.label()).stream().map(l -> "`" + l + "`").toList())))));

	static final Map<String, Statement> UPDATE_NODES = byFamily(family -> Statement.write("import.updateNodes", """
			UNWIND $rows AS row
			MATCH (n:`%s` {code: row.code})
			CREATE (e:ImportJournalEntry)
			SET e = properties(n), e._journal = $journal, e._seq = $seq, e._kind = 'node', e._id = elementId(n)
			SET n += row.props
			""".formatted(family)));

	static final Map<String, Statement> BUMP_VERSIONS = byFamily(family -> Statement.write("import.bumpVersions", """
			UNWIND $rows AS row
			MATCH (n:`%s` {code: row.code})
			CREATE (:ImportJournalEntry {_journal: $journal, _seq: $seq, _kind: 'version', _id: elementId(n),
			                             version: n.version})
			SET n.version = coalesce(n.version, 0) + 1
			""".formatted(family)));

	static final Statement UPDATE_RELATIONSHIPS = Statement.write("import.updateRelationships", """
			UNWIND $rows AS row
			MATCH ()-[r]->()
			WHERE elementId(r) = row.id
			CREATE (e:ImportJournalEntry)
			SET e = properties(r), e._journal = $journal, e._seq = $seq, e._kind = 'relationship', e._id = row.id
			SET r += row.props
			""");

	/**
	 * New relationships: from a family (the first %s), to a family (the second), of a
	 * type (the third).
	 */
	static final Statement CREATE_RELATIONSHIPS = Statement.write("import.createRelationships", """
			UNWIND $rows AS row
			MATCH (a:`%s` {code: row.from})
			MATCH (b:`%s` {code: row.to})
			CREATE (a)-[r:`%s`]->(b)
			SET r = row.props
			WITH collect(elementId(r)) AS ids
			CREATE (:ImportJournalEntry {_journal: $journal, _seq: $seq, _kind: 'createdRelationships', _ids: ids})
			""");

	private static final Statement AUDIT = Statement.write("import.audit", """
			CREATE (c:Change {id: $id, at: datetime({timezone: 'UTC'}), user: $user, operation: $operation,
			                  summary: $summary, input: $input, before: $before, after: $after, scopes: $scopes})
			""");

	private static Map<String, Statement> byFamily(Function<String, Statement> statement) {
		Map<String, Statement> statements = new LinkedHashMap<>();
		NodeLabel.families().forEach(family -> statements.put(family, statement.apply(family)));
		return Map.copyOf(statements);
	}

	/** The labels a new node gets: its own and its family's. */
	static List<String> labels(String family, String label) {
		return family.equals(label) ? List.of(label) : List.of(label, family);
	}

	private final Graph graph;

	ImportQueries(Graph graph) {
		this.graph = graph;
	}

	/**
	 * The nodes of a family ({@code Area}, {@code PartyOrganization}, ...) with these
	 * codes.
	 */
	Map<String, Existing> nodes(String family, Collection<String> codes) {
		Map<String, Existing> found = new HashMap<>();
		this.graph.rows(NODES.get(family), Graph.parameters("codes", List.copyOf(codes)))
			.stream()
			.map(row -> new Existing(row.get("code").asString(), row.get("labels").asList(Value::asString),
					row.get("props").asMap(), row.get("parent").isNull() ? null : row.get("parent").asString(),
					day(row.get("since")), row.get("rel").isNull() ? null : row.get("rel").asString(),
					day(row.get("until"))))
			.forEach(e -> found.put(e.code(), e));
		return found;
	}

	/** Every relationship of a type from the nodes of a family with these codes. */
	List<ExistingRelationship> relationships(String fromFamily, String type, Collection<String> codes) {
		return new ArrayList<>(this.graph
			.rows(RELATIONSHIPS.formatted(fromFamily, type), Graph.parameters("codes", List.copyOf(codes)))
			.stream()
			.map(row -> new ExistingRelationship(row.get("id").asString(), row.get("from").asString(),
					row.get("to").asString(null), row.get("labels").asList(Value::asString),
					row.get("role").asString(null), day(row.get("since")), day(row.get("until")),
					row.get("title").asString(null), row.get("status").asString(null)))
			.toList());
	}

	private static LocalDate day(Value value) {
		return (value == null || value.isNull()) ? null : value.asLocalDate();
	}

	/**
	 * Where a batch goes: its journal and its place in it (the order of undo is the
	 * reverse).
	 */
	record Batch(String journal, int seq, List<Map<String, Object>> rows) {
	}

	/**
	 * Creates nodes of this label (and its family's); each row is the node's properties.
	 */
	void createNodes(String label, Batch batch) {
		run(CREATE_NODES.get(label), batch);
	}

	/** Sets the properties of existing nodes ({@code row.code}, {@code row.props}). */
	void updateNodes(String family, Batch batch) {
		run(UPDATE_NODES.get(family), batch);
	}

	/**
	 * Adds 1 to the versions of these nodes, as mutations do, so that optimistic locking
	 * sees the import.
	 */
	void bumpVersions(String family, Batch batch) {
		run(BUMP_VERSIONS.get(family), batch);
	}

	/**
	 * Sets properties of relationships by element id ({@code row.id}, {@code row.props}).
	 */
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

	private void run(Statement statement, Batch batch) {
		this.graph.run(statement,
				Graph.parameters("rows", batch.rows(), "journal", batch.journal(), "seq", batch.seq()));
	}

}
