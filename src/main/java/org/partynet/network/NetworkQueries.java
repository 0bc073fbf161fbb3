package org.partynet.network;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.ForbiddenException;
import org.partynet.scope.Scope;
import org.partynet.security.Access;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts, look-ups and search across every kind of node. Read-only, so a cluster may
 * route it to a secondary.
 */
@Service
@Transactional(readOnly = true)
class NetworkQueries {

	private static final Statement STATS = Statement.scoped("network.stats", Scope.AREAS
			+ """
					WITH collect(a) AS areas
					CALL (areas) {
					  UNWIND areas AS a
					  OPTIONAL MATCH (a)<-[r:GOVERNS|COVERS WHERE r.until IS NULL]-(o:PartyOrganization)
					  RETURN count(DISTINCT CASE WHEN o:StreetWorkingCommittee THEN o END) AS streetCommittees,
					         count(DISTINCT CASE WHEN o:CommunityCommittee THEN o END) AS communityCommittees,
					         count(DISTINCT CASE WHEN o:GridBranch THEN o END) AS gridBranches,
					         count(DISTINCT CASE WHEN o:BuildingGroup THEN o END) AS buildingGroups
					}
					CALL (areas) {
					  UNWIND areas AS a
					  OPTIONAL MATCH (a)<-[r:GOVERNS|COVERS WHERE r.until IS NULL]-(:PartyOrganization)<-[m:MEMBER_OF WHERE m.until IS NULL]-(p:Person)
					  RETURN count(DISTINCT p) AS partyMembers
					}
					CALL (areas) {
					  UNWIND areas AS a
					  OPTIONAL MATCH (a:Building)<-[r:HEAD_OF WHERE r.until IS NULL]-(p:Person)
					  RETURN count(DISTINCT p) AS buildingHeads
					}
					CALL (areas) {
					  UNWIND areas AS a
					  OPTIONAL MATCH (a)<-[r:COVERS WHERE r.until IS NULL]-(al:Alliance)
					  OPTIONAL MATCH (a)<-[i:INSTRUCTS WHERE i.until IS NULL]-(instructor:Person)
					  RETURN count(DISTINCT al) AS alliances, count(DISTINCT instructor) AS instructors
					}
					CALL (areas) {
					  UNWIND areas AS a
					  OPTIONAL MATCH (a:Community)<-[g:GOVERNS WHERE g.until IS NULL]-(:CommunityCommittee)<-[h:HOLDS WHERE h.role = 'PART_TIME_MEMBER' AND h.until IS NULL]-(p:Person)
					  RETURN count(DISTINCT p) AS partTimeMembers
					}
					CALL (areas) {
					  UNWIND areas AS a
					  CALL (a) {
					    MATCH (a)<-[g:GOVERNS WHERE g.until IS NULL]-(:CommunityCommittee)<-[h:HOLDS WHERE h.until IS NULL]-(:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(u:Unit)
					    RETURN u
					    UNION
					    MATCH (a)<-[g:GOVERNS WHERE g.until IS NULL]-(:CommunityCommittee)<-[c:CO_BUILDS WHERE c.until IS NULL]-(u:Unit)
					    RETURN u
					    UNION
					    MATCH (a)<-[r:REGISTERED_AT WHERE r.until IS NULL]-(u:Unit)
					    RETURN u
					    UNION
					    MATCH (a)<-[r:REGISTERED_AT WHERE r.until IS NULL]-(:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(u:Unit)
					    RETURN u
					    UNION
					    MATCH (a)<-[c:COVERS WHERE c.until IS NULL]-(:Alliance)<-[m:MEMBER_OF WHERE m.until IS NULL]-(u:Unit)
					    RETURN u
					  }
					  RETURN count(DISTINCT u) AS units
					}
					RETURN streetCommittees, communityCommittees, gridBranches, buildingGroups, buildingHeads,
					       size([a IN areas WHERE a:Grid]) AS grids,
					       size([a IN areas WHERE a:Building]) AS buildings,
					       size([a IN areas WHERE a:CommercialBuilding OR a:Market]) AS commercialSites,
					       alliances, partTimeMembers, instructors, partyMembers, units
					""");

	// Each family of labels has its own uniqueness constraint on code, so each branch is
	// an index seek.
	private static final Statement BY_CODE = Statement.read("network.byCode", """
			CALL () {
			  MATCH (n:Area {code: $code}) RETURN n
			  UNION MATCH (n:PartyOrganization {code: $code}) RETURN n
			  UNION MATCH (n:Person {code: $code}) RETURN n
			  UNION MATCH (n:Unit {code: $code}) RETURN n
			  UNION MATCH (n:Alliance {code: $code}) RETURN n
			  UNION MATCH (n:Institution {code: $code}) RETURN n
			}
			RETURN n LIMIT 1
			""");

	private static final Statement SEARCH = Statement.read("network.search", """
			CALL db.index.fulltext.queryNodes('name_fulltext', $text, {limit: $candidates}) YIELD node, score
			WHERE $people OR NOT node:Person
			RETURN node, score
			ORDER BY score DESC, node.code
			LIMIT $first
			""");

	private static final Statement DATASET = Statement
		.read("network.dataset", "MATCH (d:Dataset) RETURN d ORDER BY d.code LIMIT 1")
		.passing("Dataset");

	private final Graph graph;

	NetworkQueries(Graph graph) {
		this.graph = graph;
	}

	NetworkStats stats(String scope) {
		var r = this.graph.one(STATS, Graph.parameters("scope", scope)).orElseThrow().asMap(Value::asInt);
		return new NetworkStats(r.get("streetCommittees"), r.get("communityCommittees"), r.get("gridBranches"),
				r.get("buildingGroups"), r.get("buildingHeads"), r.get("grids"), r.get("buildings"),
				r.get("commercialSites"), r.get("alliances"), r.get("partTimeMembers"), r.get("instructors"),
				r.get("partyMembers"), r.get("units"));
	}

	/** The node with this code and, when {@code label} is given, this label. */
	Optional<Object> byCode(String code, String label) {
		return byCode(code, label, "code", code);
	}

	/**
	 * The node with this code and, when {@code label} is given, this label.
	 * @throws ForbiddenException when it lies outside a secretary's subtree: the executor
	 * withholds it, so nothing outside is ever read into the service
	 */
	Optional<Object> byCode(String code, String label, String argument, String value) {
		Graph.Rows found = this.graph.query(BY_CODE, Graph.parameters("code", code));
		if (found.withheld() > 0) {
			throw new ForbiddenException(argument, value);
		}
		return found.rows()
			.stream()
			.findFirst()
			.map(row -> row.get("n").asNode())
			.filter(node -> label == null || node.hasLabel(label))
			.map(Nodes::toApi);
	}

	/**
	 * Name search. A viewer's search matches no person at all (a hit with a hidden name
	 * would still confirm who is who); a secretary's hits are confined after ranking by
	 * the executor, so the index is asked for more candidates.
	 */
	List<SearchHit> search(String text, int first) {
		Access.Reader reader = Access.reader();
		int candidates = reader.unrestricted() ? first : Math.max(first * 20, 1000);
		Map<String, Object> parameters = Graph.parameters("text", luceneQuery(text), "first", candidates, "candidates",
				candidates, "people", !reader.viewer());
		return this.graph.rows(SEARCH, parameters)
			.stream()
			.limit(first)
			.map(row -> new SearchHit(Nodes.toApi(row.get("node").asNode()), row.get("score").asDouble()))
			.toList();
	}

	Optional<Dataset> dataset() {
		return this.graph.one(DATASET, Map.of()).map(row -> {
			Node d = row.get("d").asNode();
			return new Dataset(d.get("code").asString(), d.get("name").asString(), d.get("sample").asBoolean(false),
					d.get("description").asString(null));
		});
	}

	/**
	 * The search text as a Lucene query: each term a quoted phrase, all required, so that
	 * user input cannot change the query's meaning.
	 */
	static String luceneQuery(String text) {
		StringBuilder query = new StringBuilder();
		for (String term : text.strip().split("\\s+")) {
			String quoted = "\"" + term.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
			query.append(query.isEmpty() ? "" : " AND ").append(quoted);
		}
		return query.toString();
	}

	record SearchHit(Object node, double score) {
	}

	record Dataset(String code, String name, boolean sample, String description) {
	}

}
