package org.partynet.unit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partynet.area.Area;
import org.partynet.graphql.Batch;
import org.partynet.organization.Organization;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of alliances, their members and sites. */
@Service
@Transactional(readOnly = true)
class UnitQueries {

	private static final String LEADER = """
			UNWIND $codes AS code
			MATCH (:Alliance {code: code})<-[r:LEADS WHERE r.until IS NULL]-(o:PartyOrganization)
			RETURN code, o
			""";

	private static final String MEMBERS = """
			UNWIND $codes AS code
			MATCH (:Alliance {code: code})<-[m:MEMBER_OF WHERE m.until IS NULL]-(u:Unit)
			RETURN code, u ORDER BY u.code
			""";

	private static final String SITES = """
			UNWIND $codes AS code
			MATCH (:Alliance {code: code})-[c:COVERS WHERE c.until IS NULL]->(a:Area)
			RETURN code, a ORDER BY a.code
			""";

	private static final String LED_BY = """
			UNWIND $codes AS code
			MATCH (:PartyOrganization {code: code})-[r:LEADS WHERE r.until IS NULL]->(al:Alliance)
			RETURN code, al ORDER BY al.code
			""";

	private static final String COVERING = """
			UNWIND $codes AS code
			MATCH (:Area {code: code})<-[c:COVERS WHERE c.until IS NULL]-(al:Alliance)
			RETURN code, al ORDER BY al.code
			""";

	private final Neo4jClient neo4j;

	UnitQueries(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	Map<Alliance, Organization> leaders(Collection<Alliance> alliances) {
		return Batch.singles(this.neo4j, LEADER, alliances, Alliance::code, row -> Organization.from(row.get("o").asNode()));
	}

	Map<Alliance, List<Unit>> members(Collection<Alliance> alliances) {
		return Batch.lists(this.neo4j, MEMBERS, alliances, Alliance::code, row -> Unit.from(row.get("u").asNode()));
	}

	Map<Alliance, List<Area>> sites(Collection<Alliance> alliances) {
		return Batch.lists(this.neo4j, SITES, alliances, Alliance::code, row -> Area.from(row.get("a").asNode()));
	}

	Map<Organization, List<Alliance>> ledBy(Collection<Organization> organizations) {
		return Batch.lists(this.neo4j, LED_BY, organizations, Organization::code,
				row -> Alliance.from(row.get("al").asNode()));
	}

	Map<Area, List<Alliance>> covering(Collection<Area> areas) {
		return Batch.lists(this.neo4j, COVERING, areas, Area::code, row -> Alliance.from(row.get("al").asNode()));
	}

}
