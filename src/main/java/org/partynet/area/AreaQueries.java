package org.partynet.area;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.partynet.graph.Batch;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.Paging;
import org.partynet.model.AreaKind;
import org.partynet.organization.Organization;
import org.partynet.scope.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the governance net (治理网) and where the party net meets it. */
@Service
@Transactional(readOnly = true)
class AreaQueries {

	private static final Statement CHILDREN = Statement.read("area.children", """
			UNWIND $codes AS code
			MATCH (:Area {code: code})-[h:HAS WHERE h.until IS NULL]->(c:Area)
			RETURN code, c AS area ORDER BY c.code
			""");

	private static final Statement PARENT = Statement.read("area.parent", """
			UNWIND $codes AS code
			MATCH (:Area {code: code})<-[h:HAS WHERE h.until IS NULL]-(p:Area)
			RETURN code, p AS area
			""");

	private static final Statement ANCESTORS = Statement.read("area.ancestors", """
			UNWIND $codes AS code
			MATCH (:Area {code: code})(()<-[h:HAS WHERE h.until IS NULL]-(:Area)){1,6}(a)
			RETURN code, a AS area ORDER BY size(h) DESC
			""");

	private static final Statement COVERED_BY = Statement.read("area.coveredBy", """
			UNWIND $codes AS code
			MATCH (:Area {code: code})<-[r:GOVERNS|COVERS WHERE r.until IS NULL]-(o:PartyOrganization)
			RETURN code, o AS organization ORDER BY o.code
			""");

	private static final Statement AREAS_OF = Statement.read("area.areasOf", """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})-[r:GOVERNS|COVERS WHERE r.until IS NULL]->(a:Area)
			RETURN code, a AS area ORDER BY a.code
			""");

	private static final Statement STREET_OF = Statement.read("area.streetOf", """
			UNWIND $codes AS code
			MATCH (:Institution {code: code})-[r:PART_OF WHERE r.until IS NULL]->(a:Area)
			RETURN code, a AS area
			""");

	private static final String LIST_TAIL = """
			WITH a ORDER BY a.code
			WITH collect(a) AS matched
			RETURN size(matched) AS totalCount, [a IN matched WHERE $after IS NULL OR a.code > $after][0..$limit] AS page
			""";

	// Areas that are no longer part of the network (a grid that was re-divided) are
	// history, not listed.
	private static final Statement LIST = Statement.scoped("area.list", """
			MATCH (a:Area)
			WHERE ($label IS NULL OR $label IN labels(a)) AND ($name IS NULL OR a.name CONTAINS $name)
			  AND (a:District OR EXISTS { (a)<-[h:HAS WHERE h.until IS NULL]-(:Area) })
			""" + LIST_TAIL);

	private static final Statement LIST_IN_SCOPE = Statement.scoped("area.listInScope", Scope.AREAS + """
			WITH a
			WHERE ($label IS NULL OR $label IN labels(a)) AND ($name IS NULL OR a.name CONTAINS $name)
			""" + LIST_TAIL);

	private final Graph graph;

	AreaQueries(Graph graph) {
		this.graph = graph;
	}

	Map<Area, List<Area>> children(Collection<Area> parents) {
		return Batch.lists(this.graph, CHILDREN, parents, Area::code, row -> Area.from(row.get("area").asNode()));
	}

	Map<Area, Area> parents(Collection<Area> children) {
		return Batch.singles(this.graph, PARENT, children, Area::code, row -> Area.from(row.get("area").asNode()));
	}

	Map<Area, List<Area>> ancestors(Collection<Area> areas) {
		return Batch.lists(this.graph, ANCESTORS, areas, Area::code, row -> Area.from(row.get("area").asNode()));
	}

	Map<Area, List<Organization>> coveredBy(Collection<Area> areas) {
		return Batch.lists(this.graph, COVERED_BY, areas, Area::code,
				row -> Organization.from(row.get("organization").asNode()));
	}

	Map<Organization, List<Area>> areasOf(Collection<Organization> organizations) {
		return Batch.lists(this.graph, AREAS_OF, organizations, Organization::code,
				row -> Area.from(row.get("area").asNode()));
	}

	Map<Institution, Area> streets(Collection<Institution> institutions) {
		return Batch.singles(this.graph, STREET_OF, institutions, Institution::code,
				row -> Area.from(row.get("area").asNode()));
	}

	Paging.Connection<Area> list(AreaKind kind, String scope, String name, int first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("label", (kind != null) ? kind.label() : null);
		parameters.put("scope", scope);
		parameters.put("name", name);
		parameters.put("after", after);
		parameters.put("limit", first + 1);
		Record row = this.graph.one((scope != null) ? LIST_IN_SCOPE : LIST, parameters).orElseThrow();
		List<Area> page = row.get("page").asList(value -> Area.from(value.asNode()));
		return Paging.connection(page, first, after != null, row.get("totalCount").asInt(), Area::code);
	}

}
