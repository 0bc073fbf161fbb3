package org.partynet.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.partynet.area.Area;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.Paging;
import org.partynet.organization.Organization;
import org.partynet.scope.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.partynet.scope.Scope.held;

/**
 * Coverage (全覆盖) as the organization department counts it, as of a day: a relationship
 * counts when it began on or before that day and had not ended by it. One statement per
 * report, per breakdown level and per page of gaps; the counting happens in the database.
 */
@Service
@Transactional(readOnly = true)
class CoverageQueries {

	// The areas a scope consists of, that day.
	private static final String ROOTS = Scope.TOPS_AS_OF + """
			WITH top ORDER BY top.code
			WITH collect(top.code) AS codes
			""";

	// Every area in $codes (and inside them) that day, once, as a.
	private static final String AREAS = """
			UNWIND codes AS code
			MATCH (top:Area {code: code})
			MATCH (top)(()-[h:HAS WHERE %s]->()){0,5}(a:Area)
			WITH DISTINCT a
			""".formatted(held("h"));

	// What covers an area that day, each a predicate on the area variable it is given.

	private static String gridCovered(String g) {
		return "EXISTS { (%s)<-[r:COVERS]-(:GridBranch) WHERE %s }".formatted(g, held("r"));
	}

	private static String gridWorked(String g) {
		return "EXISTS { (%s)<-[w:WORKS_FOR]-(:Person) WHERE %s }".formatted(g, held("w"));
	}

	private static String buildingGrouped(String b) {
		return "EXISTS { (%s)<-[r:COVERS]-(:BuildingGroup) WHERE %s }".formatted(b, held("r"));
	}

	private static String buildingHeaded(String b) {
		return "EXISTS { (%s)<-[r:HEAD_OF]-(:Person) WHERE %s }".formatted(b, held("r"));
	}

	private static String siteCovered(String s) {
		return "(EXISTS { (%s)<-[r:COVERS]-(:Alliance) WHERE %s } OR EXISTS { (%s)<-[i:INSTRUCTS]-(:Person) WHERE %s })"
			.formatted(s, held("r"), s, held("i"));
	}

	private static String communityOrganized(String c) {
		return "EXISTS { (%s)<-[r:GOVERNS]-(:CommunityCommittee) WHERE %s }".formatted(c, held("r"));
	}

	// Takes the variable codes; adds the counts of every metric.
	private static final String METRICS = """
			CALL (codes) {
			  %s
			  WITH collect(a) AS areas
			  WITH [a IN areas WHERE a:Grid] AS grids, [a IN areas WHERE a:Building] AS buildings,
			       [a IN areas WHERE a:CommercialBuilding OR a:Market] AS sites, [a IN areas WHERE a:Community] AS communities
			  RETURN size(grids) AS grids,
			         size([g IN grids WHERE %s]) AS gridsCovered,
			         size([g IN grids WHERE %s AND %s]) AS gridsDual,
			         size(buildings) AS buildings,
			         size([b IN buildings WHERE %s]) AS buildingsGrouped,
			         size([b IN buildings WHERE %s]) AS buildingsHeaded,
			         size(sites) AS sites,
			         size([s IN sites WHERE %s]) AS sitesCovered,
			         size(communities) AS communities,
			         size([c IN communities WHERE %s]) AS communitiesOrganized
			}
			"""
		.formatted(AREAS.indent(2).strip(), gridCovered("g"), gridCovered("g"), gridWorked("g"), buildingGrouped("b"),
				buildingHeaded("b"), siteCovered("s"), communityOrganized("c"));

	// `exists` says whether the scope's id names a node ($label given), so that the
	// controller needs no separate look-up.
	private static final Statement REPORT = Statement
		.scoped("coverage.report",
				ROOTS + """
						OPTIONAL MATCH (area:Area {code: $scope})
						OPTIONAL MATCH (organization:PartyOrganization {code: $scope})
						WITH codes, area, coalesce(area.name, organization.name, '全网 Whole network') AS name,
						     $label IS NULL OR $label IN coalesce(labels(area), []) + coalesce(labels(organization), []) AS exists
						"""
						+ METRICS
						+ """
								RETURN codes, area, name, exists, grids, gridsCovered, gridsDual, buildings, buildingsGrouped, buildingsHeaded,
								       sites, sitesCovered, communities, communitiesOrganized
								""")
		.optional("area");

	// Several organizations' reports at once, each over the areas it governs or covers.
	private static final Statement OF_ORGANIZATIONS = Statement.read("coverage.ofOrganizations", """
			UNWIND $codes AS scopeCode
			MATCH (organization:PartyOrganization {code: scopeCode})
			CALL (organization) {
			  OPTIONAL MATCH (organization)-[r:GOVERNS|COVERS]->(top:Area) WHERE %s
			  WITH top ORDER BY top.code
			  RETURN collect(top.code) AS codes
			}
			WITH scopeCode, organization, codes, null AS area, organization.name AS name
			""".formatted(held("r")) + METRICS + """
			RETURN scopeCode AS code, organization, codes, area, name, grids, gridsCovered, gridsDual, buildings,
			       buildingsGrouped, buildingsHeaded, sites, sitesCovered, communities, communitiesOrganized
			""");

	// The next level down (streets of a district, communities of a street, grids of a
	// community) for several reports at once.
	private static final Statement BREAKDOWN = Statement.read("coverage.breakdown", """
			UNWIND $parents AS parent
			UNWIND parent.codes AS parentCode
			MATCH (:Area {code: parentCode})-[h:HAS]->(area:Street|Community|Grid)
			WHERE %s
			WITH parent.key AS key, area ORDER BY area.code
			WITH key, area, [area.code] AS codes, area.name AS name
			""".formatted(held("h")) + METRICS + """
			RETURN key, codes, area, name, grids, gridsCovered, gridsDual, buildings, buildingsGrouped, buildingsHeaded,
			       sites, sitesCovered, communities, communitiesOrganized
			""");

	private static final Map<CoverageMetric, Statement> GAPS = new EnumMap<>(CoverageMetric.class);

	static {
		gaps(CoverageMetric.GRID, "a:Grid AND NOT " + gridCovered("a"), "$reason");
		gaps(CoverageMetric.DUAL_NET, "a:Grid AND NOT (" + gridCovered("a") + " AND " + gridWorked("a") + ")",
				"CASE WHEN " + gridCovered("gap") + " THEN '无专职网格员 / no grid worker' WHEN " + gridWorked("gap")
						+ " THEN '无网格党支部覆盖 / no grid branch covers it'"
						+ " ELSE '无网格党支部、无专职网格员 / neither grid branch nor grid worker' END");
		gaps(CoverageMetric.BUILDING_GROUP, "a:Building AND NOT " + buildingGrouped("a"), "$reason");
		gaps(CoverageMetric.BUILDING_HEAD, "a:Building AND NOT " + buildingHeaded("a"), "$reason");
		gaps(CoverageMetric.COMMERCIAL, "(a:CommercialBuilding OR a:Market) AND NOT " + siteCovered("a"), "$reason");
		gaps(CoverageMetric.ORGANIZATION, "a:Community AND NOT " + communityOrganized("a"), "$reason");
	}

	// Several reports' gaps of one metric in one statement: each request brings its
	// report's codes, its cursor and its page size.
	private static void gaps(CoverageMetric metric, String predicate, String reason) {
		GAPS.put(metric, Statement.read("coverage.gaps." + metric.name().toLowerCase(java.util.Locale.ROOT), """
				UNWIND $requests AS request
				CALL (request) {
				  WITH request.codes AS codes
				%s
				  WITH a WHERE %s
				  WITH a ORDER BY a.code
				  WITH collect(a) AS found
				  RETURN size(found) AS totalCount,
				         [a IN found WHERE request.after IS NULL OR a.code > request.after][0..request.limit] AS page
				}
				CALL (page) {
				  UNWIND page AS gap
				  OPTIONAL MATCH (:District)((x:Area)-[h:HAS WHERE %s]->(:Area)){1,5}(gap)
				  WITH gap, x ORDER BY gap.code
				  RETURN collect({area: gap, path: coalesce(x, []), reason: %s}) AS gaps
				}
				RETURN request.key AS key, totalCount, gaps
				""".formatted(AREAS.indent(2).stripTrailing(), predicate, held("h"), reason)));
	}

	// 缺口导入表: every gap of the scope that day, once per thing to fill, by the rules
	// above (DUAL_NET: the grid worker; a grid without a branch is GRID's), with the
	// community it lies in and what could fill it: its community's grid branches for a
	// grid, the building groups of the branches covering its grid for a building.
	private static final Statement GAP_ROWS = Statement
		.scoped("coverage.gapRows",
				ROOTS + AREAS
						+ """
								WITH a, [metric IN [
								    CASE WHEN a:Grid AND NOT %s THEN 'GRID' END,
								    CASE WHEN a:Grid AND NOT %s THEN 'DUAL_NET' END,
								    CASE WHEN a:Building AND NOT %s THEN 'BUILDING_GROUP' END,
								    CASE WHEN a:Building AND NOT %s THEN 'BUILDING_HEAD' END,
								    CASE WHEN (a:CommercialBuilding OR a:Market) AND NOT %s THEN 'COMMERCIAL' END,
								    CASE WHEN a:Community AND NOT %s THEN 'ORGANIZATION' END
								  ] WHERE metric IS NOT NULL] AS metrics
								UNWIND metrics AS metric
								OPTIONAL MATCH (community:Community)(()-[h:HAS WHERE %s]->()){0,2}(a)
								RETURN metric, a AS area, community, CASE metric
								    WHEN 'GRID' THEN [(community)<-[g:GOVERNS]-(:CommunityCommittee)-[l:LEADS]->(o:GridBranch) WHERE %s AND %s | o]
								    WHEN 'BUILDING_GROUP' THEN [(a)<-[inGrid:HAS]-(:Grid)<-[c:COVERS]-(:GridBranch)-[l:LEADS]->(o:BuildingGroup)
								                                WHERE %s AND %s AND %s | o]
								    ELSE [] END AS choices
								ORDER BY a.code, metric
								"""
							.formatted(gridCovered("a"), gridWorked("a"), buildingGrouped("a"), buildingHeaded("a"),
									siteCovered("a"), communityOrganized("a"), held("h"), held("g"), held("l"),
									held("inGrid"), held("c"), held("l")))
		.optional("community");

	private final Graph graph;

	CoverageQueries(Graph graph) {
		this.graph = graph;
	}

	CoverageReport report(String scope, LocalDate asOf) {
		return report(scope, null, asOf).orElseThrow();
	}

	/**
	 * The report of a scope given by code and label; empty when no node has that label
	 * and code.
	 */
	Optional<CoverageReport> report(String scope, String label, LocalDate asOf) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("scope", scope);
		parameters.put("label", label);
		parameters.put("asOf", asOf);
		return this.graph.one(REPORT, parameters)
			.filter(row -> row.get("exists").asBoolean())
			.map(row -> report(row, asOf));
	}

	/** The reports of several organizations, one statement. */
	Map<Organization, CoverageReport> ofOrganizations(Collection<Organization> organizations, LocalDate asOf) {
		Map<String, CoverageReport> byCode = new HashMap<>();
		this.graph
			.rows(OF_ORGANIZATIONS,
					Graph.parameters("codes", organizations.stream().map(Organization::code).distinct().toList(),
							"asOf", asOf))
			.forEach(row -> byCode.put(row.get("code").asString(), report(row, asOf)));
		Map<Organization, CoverageReport> result = new LinkedHashMap<>();
		organizations.forEach(organization -> result.put(organization, byCode.get(organization.code())));
		return result;
	}

	/** The next level down of several reports, one statement per day among them. */
	Map<CoverageReport, List<CoverageReport>> breakdown(Collection<CoverageReport> parents) {
		Map<CoverageReport, List<CoverageReport>> result = new LinkedHashMap<>();
		parents.forEach(parent -> result.put(parent, new ArrayList<>()));
		Map<LocalDate, List<CoverageReport>> byDay = new LinkedHashMap<>();
		parents.forEach(parent -> byDay.computeIfAbsent(parent.asOf(), day -> new ArrayList<>()).add(parent));
		byDay.forEach((day, reports) -> {
			List<Map<String, Object>> keyed = new ArrayList<>();
			for (int i = 0; i < reports.size(); i++) {
				keyed.add(Map.of("key", String.valueOf(i), "codes", reports.get(i).roots()));
			}
			this.graph.rows(BREAKDOWN, Graph.parameters("parents", keyed, "asOf", day))
				.forEach(row -> result.get(reports.get(Integer.parseInt(row.get("key").asString())))
					.add(report(row, day)));
		});
		return result;
	}

	/**
	 * Pages of gaps for several requests, one statement per metric and day among them.
	 */
	Map<GapsRequest, Paging.Connection<CoverageGap>> gaps(Collection<GapsRequest> requests) {
		Map<GapsRequest, Paging.Connection<CoverageGap>> result = new HashMap<>();
		Map<List<Object>, List<GapsRequest>> groups = new LinkedHashMap<>();
		requests.forEach(request -> groups
			.computeIfAbsent(List.of(request.metric(), request.report().asOf()), group -> new ArrayList<>())
			.add(request));
		groups.forEach((group, members) -> {
			CoverageMetric metric = members.get(0).metric();
			List<Map<String, Object>> keyed = new ArrayList<>();
			for (int i = 0; i < members.size(); i++) {
				Map<String, Object> request = new HashMap<>();
				request.put("key", String.valueOf(i));
				request.put("codes", members.get(i).report().roots());
				request.put("after", members.get(i).after());
				request.put("limit", members.get(i).first() + 1);
				keyed.add(request);
			}
			this.graph
				.rows(GAPS.get(metric), Graph.parameters("requests", keyed, "asOf", members.get(0).report().asOf(),
						"reason", metric.gapReason()))
				.forEach(row -> {
					GapsRequest request = members.get(Integer.parseInt(row.get("key").asString()));
					List<CoverageGap> gaps = row.get("gaps")
						.asList(gap -> new CoverageGap(metric, Area.from(gap.get("area").asNode()),
								gap.get("path").asList(node -> Area.from(node.asNode())),
								gap.get("reason").asString()));
					result.put(request, Paging.connection(gaps, request.first(), request.after() != null,
							row.get("totalCount").asInt(), gap -> gap.area().code()));
				});
		});
		return result;
	}

	/** Every gap of a scope on a day, with what could fill it; one statement. */
	List<GapRow> gapRows(String scope, LocalDate asOf) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("scope", scope);
		parameters.put("asOf", asOf);
		return this.graph.rows(GAP_ROWS, parameters)
			.stream()
			.map(row -> new GapRow(CoverageMetric.valueOf(row.get("metric").asString()),
					Area.from(row.get("area").asNode()),
					row.get("community").isNull() ? null : Area.from(row.get("community").asNode()),
					row.get("choices")
						.asList(node -> Organization.from(node.asNode()))
						.stream()
						.sorted(Comparator.comparing(Organization::code))
						.toList()))
			.toList();
	}

	/**
	 * One gap to fill: of this metric ({@code DUAL_NET}: the grid worker), in this
	 * community (null for none), and the organizations that could cover it.
	 */
	record GapRow(CoverageMetric metric, Area area, Area community, List<Organization> choices) {
	}

	/** A page of one report's gaps of one metric. */
	record GapsRequest(CoverageReport report, CoverageMetric metric, int first, String after) {
	}

	private static CoverageReport report(Record row, LocalDate asOf) {
		Map<CoverageMetric, CoverageFigure> figures = new EnumMap<>(CoverageMetric.class);
		figures.put(CoverageMetric.GRID, figure(row, "grids", "gridsCovered"));
		figures.put(CoverageMetric.DUAL_NET, figure(row, "grids", "gridsDual"));
		figures.put(CoverageMetric.BUILDING_GROUP, figure(row, "buildings", "buildingsGrouped"));
		figures.put(CoverageMetric.BUILDING_HEAD, figure(row, "buildings", "buildingsHeaded"));
		figures.put(CoverageMetric.COMMERCIAL, figure(row, "sites", "sitesCovered"));
		figures.put(CoverageMetric.ORGANIZATION, figure(row, "communities", "communitiesOrganized"));
		Area area = row.get("area").isNull() ? null : Area.from(row.get("area").asNode());
		return new CoverageReport(row.get("name").asString(), area, asOf,
				row.get("codes").asList(value -> value.asString()), figures);
	}

	private static CoverageFigure figure(Record row, String total, String covered) {
		return new CoverageFigure(row.get(total).asInt(), row.get(covered).asInt());
	}

}
