package org.partynet.unit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partynet.area.Area;
import org.partynet.graph.Batch;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.organization.Organization;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of alliances, their members and sites. */
@Service
@Transactional(readOnly = true)
class UnitQueries {

	private static final Statement LEADER = Statement.read("unit.leader", """
			UNWIND $codes AS code
			MATCH (:Alliance {code: code})<-[r:LEADS WHERE r.until IS NULL]-(o:PartyOrganization)
			RETURN code, o
			""");

	private static final Statement MEMBERS = Statement.read("unit.members", """
			UNWIND $codes AS code
			MATCH (:Alliance {code: code})<-[m:MEMBER_OF WHERE m.until IS NULL]-(u:Unit)
			RETURN code, u ORDER BY u.code
			""");

	private static final Statement SITES = Statement.read("unit.sites", """
			UNWIND $codes AS code
			MATCH (:Alliance {code: code})-[c:COVERS WHERE c.until IS NULL]->(a:Area)
			RETURN code, a ORDER BY a.code
			""");

	private static final Statement LED_BY = Statement.read("unit.ledBy", """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})-[r:LEADS WHERE r.until IS NULL]->(al:Alliance)
			RETURN code, al ORDER BY al.code
			""");

	private static final Statement COVERING = Statement.read("unit.covering", """
			UNWIND $codes AS code
			MATCH (:Area {code: code})<-[c:COVERS WHERE c.until IS NULL]-(al:Alliance)
			RETURN code, al ORDER BY al.code
			""");

	private final Graph graph;

	UnitQueries(Graph graph) {
		this.graph = graph;
	}

	Map<Alliance, Organization> leaders(Collection<Alliance> alliances) {
		return Batch.singles(this.graph, LEADER, alliances, Alliance::code,
				row -> Organization.from(row.get("o").asNode()));
	}

	Map<Alliance, List<Unit>> members(Collection<Alliance> alliances) {
		return Batch.lists(this.graph, MEMBERS, alliances, Alliance::code, row -> Unit.from(row.get("u").asNode()));
	}

	Map<Alliance, List<Area>> sites(Collection<Alliance> alliances) {
		return Batch.lists(this.graph, SITES, alliances, Alliance::code, row -> Area.from(row.get("a").asNode()));
	}

	Map<Organization, List<Alliance>> ledBy(Collection<Organization> organizations) {
		return Batch.lists(this.graph, LED_BY, organizations, Organization::code,
				row -> Alliance.from(row.get("al").asNode()));
	}

	Map<Area, List<Alliance>> covering(Collection<Area> areas) {
		return Batch.lists(this.graph, COVERING, areas, Area::code, row -> Alliance.from(row.get("al").asNode()));
	}

}
