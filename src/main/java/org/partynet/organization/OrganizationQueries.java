package org.partynet.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.partynet.graph.Batch;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.Paging;
import org.partynet.model.OrganizationKind;
import org.partynet.scope.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the party tree. Trees are read level by level with our own Cypher (never by
 * letting a self-referencing entity model fetch everything it can reach): one statement
 * per level.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationQueries {

	// The levels below each of $codes, in one statement: every organization down there
	// with
	// its parent's code and how far below it lies (1: a child).
	private static final Statement CHILDREN = levels("organization.children", 1);

	private static final Statement TWO_LEVELS = levels("organization.twoLevels", 2);

	private static final Statement THREE_LEVELS = levels("organization.threeLevels", 3);

	/** The statement reading n levels at index n - 1. */
	private static final List<Statement> BY_LEVELS = List.of(CHILDREN, TWO_LEVELS, THREE_LEVELS);

	/** The most levels below one organization that one statement reads. */
	static final int MAX_LEVELS = BY_LEVELS.size();

	private static final Statement CHILD_COUNT = Statement.read("organization.childCount", """
			UNWIND $codes AS code
			MATCH (o:PartyOrganization {code: code})
			RETURN code, COUNT { (o)-[r:LEADS WHERE r.until IS NULL]->(:PartyOrganization) } AS count
			""");

	private static final Statement PARENT = Statement.read("organization.parent", """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})<-[r:LEADS WHERE r.until IS NULL]-(p:PartyOrganization)
			RETURN code, p AS organization
			""");

	private static final Statement ANCESTORS = Statement.read("organization.ancestors", """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})(()<-[r:LEADS WHERE r.until IS NULL]-(:PartyOrganization)){1,6}(a)
			RETURN code, a AS organization ORDER BY size(r) DESC
			""");

	// A building group's members are those assigned to it; any other organization's are
	// its own and those of every organization under it.
	private static final Statement MEMBERS = Statement.read("organization.members",
			"""
					UNWIND $codes AS code
					MATCH (o:PartyOrganization {code: code})
					OPTIONAL MATCH (o)(()-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization)){0,4}(:PartyOrganization)<-[m:MEMBER_OF WHERE m.until IS NULL]-(p:Person)
					WITH code, o, collect(DISTINCT CASE m.status WHEN 'FULL' THEN p END) AS full,
					     collect(DISTINCT CASE m.status WHEN 'PROBATIONARY' THEN p END) AS probationary
					OPTIONAL MATCH (o:BuildingGroup)<-[g:IN_GROUP WHERE g.until IS NULL]-(gp:Person)-[gm:MEMBER_OF WHERE gm.until IS NULL]->(:GridBranch)
					WITH code, full, probationary,
					     collect(DISTINCT CASE gm.status WHEN 'FULL' THEN gp END) AS groupFull,
					     collect(DISTINCT CASE gm.status WHEN 'PROBATIONARY' THEN gp END) AS groupProbationary
					RETURN code, size(full) + size(groupFull) AS full, size(probationary) + size(groupProbationary) AS probationary
					""");

	private static final String LIST_TAIL = """
			WITH o ORDER BY o.code
			WITH collect(o) AS matched
			RETURN size(matched) AS totalCount, [o IN matched WHERE $after IS NULL OR o.code > $after][0..$limit] AS page
			""";

	// An organization that was merged or dissolved carries `until` and is no longer
	// listed.
	private static final Statement LIST = Statement.scoped("organization.list",
			"""
					MATCH (o:PartyOrganization)
					WHERE o.until IS NULL AND ($label IS NULL OR $label IN labels(o)) AND ($name IS NULL OR o.name CONTAINS $name)
					"""
					+ LIST_TAIL);

	private static final Statement LIST_IN_SCOPE = Statement.scoped("organization.listInScope", Scope.AREAS + """
			MATCH (a)<-[r:GOVERNS|COVERS WHERE r.until IS NULL]-(o:PartyOrganization)
			WITH DISTINCT o
			WHERE ($label IS NULL OR $label IN labels(o)) AND ($name IS NULL OR o.name CONTAINS $name)
			""" + LIST_TAIL);

	private final Graph graph;

	OrganizationQueries(Graph graph) {
		this.graph = graph;
	}

	private static Statement levels(String name, int levels) {
		// a quantifier may not be {0,0}: one level is a plain pattern
		String above = (levels == 1) ? "(p:PartyOrganization {code: code})"
				: """
						(:PartyOrganization {code: code})(()-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization)){0,%d}(p:PartyOrganization)"""
					.formatted(levels - 1);
		String level = (levels == 1) ? "1" : "size(l) + 1";
		return Statement.read(name, """
				UNWIND $codes AS code
				MATCH %s-[r:LEADS WHERE r.until IS NULL]->(c:PartyOrganization)
				RETURN code, p.code AS parent, %s AS level, c AS organization ORDER BY level, c.code
				""".formatted(above, level));
	}

	/**
	 * The children of each parent, reading as many levels below it as its key asks for in
	 * one statement per number of levels. The children of what lies above the last level
	 * read go into {@code below}, by code, empty lists included: the nested fields find
	 * them there and need no statement of their own.
	 */
	Map<Levels, List<Organization>> children(Collection<Levels> parents, Map<String, List<Organization>> below) {
		Map<Levels, List<Organization>> result = new HashMap<>();
		parents.stream()
			.collect(Collectors.groupingBy(key -> Math.min(key.levels(), MAX_LEVELS)))
			.forEach((levels, keys) -> read(levels, keys, result, below));
		return result;
	}

	// One statement for the keys that ask for this many levels.
	private void read(int levels, List<Levels> keys, Map<Levels, List<Organization>> result,
			Map<String, List<Organization>> below) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("codes", keys.stream().map(key -> key.organization().code()).distinct().toList());
		Map<String, List<Organization>> byParent = new HashMap<>();
		List<Organization> above = new ArrayList<>();
		for (Record row : this.graph.rows(BY_LEVELS.get(levels - 1), parameters)) {
			Organization child = Organization.from(row.get("organization").asNode());
			byParent.computeIfAbsent(row.get("parent").asString(), code -> new ArrayList<>()).add(child);
			if (row.get("level").asInt() < levels) {
				above.add(child);
			}
		}
		keys.forEach(key -> result.put(key, byParent.getOrDefault(key.organization().code(), List.of())));
		above.forEach(child -> below.putIfAbsent(child.code(), byParent.getOrDefault(child.code(), List.of())));
	}

	/**
	 * An organization whose children a field asks for, and how many levels of children
	 * its selection asks for below it, itself included.
	 */
	record Levels(Organization organization, int levels) {
	}

	Map<Organization, Integer> childCounts(Collection<Organization> parents) {
		return Batch.singles(this.graph, CHILD_COUNT, parents, Organization::code, row -> row.get("count").asInt());
	}

	Map<Organization, Organization> parents(Collection<Organization> children) {
		return Batch.singles(this.graph, PARENT, children, Organization::code,
				row -> Organization.from(row.get("organization").asNode()));
	}

	Map<Organization, List<Organization>> ancestors(Collection<Organization> organizations) {
		return Batch.lists(this.graph, ANCESTORS, organizations, Organization::code,
				row -> Organization.from(row.get("organization").asNode()));
	}

	Map<Organization, MemberCounts> members(Collection<Organization> organizations) {
		return Batch.singles(this.graph, MEMBERS, organizations, Organization::code,
				row -> new MemberCounts(row.get("full").asInt(), row.get("probationary").asInt()));
	}

	Paging.Connection<Organization> list(OrganizationKind kind, String scope, String name, int first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("label", (kind != null) ? kind.label() : null);
		parameters.put("scope", scope);
		parameters.put("name", name);
		parameters.put("after", after);
		parameters.put("limit", first + 1);
		Record row = this.graph.one((scope != null) ? LIST_IN_SCOPE : LIST, parameters).orElseThrow();
		List<Organization> page = row.get("page").asList(value -> Organization.from(value.asNode()));
		return Paging.connection(page, first, after != null, row.get("totalCount").asInt(), Organization::code);
	}

	/** Member counts; see {@code MemberCounts} in schema.graphqls. */
	public record MemberCounts(int full, int probationary) {

		public int total() {
			return this.full + this.probationary;
		}

	}

}
