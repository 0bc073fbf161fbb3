package org.partynet.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partynet.area.Scope;
import org.partynet.graphql.Batch;
import org.partynet.graphql.Paging;
import org.partynet.security.Access;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the party tree. Trees are read level by level with our own Cypher (never by letting a
 * self-referencing entity model fetch everything it can reach): one statement per level.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationQueries {

	private static final String CHILDREN = """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})-[r:LEADS WHERE r.until IS NULL]->(c:PartyOrganization)
			RETURN code, c AS organization ORDER BY c.code
			""";

	private static final String CHILD_COUNT = """
			UNWIND $codes AS code
			MATCH (o:PartyOrganization {code: code})
			RETURN code, COUNT { (o)-[r:LEADS WHERE r.until IS NULL]->(:PartyOrganization) } AS count
			""";

	private static final String PARENT = """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})<-[r:LEADS WHERE r.until IS NULL]-(p:PartyOrganization)
			WHERE """ + Access.visible("p") + """
			RETURN code, p AS organization
			""";

	private static final String ANCESTORS = """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})(()<-[r:LEADS WHERE r.until IS NULL]-(:PartyOrganization)){1,6}(a)
			WHERE """ + Access.visible("a") + """
			RETURN code, a AS organization ORDER BY size(r) DESC
			""";

	// A building group's members are those assigned to it; any other organization's are its own
	// and those of every organization under it.
	private static final String MEMBERS = """
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
			""";

	private static final String LIST_TAIL = """
			WITH o ORDER BY o.code
			WITH collect(o) AS matched
			RETURN size(matched) AS totalCount, [o IN matched WHERE $after IS NULL OR o.code > $after][0..$limit] AS page
			""";

	// An organization that was merged or dissolved carries `until` and is no longer listed.
	private static final String LIST = """
			MATCH (o:PartyOrganization)
			WHERE o.until IS NULL AND ($label IS NULL OR $label IN labels(o)) AND ($name IS NULL OR o.name CONTAINS $name)
			""" + LIST_TAIL;

	private static final String LIST_IN_SCOPE = Scope.AREAS + """
			MATCH (a)<-[r:GOVERNS|COVERS WHERE r.until IS NULL]-(o:PartyOrganization)
			WITH DISTINCT o
			WHERE ($label IS NULL OR $label IN labels(o)) AND ($name IS NULL OR o.name CONTAINS $name)
			""" + LIST_TAIL;

	private final Neo4jClient neo4j;

	OrganizationQueries(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	Map<Organization, List<Organization>> children(Collection<Organization> parents) {
		return Batch.lists(this.neo4j, CHILDREN, parents, Organization::code,
				row -> Organization.from(row.get("organization").asNode()));
	}

	Map<Organization, Integer> childCounts(Collection<Organization> parents) {
		return Batch.singles(this.neo4j, CHILD_COUNT, parents, Organization::code, row -> row.get("count").asInt());
	}

	Map<Organization, Organization> parents(Collection<Organization> children) {
		return Batch.singles(this.neo4j, PARENT, children, Organization::code,
				row -> Organization.from(row.get("organization").asNode()));
	}

	Map<Organization, List<Organization>> ancestors(Collection<Organization> organizations) {
		return Batch.lists(this.neo4j, ANCESTORS, organizations, Organization::code,
				row -> Organization.from(row.get("organization").asNode()));
	}

	Map<Organization, MemberCounts> members(Collection<Organization> organizations) {
		return Batch.singles(this.neo4j, MEMBERS, organizations, Organization::code,
				row -> new MemberCounts(row.get("full").asInt(), row.get("probationary").asInt()));
	}

	@SuppressWarnings("unchecked")
	Paging.Connection<Organization> list(OrganizationKind kind, String scope, String name, int first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("label", (kind != null) ? kind.label() : null);
		parameters.put("scope", scope);
		parameters.put("name", name);
		parameters.put("after", after);
		parameters.put("limit", first + 1);
		return this.neo4j.query((scope != null) ? LIST_IN_SCOPE : LIST)
			.bindAll(parameters)
			.fetchAs(Paging.Connection.class)
			.mappedBy((types, row) -> {
				List<Organization> page = row.get("page").asList(value -> Organization.from(value.asNode()));
				return Paging.connection(page, first, after != null, row.get("totalCount").asInt(), Organization::code);
			})
			.one()
			.orElseThrow();
	}

	/** Member counts; see {@code MemberCounts} in schema.graphqls. */
	public record MemberCounts(int full, int probationary) {

		public int total() {
			return this.full + this.probationary;
		}

	}

}
