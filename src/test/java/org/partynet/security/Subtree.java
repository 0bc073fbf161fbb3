package org.partynet.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.partynet.graphql.GlobalId;

/**
 * What a secretary may read, computed straight in the database with the driver, around
 * the API whose answers it judges; and the names, phone and ID numbers of the sample that
 * must not leak.
 *
 * <p>
 * {@link #allowed} is the README's promise: the organization and those it leads (current
 * {@code LEADS}), the areas they govern or cover and everything inside them (current
 * {@code HAS}), the people, units, alliances and institutions with a current relationship
 * into those, the units whose people hold a post there or whose alliances cover a site
 * there (as {@code Access.visible} has it), and the units whose employees registered with
 * a community there (在职党员双报到, a kind of link the README lists: such a unit is linked to
 * the subtree, so {@code linkages} shows it). {@link #implemented} is the same without
 * that last rule, the predicate as {@code Access.visible} implements it today, kept to
 * explain where the two differ.
 */
final class Subtree {

	/** Nodes of the subtree itself: the organizations and the areas. */
	private static final String CORE = """
			MATCH (root:PartyOrganization {code: $code})
			OPTIONAL MATCH (root)(()-[l:LEADS WHERE l.until IS NULL]->()){1,4}(led:PartyOrganization)
			WITH root, [root] + collect(DISTINCT led) AS orgs
			UNWIND orgs AS org
			OPTIONAL MATCH (org)-[g:GOVERNS|COVERS WHERE g.until IS NULL]->(:Area)(()-[h:HAS WHERE h.until IS NULL]->()){0,5}(inner:Area)
			WITH orgs, collect(DISTINCT inner) AS areas
			UNWIND orgs + areas AS x
			WITH DISTINCT x
			""";

	private static final String LINKED = CORE
			+ """
					CALL (x) {
					  RETURN x AS n, false AS promisedOnly
					  UNION
					  MATCH (n)-[r WHERE r.until IS NULL]->(x)
					  WHERE NOT (n:Area OR n:PartyOrganization OR n:Change) AND type(r) <> 'LEADS'
					  RETURN n, false AS promisedOnly
					  UNION
					  MATCH (n:Unit)<-[e:EMPLOYED_BY WHERE e.until IS NULL]-(:Person)-[h:HOLDS WHERE h.until IS NULL]->(x)
					  RETURN n, false AS promisedOnly
					  UNION
					  MATCH (n:Unit)-[m:MEMBER_OF WHERE m.until IS NULL]->(:Alliance)-[c:COVERS WHERE c.until IS NULL]->(x)
					  RETURN n, false AS promisedOnly
					  UNION
					  MATCH (n:Unit)<-[e:EMPLOYED_BY WHERE e.until IS NULL]-(:Person)-[r:REGISTERED_AT WHERE r.until IS NULL]->(x:Community)
					  RETURN n, true AS promisedOnly
					}
								RETURN [l IN labels(n) WHERE l IN $labels][0] + ':' + n.code AS id, promisedOnly
					""";

	final Set<String> allowed = new TreeSet<>();

	final Set<String> implemented = new TreeSet<>();

	/** Every node with an id: id to name. */
	final Map<String, String> names = new LinkedHashMap<>();

	/** Every person's name, phone and ID number, as stored (in full). */
	final List<Person> people = new ArrayList<>();

	record Person(String id, String name, String phone, String idNumber) {
	}

	static Subtree of(Driver driver, String organizationCode) {
		Subtree subtree = new Subtree();
		Map<String, Object> parameters = Map.of("code", organizationCode, "labels", List.copyOf(GlobalId.LABELS));
		try (var session = driver.session()) {
			// one row per node and reason: a node linked in the implemented way too is
			// not promised-only
			Map<String, Boolean> promisedOnly = new LinkedHashMap<>();
			for (Record row : session.run(LINKED, parameters).list()) {
				promisedOnly.merge(row.get("id").asString(), row.get("promisedOnly").asBoolean(), Boolean::logicalAnd);
			}
			promisedOnly.forEach((id, only) -> {
				subtree.allowed.add(id);
				if (!only) {
					subtree.implemented.add(id);
				}
			});
			session.run("""
					MATCH (n) WHERE n.code IS NOT NULL AND any(l IN labels(n) WHERE l IN $labels)
					RETURN [l IN labels(n) WHERE l IN $labels][0] + ':' + n.code AS id, n.name AS name
					ORDER BY id""", parameters)
				.forEachRemaining(row -> subtree.names.put(row.get("id").asString(), row.get("name").asString(null)));
			session.run(
					"MATCH (p:Person) RETURN 'Person:' + p.code AS id, p.name AS name, p.phone AS phone, p.idNumber AS idNumber ORDER BY id")
				.forEachRemaining(
						row -> subtree.people.add(new Person(row.get("id").asString(), row.get("name").asString(null),
								row.get("phone").asString(null), row.get("idNumber").asString(null))));
		}
		return subtree;
	}

	/** The label of an id, {@code GridBranch} of {@code GridBranch:GZ-DJ-C01-ZB01}. */
	static String label(String id) {
		int colon = id.indexOf(':');
		return (colon < 0) ? "" : id.substring(0, colon);
	}

	/** Ids outside the subtree of the given labels, ordered by id. */
	List<String> outside(String... labels) {
		Set<String> wanted = Set.of(labels);
		return this.names.keySet()
			.stream()
			.filter(id -> wanted.contains(label(id)) && !this.allowed.contains(id))
			.toList();
	}

	/** Ids inside the subtree of the given labels, ordered by id. */
	List<String> inside(String... labels) {
		Set<String> wanted = Set.of(labels);
		return this.allowed.stream().filter(id -> wanted.contains(label(id))).toList();
	}

}
