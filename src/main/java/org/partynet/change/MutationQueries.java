package org.partynet.change;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.partynet.graph.Batch;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.GlobalId;

import org.springframework.stereotype.Component;

/**
 * The Cypher every mutation shares: finding and locking nodes, versions, snapshots and
 * scopes for the audit record, the audit record itself, and the invariants checked after
 * the writes. Labels are only ever spliced into Cypher from {@link GlobalId#LABELS},
 * never from input text.
 */
@Component
class MutationQueries {

	/**
	 * Cypher: the node whose code is the variable {@code code}, in any family, as the
	 * variable {@code node}; codes are unique across families. A method, so that each
	 * statement names its own variables instead of editing shared text.
	 */
	static String find(String code, String node) {
		return """
				CALL (%1$s) {
				  MATCH (%2$s:Area {code: %1$s}) RETURN %2$s
				  UNION
				  MATCH (%2$s:PartyOrganization {code: %1$s}) RETURN %2$s
				  UNION
				  MATCH (%2$s:Person {code: %1$s}) RETURN %2$s
				  UNION
				  MATCH (%2$s:Unit {code: %1$s}) RETURN %2$s
				  UNION
				  MATCH (%2$s:Alliance {code: %1$s}) RETURN %2$s
				}
				""".formatted(code, node);
	}

	/** Whether any node of any family has the code: codes are unique across kinds. */
	private static final Statement CODE_IN_USE = Statement.write("change.codeInUse",
			"WITH $code AS code\n" + find("code", "n") + "RETURN n.code LIMIT 1");

	private static final Statement SNAPSHOT = Statement.write("change.snapshot", "UNWIND $codes AS code\n"
			+ find("code", "n")
			+ """
					RETURN n.code AS code, labels(n) AS labels, properties(n) AS properties,
					       [(n)-[r]-(o) WHERE type(r) <> 'AFFECTED' | {type: type(r),
					         direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END, other: o.code,
					         since: r.since, until: r.until, role: r.role, title: r.title, status: r.status}] AS relationships
					""");

	// What "is or contains" a node: an area with the areas above it and the organizations
	// governing or covering those; an organization with the organizations above it and
	// the areas it governs or covers; a person, unit or alliance through the areas and
	// organizations it is linked to.
	private static final Statement SCOPES = Statement
		.write("change.scopes", "UNWIND $codes AS code\n" + find("code", "n") + """
				CALL (n) {
				  WITH n WHERE n:Area OR n:PartyOrganization RETURN n AS s
				  UNION
				  MATCH (n)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-(s)
				  WHERE NOT (n:Area OR n:PartyOrganization) AND (s:Area OR s:PartyOrganization OR s:Alliance)
				  RETURN s
				}
				CALL (s) {
				  WITH s WHERE NOT s:Alliance RETURN s AS t
				  UNION
				  MATCH (s:Alliance)-[r WHERE r.until IS NULL AND type(r) IN ['LEADS', 'COVERS']]-(t) RETURN t
				}
				CALL (t) {
				  OPTIONAL MATCH (t:PartyOrganization)(()<-[l:LEADS WHERE l.until IS NULL]-(:PartyOrganization)){0,4}(o)
				  WITH t, collect(DISTINCT o) AS orgs
				  CALL (orgs) {
				    UNWIND orgs AS x
				    MATCH (x)-[g:GOVERNS|COVERS WHERE g.until IS NULL]->(a:Area)
				    RETURN collect(DISTINCT a) AS covered
				  }
				  WITH orgs, covered + CASE WHEN t:Area THEN [t] ELSE [] END AS areas
				  CALL (areas) {
				    UNWIND areas AS a
				    MATCH (a)(()<-[h:HAS WHERE h.until IS NULL]-(:Area)){0,6}(up)
				    RETURN collect(DISTINCT up) AS ups
				  }
				  CALL (ups) {
				    UNWIND ups AS u
				    MATCH (u)<-[g:GOVERNS|COVERS WHERE g.until IS NULL]-(gov:PartyOrganization)
				    RETURN collect(DISTINCT gov) AS governors
				  }
				  RETURN orgs + ups + governors AS found
				}
				UNWIND found AS f
				WITH DISTINCT f.code AS scope ORDER BY scope
				RETURN collect(scope) AS scopes
				""");

	private static final Statement AUDIT = Statement.write("change.audit", """
			CREATE (c:Change {id: $id, at: datetime({timezone: 'UTC'}), user: $user, operation: $operation,
			                  summary: $summary, input: $input, before: $before, after: $after, scopes: $scopes})
			WITH c
			UNWIND $codes AS code
			""" + find("code", "n") + """
			CREATE (c)-[:AFFECTED]->(n)
			""");

	private static final Statement FINISH = Statement.write("change.finish",
			"UNWIND $codes AS code\n" + find("code", "n") + """
					SET n.version = coalesce(n.version, 0) + 1
					REMOVE n._lock
					""");

	// %s is the family's label (PartyOrganization, Area or Person), never input text
	private static final Statement VERSIONS = Statement.read("change.versions", """
			UNWIND $codes AS code
			MATCH (n:`%s` {code: code})
			RETURN code, coalesce(n.version, 0) AS version
			""");

	// %s is a label of GlobalId.LABELS, never input text
	private static final Statement NODE = Statement.write("change.node", "MATCH (n:`%s` {code: $code}) RETURN n");

	private static final Statement LOCK = Statement.write("change.lock",
			"MATCH (n:`%s` {code: $code}) SET n._lock = true RETURN count(n) > 0 AS found");

	private static final Statement INVARIANTS = Statement.write("change.invariants", Invariants.CHECKS);

	private final Graph graph;

	MutationQueries(Graph graph) {
		this.graph = graph;
	}

	/** The node of an id, {@code null} when there is none. */
	Node node(GlobalId id) {
		return this.graph.one(NODE.formatted(label(id)), Graph.parameters("code", id.code()))
			.map(row -> row.get("n").asNode())
			.orElse(null);
	}

	/**
	 * Takes the node's write lock (held until the transaction ends), then reads it again:
	 * only a read after the lock is sure to see the last committed version.
	 */
	Node lock(GlobalId id) {
		boolean found = this.graph.one(LOCK.formatted(label(id)), Graph.parameters("code", id.code()))
			.map(row -> row.get("found").asBoolean())
			.orElse(false);
		return found ? node(id) : null;
	}

	/**
	 * Adds 1 to the version of every node that still exists, and drops the lock marker.
	 */
	void finish(Collection<String> codes) {
		this.graph.run(FINISH, Graph.parameters("codes", List.copyOf(codes)));
	}

	// The tree of one family: %s are the family's label (Area or PartyOrganization,
	// twice) and the type between levels (HAS or LEADS), from the model, never input
	// text.
	private static final Statement PARENTS = Statement.write("change.parents", """
			MATCH (p:`%s`)-[r:`%s` WHERE r.until IS NULL]->(:`%s` {code: $code})
			RETURN p.code AS code
			""");

	private static final Statement LEAVE_PARENT = Statement.write("change.leaveParent", """
			MATCH (:`%s`)-[r:`%s` WHERE r.until IS NULL]->(:`%s` {code: $code})
			SET r.until = $on
			""");

	private static final Statement JOIN_PARENT = Statement.write("change.joinParent", """
			MATCH (p:`%s` {code: $parent}), (n:`%s` {code: $code})
			CREATE (p)-[:`%s` {since: $on}]->(n)
			""");

	/**
	 * The codes of a node's current parents: {@code type} is {@code HAS} for an area,
	 * {@code LEADS} for an organization, and {@code family} its label ({@code Area},
	 * {@code PartyOrganization}).
	 */
	List<String> parents(String family, String type, String code) {
		return read(PARENTS.formatted(family, type, family), Graph.parameters("code", code)).stream()
			.map(row -> (String) row.get("code"))
			.toList();
	}

	/**
	 * The node leaves its current parent on the day {@code on} and lies under
	 * {@code parent} from then.
	 */
	void moveUnder(String family, String type, String code, String parent, LocalDate on) {
		Map<String, Object> parameters = Graph.parameters("code", code, "parent", parent, "on", on);
		write(LEAVE_PARENT.formatted(family, type, family), parameters);
		write(JOIN_PARENT.formatted(family, family, type), parameters);
	}

	/** Whether a node with this code exists in any family. */
	boolean codeInUse(String code) {
		return !read(CODE_IN_USE, Graph.parameters("code", code)).isEmpty();
	}

	/** The versions of a level of nodes of one family, in one statement. */
	<T> Map<T, Integer> versions(String family, Collection<T> nodes, Function<T, String> code) {
		return Batch.singles(this.graph, VERSIONS.formatted(family), nodes, code, row -> row.get("version").asInt());
	}

	/**
	 * Each node by code: its label, its properties (without the lock marker) and its
	 * relationships (type, direction, the other end's code, since, until and role, title
	 * or status when set), sorted, so that two snapshots compare line by line.
	 */
	Map<String, Object> snapshot(Collection<String> codes) {
		Map<String, Object> nodes = new TreeMap<>();
		this.graph.rows(SNAPSHOT, Graph.parameters("codes", List.copyOf(codes)))
			.stream()
			.map(Record::asMap)
			.forEach(row -> {
				Map<String, Object> node = new LinkedHashMap<>();
				@SuppressWarnings("unchecked")
				List<String> labels = (List<String>) row.get("labels");
				node.put("label", labels.stream().filter(GlobalId.LABELS::contains).findFirst().orElse(labels.get(0)));
				@SuppressWarnings("unchecked")
				Map<String, Object> properties = new TreeMap<>((Map<String, Object>) row.get("properties"));
				properties.remove("_lock");
				node.put("properties", plain(properties));
				List<Map<String, Object>> relationships = new ArrayList<>();
				for (Object value : (List<?>) row.get("relationships")) {
					Map<String, Object> relationship = new LinkedHashMap<>();
					((Map<?, ?>) value).forEach((key, v) -> {
						if (v != null || "until".equals(key) || "since".equals(key)) {
							relationship.put(key.toString(), plain(v));
						}
					});
					relationships.add(relationship);
				}
				relationships.sort(Comparator.comparing(MutationQueries::sortKey));
				node.put("relationships", relationships);
				nodes.put((String) row.get("code"), node);
			});
		return nodes;
	}

	private static String sortKey(Map<String, Object> relationship) {
		return String.join("|", String.valueOf(relationship.get("type")), String.valueOf(relationship.get("direction")),
				String.valueOf(relationship.get("other")), String.valueOf(relationship.get("since")),
				String.valueOf(relationship.get("until")), String.valueOf(relationship.get("role")));
	}

	/**
	 * Codes of the areas and party organizations that are or contain any of the nodes.
	 */
	List<String> scopes(Collection<String> codes) {
		return this.graph.one(SCOPES, Graph.parameters("codes", List.copyOf(codes)))
			.map(row -> row.get("scopes").asList(value -> value.asString()))
			.orElse(List.of());
	}

	/** Writes the audit record and links it to every affected node that exists. */
	void audit(Map<String, Object> change, Collection<String> codes) {
		Map<String, Object> parameters = new LinkedHashMap<>(change);
		parameters.put("codes", List.copyOf(codes));
		this.graph.run(AUDIT, parameters);
	}

	/** Runs a write statement of a mutation. */
	void write(Statement statement, Map<String, Object> parameters) {
		this.graph.run(statement, parameters);
	}

	/**
	 * Runs a read statement of a mutation's checks: declared a write, since it is part of
	 * the write (the organization department's), and sees what the write transaction
	 * sees.
	 */
	Collection<Map<String, Object>> read(Statement statement, Map<String, Object> parameters) {
		return this.graph.rows(statement, parameters).stream().map(Record::asMap).toList();
	}

	/** The codes a list column holds, without nulls. */
	@SuppressWarnings("unchecked")
	static List<String> strings(Object value) {
		return (value != null) ? ((List<Object>) value).stream().filter(v -> v != null).map(Object::toString).toList()
				: List.of();
	}

	/** Every broken invariant around the codes: rule, code and a bilingual message. */
	List<Invariants.Broken> invariants(Collection<String> codes) {
		return this.graph.rows(INVARIANTS, Graph.parameters("codes", List.copyOf(codes)))
			.stream()
			.map(row -> new Invariants.Broken(row.get("rule").asString(), row.get("code").asString(),
					row.get("name").asString("")))
			.toList();
	}

	static String label(GlobalId id) {
		if (!GlobalId.LABELS.contains(id.label())) {
			throw new IllegalArgumentException("Not a label: " + id.label());
		}
		return id.label();
	}

	/** Values as JSON can hold them: dates and times as ISO strings. */
	static Object plain(Object value) {
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> plain = new TreeMap<>();
			map.forEach((key, v) -> plain.put(key.toString(), plain(v)));
			return plain;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(MutationQueries::plain).toList();
		}
		return value;
	}

}
