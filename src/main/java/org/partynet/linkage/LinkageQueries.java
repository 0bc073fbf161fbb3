package org.partynet.linkage;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partynet.graphql.Batch;
import org.partynet.network.Nodes;
import org.partynet.organization.Organization;
import org.partynet.person.Person;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the links between the party tree and outside units, alliances, sites and instructors. */
@Service
@Transactional(readOnly = true)
class LinkageQueries {

	// For each organization: the organizations under it (the chart's tree); the commercial sites in
	// the grids its branches cover and those of the alliances it leads; the alliances it leads or
	// that cover those sites; and every current link among them and the outside units and people.
	// An alliance's sites elsewhere stay out: a community's chart shows its own part.
	private static final String CROSS_LINKS = """
			UNWIND $codes AS code
			MATCH (root:PartyOrganization {code: code})
			CALL (root) {
			  MATCH (root)(()-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization)){0,4}(o:PartyOrganization)
			  RETURN collect(DISTINCT o) AS orgs
			}
			CALL (orgs) {
			  UNWIND orgs AS o
			  MATCH (o:GridBranch)-[c:COVERS WHERE c.until IS NULL]->(:Grid)-[h:HAS WHERE h.until IS NULL]->(s:CommercialBuilding|Market)
			  RETURN collect(DISTINCT s) AS sitesInGrids
			}
			CALL (orgs) {
			  UNWIND orgs AS o
			  MATCH (o)-[r:LEADS WHERE r.until IS NULL]->(a:Alliance)
			  RETURN collect(DISTINCT a) AS alliancesLed
			}
			CALL (alliancesLed, sitesInGrids) {
			  CALL (alliancesLed, sitesInGrids) {
			    UNWIND sitesInGrids AS s
			    RETURN s
			    UNION
			    UNWIND alliancesLed AS a
			    MATCH (a)-[r:COVERS WHERE r.until IS NULL]->(s:Area)
			    RETURN s
			  }
			  RETURN collect(s) AS sites
			}
			CALL (alliancesLed, sites) {
			  CALL (alliancesLed, sites) {
			    UNWIND alliancesLed AS a
			    RETURN a
			    UNION
			    UNWIND sites AS s
			    MATCH (s)<-[r:COVERS WHERE r.until IS NULL]-(a:Alliance)
			    RETURN a
			  }
			  RETURN collect(a) AS alliances
			}
			CALL (orgs, alliances, sites) {
			  UNWIND orgs AS o
			  MATCH (o)<-[h:HOLDS WHERE h.role = 'PART_TIME_MEMBER' AND h.until IS NULL]-(p:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(u:Unit)
			  RETURN 0 AS rank, 'PART_TIME_MEMBER' AS kind, u AS from, o AS to, p AS via
			  UNION ALL
			  UNWIND orgs AS o
			  MATCH (o)<-[r:CO_BUILDS WHERE r.until IS NULL]-(u:Unit)
			  RETURN 1 AS rank, 'CO_BUILDING' AS kind, u AS from, o AS to, null AS via
			  UNION ALL
			  UNWIND orgs AS o
			  MATCH (o)-[g:GOVERNS WHERE g.until IS NULL]->(:Community)<-[r:REGISTERED_AT WHERE r.until IS NULL]-(u:Unit)
			  RETURN 2 AS rank, 'REGISTERED' AS kind, u AS from, o AS to, null AS via
			  UNION ALL
			  UNWIND alliances AS a
			  MATCH (a)<-[r:LEADS WHERE r.until IS NULL]-(o:PartyOrganization)
			  WHERE o IN orgs
			  RETURN 3 AS rank, 'ALLIANCE_LEADER' AS kind, a AS from, o AS to, null AS via
			  UNION ALL
			  UNWIND alliances AS a
			  MATCH (a)<-[r:MEMBER_OF WHERE r.until IS NULL]-(u:Unit)
			  RETURN 4 AS rank, 'ALLIANCE_MEMBER' AS kind, u AS from, a AS to, null AS via
			  UNION ALL
			  UNWIND alliances AS a
			  MATCH (a)-[r:COVERS WHERE r.until IS NULL]->(s:Area)
			  WHERE s IN sites
			  RETURN 5 AS rank, 'ALLIANCE_SITE' AS kind, a AS from, s AS to, null AS via
			  UNION ALL
			  UNWIND sites AS s
			  MATCH (s)<-[h:HAS WHERE h.until IS NULL]-(:Grid)<-[c:COVERS WHERE c.until IS NULL]-(o:GridBranch)
			  WHERE o IN orgs
			  RETURN 6 AS rank, 'SITE' AS kind, s AS from, o AS to, null AS via
			  UNION ALL
			  UNWIND sites AS s
			  MATCH (s)<-[r:INSTRUCTS WHERE r.until IS NULL]-(p:Person)
			  RETURN 7 AS rank, 'INSTRUCTOR' AS kind, p AS from, s AS to, null AS via
			}
			RETURN code, kind, from, to, via ORDER BY code, rank, from.code, to.code
			""";

	private final Neo4jClient neo4j;

	LinkageQueries(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	Map<Organization, List<CrossLink>> crossLinks(Collection<Organization> organizations) {
		return Batch.lists(this.neo4j, CROSS_LINKS, organizations, Organization::code,
				row -> new CrossLink(CrossLinkKind.valueOf(row.get("kind").asString()),
						Nodes.toApi(row.get("from").asNode()), Nodes.toApi(row.get("to").asNode()),
						row.get("via").isNull() ? null : Person.from(row.get("via").asNode())));
	}

}
