package org.partynet.linkage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.partynet.area.Area;
import org.partynet.graph.Batch;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.network.Nodes;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.scope.Scope;
import org.partynet.security.Access;
import org.partynet.unit.Alliance;
import org.partynet.unit.Unit;
import org.partynet.unit.UnitCategory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the links between the party tree and outside units, alliances, sites and
 * instructors.
 * <p>
 * Over 400 lines on purpose: the statements of one question (联动), read together.
 */
@Service
@Transactional(readOnly = true)
class LinkageQueries {

	// For each organization: the organizations under it (the chart's tree); the
	// commercial sites in the grids its branches cover and those of the alliances it
	// leads; the alliances it leads or that cover those sites; and every current link
	// among them and the outside units and people. An alliance's sites elsewhere stay
	// out: a community's chart shows its own part.
	private static final Statement CROSS_LINKS = Statement
		.read("linkage.crossLinks",
				"""
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
						""")
		.optional("via");

	// Every current link of an outside unit to the communities and commercial sites among
	// `areas`: one row per link, with what carries it and the community it reaches.
	private static final String LINK_ROWS = """
			CALL (areas) {
			  UNWIND areas AS c
			  MATCH (c:Community)<-[g:GOVERNS WHERE g.until IS NULL]-(cc:CommunityCommittee)<-[h:HOLDS WHERE h.role = 'PART_TIME_MEMBER' AND h.until IS NULL]-(p:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(u:Unit)
			  RETURN 0 AS rank, 'PART_TIME_MEMBER' AS kind, u, p AS person, null AS alliance, cc AS organization, c AS community
			  UNION ALL
			  UNWIND areas AS c
			  MATCH (c:Community)<-[g:GOVERNS WHERE g.until IS NULL]-(cc:CommunityCommittee)<-[r:CO_BUILDS WHERE r.until IS NULL]-(u:Unit)
			  RETURN 1 AS rank, 'CO_BUILDING' AS kind, u, null AS person, null AS alliance, cc AS organization, c AS community
			  UNION ALL
			  UNWIND areas AS c
			  MATCH (c:Community)<-[r:REGISTERED_AT WHERE r.until IS NULL]-(u:Unit)
			  OPTIONAL MATCH (c)<-[g:GOVERNS WHERE g.until IS NULL]-(cc:CommunityCommittee)
			  RETURN 2 AS rank, 'UNIT_REGISTERED' AS kind, u, null AS person, null AS alliance, cc AS organization, c AS community
			  UNION ALL
			  UNWIND areas AS c
			  MATCH (c:Community)<-[r:REGISTERED_AT WHERE r.until IS NULL]-(p:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(u:Unit)
			  OPTIONAL MATCH (c)<-[g:GOVERNS WHERE g.until IS NULL]-(cc:CommunityCommittee)
			  RETURN 3 AS rank, 'MEMBER_REGISTERED' AS kind, u, p AS person, null AS alliance, cc AS organization, c AS community
			  UNION ALL
			  UNWIND areas AS s
			  MATCH (s:CommercialBuilding|Market)<-[r:COVERS WHERE r.until IS NULL]-(al:Alliance)<-[m:MEMBER_OF WHERE m.until IS NULL]-(u:Unit)
			  OPTIONAL MATCH (al)<-[l:LEADS WHERE l.until IS NULL]-(leader:PartyOrganization)
			  OPTIONAL MATCH (s)<-[h1:HAS WHERE h1.until IS NULL]-(:Grid)<-[h2:HAS WHERE h2.until IS NULL]-(sc:Community)
			  RETURN 4 AS rank, 'ALLIANCE_MEMBER' AS kind, u, null AS person, al AS alliance, leader AS organization, sc AS community
			}
			""";

	// The node itself (no row: it does not exist), then its linkages, in one statement.
	private static final Statement LINKAGES = Statement.read("linkage.linkages", """
			MATCH (node:`%s` {code: $scope})
			CALL (node) {
			""" + (Scope.AREAS + """
			WITH collect(a) AS areas
			""" + LINK_ROWS + """
			WITH rank, kind, u, collect(DISTINCT person) AS people, collect(DISTINCT alliance) AS alliances,
			     collect(DISTINCT organization) AS organizations, collect(DISTINCT community) AS communities
			ORDER BY rank, u.code
			RETURN collect({kind: kind, u: u, people: people, alliances: alliances, organizations: organizations,
			                communities: communities}) AS links
			""").indent(2) + """
			}
			RETURN node, links
			""");

	private static final Statement REACH = Statement
		.read("linkage.reach",
				"""
						MATCH (u:Unit {code: $code})
						CALL (u) {
						  MATCH (u)<-[e:EMPLOYED_BY WHERE e.until IS NULL]-(p:Person)-[h:HOLDS WHERE h.role = 'PART_TIME_MEMBER' AND h.until IS NULL]->(cc:CommunityCommittee)-[g:GOVERNS WHERE g.until IS NULL]->(c:Community)
						  RETURN 0 AS rank, 'PART_TIME_MEMBER' AS kind, c AS community, null AS grid, null AS site, p AS person, null AS alliance, cc AS organization
						  UNION ALL
						  MATCH (u)-[r:CO_BUILDS WHERE r.until IS NULL]->(cc:CommunityCommittee)-[g:GOVERNS WHERE g.until IS NULL]->(c:Community)
						  RETURN 1 AS rank, 'CO_BUILDING' AS kind, c AS community, null AS grid, null AS site, null AS person, null AS alliance, cc AS organization
						  UNION ALL
						  MATCH (u)-[r:REGISTERED_AT WHERE r.until IS NULL]->(c:Community)
						  OPTIONAL MATCH (c)<-[g:GOVERNS WHERE g.until IS NULL]-(cc:CommunityCommittee)
						  RETURN 2 AS rank, 'UNIT_REGISTERED' AS kind, c AS community, null AS grid, null AS site, null AS person, null AS alliance, cc AS organization
						  UNION ALL
						  MATCH (u)<-[e:EMPLOYED_BY WHERE e.until IS NULL]-(p:Person)-[r:REGISTERED_AT WHERE r.until IS NULL]->(c:Community)
						  OPTIONAL MATCH (c)<-[g:GOVERNS WHERE g.until IS NULL]-(cc:CommunityCommittee)
						  RETURN 3 AS rank, 'MEMBER_REGISTERED' AS kind, c AS community, null AS grid, null AS site, p AS person, null AS alliance, cc AS organization
						  UNION ALL
						  MATCH (u)-[m:MEMBER_OF WHERE m.until IS NULL]->(al:Alliance)-[r:COVERS WHERE r.until IS NULL]->(s:Area)<-[h1:HAS WHERE h1.until IS NULL]-(g:Grid)<-[h2:HAS WHERE h2.until IS NULL]-(c:Community)
						  OPTIONAL MATCH (al)<-[l:LEADS WHERE l.until IS NULL]-(leader:PartyOrganization)
						  RETURN 4 AS rank, 'ALLIANCE_MEMBER' AS kind, c AS community, g AS grid, s AS site, null AS person, al AS alliance, leader AS organization
						}
						RETURN kind, community, grid, site, person, alliance, organization
						ORDER BY rank, community.code, coalesce(site.code, ''), coalesce(person.code, '')
						""")
		.optional("grid", "site", "person", "alliance", "organization");

	// Counted in the database: units per category and kind, per category, part-time
	// members per community and communities without any link.
	private static final Statement SUMMARY = Statement.scoped("linkage.summary", Scope.AREAS + """
			WITH collect(a) AS areas
			OPTIONAL MATCH (scopeArea:Area {code: $scope})
			OPTIONAL MATCH (scopeOrganization:PartyOrganization {code: $scope})
			WITH areas, coalesce(scopeArea.name, scopeOrganization.name, '全网 Whole network') AS name
			CALL (areas) {
			""" + LINK_ROWS.indent(2)
			+ """
					  RETURN collect({kind: kind, u: u, person: person, community: community}) AS links
					}
					CALL (links) {
					  UNWIND links AS l
					  WITH l.u.category AS category, l.kind AS kind, count(DISTINCT l.u) AS units
					  RETURN collect({category: category, kind: kind, units: units}) AS byKind
					}
					CALL (links) {
					  UNWIND links AS l
					  WITH l.u.category AS category, count(DISTINCT l.u) AS units
					  RETURN collect({category: category, units: units}) AS byCategory
					}
					CALL (areas, links) {
					  UNWIND areas AS c
					  WITH c WHERE c:Community
					  CALL (c, links) {
					    UNWIND links AS l
					    WITH l WHERE l.community = c
					    RETURN count(l) AS linked, collect(DISTINCT CASE l.kind WHEN 'PART_TIME_MEMBER' THEN l.person END) AS partTime
					  }
					  WITH c, linked, partTime ORDER BY c.code
					  RETURN collect({community: c, linked: linked, partTime: partTime}) AS communities
					}
					RETURN name, byKind, byCategory, communities
					""");

	private static final Statement UNIT = Statement.read("linkage.unit", "MATCH (u:Unit {code: $code}) RETURN u");

	// %s is a label of GlobalId.LABELS
	private static final Statement NODE = Statement.read("linkage.node", "MATCH (n:`%s` {code: $code}) RETURN n");

	// %s are labels of GlobalId.LABELS, the relationship types of PathRelationships and
	// the checked bound of hops (1 to 8). Only the network's own types: never the audit
	// trail (AFFECTED) nor accounts (OF).
	private static final Statement CONNECTION = Statement.read("linkage.connection", """
			MATCH (a:`%s` {code: $from}), (b:`%s` {code: $to})
			MATCH p = ALL SHORTEST (a)-[r:%s WHERE r.until IS NULL]-{1,%d}(b)
			RETURN p LIMIT $limit
			""");

	private final Graph graph;

	LinkageQueries(Graph graph) {
		this.graph = graph;
	}

	/**
	 * The linkages of an existing area or organization; empty when there is none with
	 * that id.
	 */
	Optional<Linkages> linkages(GlobalId id) {
		return this.graph.one(LINKAGES.formatted(id.label()), Graph.parameters("scope", id.code())).map(row -> {
			Map<LinkKind, List<Linkages.UnitLink>> groups = new EnumMap<>(LinkKind.class);
			row.get("links")
				.asList(v -> v)
				.forEach(link -> groups
					.computeIfAbsent(LinkKind.valueOf(link.get("kind").asString()), kind -> new ArrayList<>())
					.add(new Linkages.UnitLink(Unit.from(link.get("u").asNode()),
							sorted(link.get("people").asList(v -> Person.from(v.asNode())), Person::code),
							sorted(link.get("alliances").asList(v -> Alliance.from(v.asNode())), Alliance::code),
							sorted(link.get("organizations").asList(v -> Organization.from(v.asNode())),
									Organization::code),
							sorted(link.get("communities").asList(v -> Area.from(v.asNode())), Area::code))));
			return new Linkages(Nodes.toApi(row.get("node").asNode()),
					groups.entrySet().stream().map(e -> new Linkages.Group(e.getKey(), e.getValue())).toList());
		});
	}

	Optional<Unit> unit(String code) {
		return this.graph.one(UNIT, Graph.parameters("code", code)).map(row -> Unit.from(row.get("u").asNode()));
	}

	Reach reach(Unit unit) {
		List<Reach.Place> places = this.graph.rows(REACH, Graph.parameters("code", unit.code()))
			.stream()
			.map(row -> new Reach.Place(LinkKind.valueOf(row.get("kind").asString()),
					Area.from(row.get("community").asNode()), area(row.get("grid")), area(row.get("site")),
					row.get("person").isNull() ? null : Person.from(row.get("person").asNode()),
					row.get("alliance").isNull() ? null : Alliance.from(row.get("alliance").asNode()),
					row.get("organization").isNull() ? null : Organization.from(row.get("organization").asNode())))
			.toList();
		return new Reach(unit, places);
	}

	/**
	 * Whether the node with that label and code may be read (a secretary's subtree);
	 * empty when there is no such node. The label is one of {@code GlobalId.LABELS}.
	 */
	Optional<Boolean> visible(GlobalId id) {
		Graph.Rows found = this.graph.query(NODE.formatted(id.label()), Graph.parameters("code", id.code()));
		if (found.withheld() > 0) {
			return Optional.of(false);
		}
		return found.rows().isEmpty() ? Optional.empty() : Optional.of(true);
	}

	/**
	 * The shortest paths over current relationships of the kinds {@code through} allows,
	 * at most {@code limit}; never through the audit trail
	 * ({@code (:Change)-[:AFFECTED]->}), which would join any two nodes one change
	 * touched. {@code PREFER_LINKAGE} searches without administrative containment first
	 * and, only when that finds nothing (or nothing a secretary may read), once more with
	 * it. {@code maxHops} is checked by the caller (1 to 8) and written into the pattern,
	 * which takes no parameter there: the search is always bounded.
	 */
	List<LinkPath> connection(GlobalId from, GlobalId to, int maxHops, PathRelationships through, int limit) {
		if (through == PathRelationships.ANY) {
			return connection(from, to, maxHops, PathRelationships.allTypes(), limit);
		}
		List<LinkPath> linkage = connection(from, to, maxHops, PathRelationships.linkageTypes(), limit);
		if (!linkage.isEmpty() || through == PathRelationships.LINKAGE_ONLY) {
			return linkage;
		}
		return connection(from, to, maxHops, PathRelationships.allTypes(), limit);
	}

	private List<LinkPath> connection(GlobalId from, GlobalId to, int maxHops, String types, int limit) {
		// a secretary's paths through what they may not read are withheld after the
		// search: ask for more
		int candidates = Access.reader().confined() ? limit * 20 : limit;
		return this.graph
			.rows(CONNECTION.formatted(from.label(), to.label(), types, maxHops),
					Graph.parameters("from", from.code(), "to", to.code(), "limit", candidates))
			.stream()
			.limit(limit)
			.map(row -> path(row.get("p").asPath()))
			.toList();
	}

	LinkageSummary summary(String scopeCode) {
		Record row = this.graph.one(SUMMARY, Graph.parameters("scope", scopeCode)).orElseThrow();
		{
			List<LinkageSummary.UnitCount> byKind = row.get("byKind")
				.asList(v -> new LinkageSummary.UnitCount(UnitCategory.valueOf(v.get("category").asString()),
						LinkKind.valueOf(v.get("kind").asString()), v.get("units").asInt()))
				.stream()
				.sorted(Comparator.comparing(LinkageSummary.UnitCount::category)
					.thenComparing(LinkageSummary.UnitCount::kind))
				.toList();
			List<LinkageSummary.UnitCount> byCategory = row.get("byCategory")
				.asList(v -> new LinkageSummary.UnitCount(UnitCategory.valueOf(v.get("category").asString()), null,
						v.get("units").asInt()))
				.stream()
				.sorted(Comparator.comparing(LinkageSummary.UnitCount::category))
				.toList();
			List<LinkageSummary.CommunityPartTimeMembers> partTime = new ArrayList<>();
			List<Area> unlinked = new ArrayList<>();
			row.get("communities").asList(v -> v).forEach(v -> {
				Area community = Area.from(v.get("community").asNode());
				partTime.add(new LinkageSummary.CommunityPartTimeMembers(community,
						sorted(v.get("partTime").asList(p -> Person.from(p.asNode())), Person::code)));
				if (v.get("linked").asInt() == 0) {
					unlinked.add(community);
				}
			});
			return new LinkageSummary(row.get("name").asString(), byKind, byCategory, partTime, unlinked);
		}
	}

	private static LinkPath path(Path path) {
		Map<String, Identified> apiNodes = new HashMap<>();
		Map<String, Node> graphNodes = new HashMap<>();
		List<Object> nodes = new ArrayList<>();
		path.nodes().forEach(node -> {
			Identified api = Nodes.toApi(node);
			apiNodes.put(node.elementId(), api);
			graphNodes.put(node.elementId(), node);
			nodes.add(api);
		});
		List<LinkPath.Step> steps = new ArrayList<>();
		StringBuilder sentence = new StringBuilder(name(path.start()));
		for (Path.Segment segment : path) {
			Relationship relationship = segment.relationship();
			boolean forward = relationship.startNodeElementId().equals(segment.start().elementId());
			String label = PathLabels.label(relationship, graphNodes.get(relationship.startNodeElementId()), forward);
			steps.add(new LinkPath.Step(relationship.type(), label, forward,
					apiNodes.get(relationship.startNodeElementId()).id(),
					apiNodes.get(relationship.endNodeElementId()).id()));
			sentence.append(" —").append(label).append("→ ").append(name(segment.end()));
		}
		return new LinkPath(nodes, steps, sentence.toString());
	}

	private static String name(Node node) {
		if (node.hasLabel("Person")) {
			return Person.from(node).name(); // hidden from a viewer by the executor
		}
		return node.get("name").asString(node.get("code").asString(""));
	}

	private static Area area(Value value) {
		return value.isNull() ? null : Area.from(value.asNode());
	}

	private static <T> List<T> sorted(List<T> list, Function<T, String> code) {
		return list.stream().sorted(Comparator.comparing(code)).toList();
	}

	Map<Organization, List<CrossLink>> crossLinks(Collection<Organization> organizations) {
		return Batch.lists(this.graph, CROSS_LINKS, organizations, Organization::code,
				row -> new CrossLink(CrossLinkKind.valueOf(row.get("kind").asString()),
						Nodes.toApi(row.get("from").asNode()), Nodes.toApi(row.get("to").asNode()),
						row.get("via").isNull() ? null : Person.from(row.get("via").asNode())));
	}

}
