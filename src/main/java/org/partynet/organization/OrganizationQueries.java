package org.partynet.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	private static final Statement CHILDREN = Statement.read("organization.children", """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})-[r:LEADS WHERE r.until IS NULL]->(c:PartyOrganization)
			RETURN code, c AS organization ORDER BY c.code
			""");

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

	Map<Organization, List<Organization>> children(Collection<Organization> parents) {
		return Batch.lists(this.graph, CHILDREN, parents, Organization::code,
				row -> Organization.from(row.get("organization").asNode()));
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
