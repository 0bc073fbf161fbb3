package org.partynet.bulk;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neo4j.driver.Record;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.model.NodeLabel;
import org.partynet.model.OrganizationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export's statements, one per sheet of {@link Format#SHEETS}, each returning the
 * sheet's columns by key as text (dates as {@code yyyy-MM-dd}, choices as their stored
 * values), computed in the database and streamed: the driver's {@link Result} is read
 * record by record (the driver fetches them in batches), so the service never holds a
 * sheet in memory.
 *
 * <p>
 * Without a scope every node of each kind is exported, with every relationship. With a
 * scope: the areas inside it through {@code HAS} relationships of any time (so the ended
 * grids of a re-division are there too), the organizations that govern or cover one of
 * those (at any time) with everything they lead, the people with any relationship to one
 * of those areas or organizations, the units with one to them or employing one of those
 * people; and every relationship with an end among them.
 */
@Component
class ExportQueries {

	/** Areas in the scope, as {@code a}. */
	private static final String AREAS = """
			CALL () {
			  MATCH (top:Area {code: $scope}) RETURN top
			  UNION
			  MATCH (:PartyOrganization {code: $scope})-[r:GOVERNS|COVERS WHERE r.until IS NULL]->(top:Area) RETURN top
			}
			MATCH (top)(()-[:HAS]->()){0,5}(a:Area)
			WITH DISTINCT a
			""";

	/** Organizations (and alliances) in the scope, as {@code o}. */
	private static final String ORGANIZATIONS = """
			CALL () {
			  %s
			  MATCH (o)-[:GOVERNS|COVERS]->(a) WHERE o:PartyOrganization OR o:Alliance
			  RETURN o
			  UNION
			  MATCH (o:PartyOrganization {code: $scope}) RETURN o
			}
			MATCH (o)(()-[:LEADS]->()){0,4}(x)
			WITH DISTINCT x AS o
			""".formatted(AREAS);

	/** Areas and organizations in the scope, as {@code x}. */
	private static final String PLACES = """
			CALL () {
			  %s
			  RETURN a AS x
			  UNION
			  %s
			  RETURN o AS x
			}
			""".formatted(AREAS, ORGANIZATIONS);

	/** People in the scope, as {@code p}. */
	private static final String PEOPLE = """
			CALL () {
			  %s
			  MATCH (p:Person)-->(x)
			  RETURN DISTINCT p
			}
			""".formatted(PLACES);

	/** Units in the scope, as {@code u}. */
	private static final String UNITS = """
			CALL () {
			  %s
			  MATCH (u:Unit)-->(x)
			  RETURN u
			  UNION
			  %s
			  MATCH (p)-[:EMPLOYED_BY]->(u:Unit)
			  RETURN u
			}
			""".formatted(PLACES, PEOPLE);

	/**
	 * Per sheet: the statements for the whole network, run one after the other, then the
	 * one for a scope (always the last). The whole network's read each kind in the order
	 * of its code index, so that the database never sorts a whole sheet (at most the
	 * relationships of one node).
	 */
	private static final Map<String, List<Statement>> STATEMENTS = new HashMap<>();

	/**
	 * A sheet's statements (phone and ID numbers in full: the organization department's
	 * only).
	 */
	private static void put(String sheet, String... cypher) {
		STATEMENTS.put(sheet,
				Arrays.stream(cypher).map(text -> Statement.privileged("export." + sheet, text)).toList());
	}

	static {
		// each area sheet's rows with their parent, of the model's kind above
		// (AreaKind.parent())
		Format.AREA_SHEETS.forEach(
				(sheet, kind) -> area(sheet, kind.label(), (kind.parent() != null) ? kind.parent().label() : null));
		String sites = """
				WITH a WHERE a:CommercialBuilding OR a:Market
				CALL (a) {
				  OPTIONAL MATCH (p:Grid)-[h:HAS]->(a)
				  RETURN p, h ORDER BY h.until IS NULL DESC, h.until DESC, h.since DESC LIMIT 1
				}
				RETURN a.code AS code, a.name AS name, CASE WHEN a:Market THEN 'Market' ELSE 'CommercialBuilding' END AS kind,
				       p.code AS grid, toString(h.since) AS since
				ORDER BY code
				""";
		put("sites", "MATCH (a:CommercialBuilding) WHERE a.code IS NOT NULL\n" + sites,
				"MATCH (a:Market) WHERE a.code IS NOT NULL AND NOT a:CommercialBuilding\n" + sites, AREAS + sites);

		String organizations = """
				WITH o WHERE o:PartyOrganization OR o:Alliance
				CALL (o) {
				  OPTIONAL MATCH (p)-[l:LEADS]->(o)
				  RETURN p, l ORDER BY l.until IS NULL DESC, l.until DESC, l.since DESC LIMIT 1
				}
				RETURN o.code AS code, o.name AS name,
				       [k IN [%s] WHERE k IN labels(o)][0] AS kind,
				       p.code AS parent, toString(l.since) AS since, toString(o.electedOn) AS electedOn
				ORDER BY code
				""".formatted(organizationKinds());
		put("organizations",
				"MATCH (o:PartyOrganization) WHERE o.code IS NOT NULL\nWITH o ORDER BY o.code\n" + organizations,
				"MATCH (o:Alliance) WHERE o.code IS NOT NULL AND NOT o:PartyOrganization\n" + organizations,
				ORGANIZATIONS + organizations);

		String units = """
				RETURN u.code AS code, u.name AS name, u.category AS category
				ORDER BY code
				""";
		put("units", "MATCH (u:Unit) WHERE u.code IS NOT NULL\n" + units, UNITS + "WITH DISTINCT u\n" + units);

		String people = """
				RETURN p.code AS code, p.name AS name, p.gender AS gender, p.phone AS phone, p.idNumber AS idNumber
				ORDER BY code
				""";
		put("people", "MATCH (p:Person) WHERE p.code IS NOT NULL\n" + people, PEOPLE + people);

		String roles = """
				MATCH (p)-[h:HOLDS]->(o)
				RETURN p.code AS person, o.code AS organization, h.role AS role, h.title AS title,
				       toString(h.since) AS since, toString(h.until) AS until
				ORDER BY person, organization, role, since
				""";
		put("roles", "MATCH (p:Person) WHERE p.code IS NOT NULL\n" + roles, PEOPLE + roles);

		String coverage = """
				MATCH (o)-[r:GOVERNS|COVERS]->(a:Area) WHERE o:PartyOrganization OR o:Alliance
				RETURN o.code AS organization, type(r) AS relation, a.code AS area,
				       toString(r.since) AS since, toString(r.until) AS until
				ORDER BY organization, area, since
				""";
		put("coverage", "MATCH (o:PartyOrganization) WHERE o.code IS NOT NULL\nWITH o ORDER BY o.code\n" + coverage,
				"MATCH (o:Alliance) WHERE o.code IS NOT NULL AND NOT o:PartyOrganization\nWITH o ORDER BY o.code\n"
						+ coverage,
				ORGANIZATIONS + coverage);

		String links = """
				WITH f, r, y WHERE y:Area OR y:PartyOrganization OR y:Alliance OR y:Unit
				RETURN f.code AS `from`,
				       CASE WHEN type(r) = 'MEMBER_OF' AND f:Unit THEN 'ALLIANCE_MEMBER' ELSE type(r) END AS kind,
				       y.code AS `to`, r.status AS status, r.title AS title,
				       toString(r.since) AS since, toString(r.until) AS until
				ORDER BY `from`, kind, `to`, since
				""";
		put("links", "MATCH (p:Person) WHERE p.code IS NOT NULL\n" + personLinks("WITH") + links,
				"MATCH (u:Unit) WHERE u.code IS NOT NULL\n" + unitLinks("WITH") + links,
				"CALL () {\n" + PEOPLE + personLinks("RETURN") + "UNION\n" + UNITS + "WITH DISTINCT u\n"
						+ unitLinks("RETURN") + "UNION\n" + UNITS + "WITH DISTINCT u\n" + """
								MATCH (f:Person)-[r:EMPLOYED_BY]->(u)
								RETURN f, r, u AS y
								""" + "}\n" + links);
	}

	/** The organizations' kind labels, and the alliance's, as a Cypher list's items. */
	private static String organizationKinds() {
		return Stream
			.concat(Arrays.stream(OrganizationKind.values()).map(OrganizationKind::label),
					Stream.of(NodeLabel.ALLIANCE.label()))
			.map(label -> "'" + label + "'")
			.collect(Collectors.joining(", "));
	}

	/**
	 * A person's links as {@code f, r, y}, passed on ({@code WITH}) or returned
	 * ({@code RETURN}).
	 */
	private static String personLinks(String clause) {
		return "MATCH (p)-[r:MEMBER_OF|IN_GROUP|HEAD_OF|WORKS_FOR|INSTRUCTS|EMPLOYED_BY|REGISTERED_AT]->(y)\n" + clause
				+ " p AS f, r, y\n";
	}

	/**
	 * A unit's links as {@code f, r, y}, passed on ({@code WITH}) or returned
	 * ({@code RETURN}).
	 */
	private static String unitLinks(String clause) {
		return "MATCH (u)-[r:MEMBER_OF|CO_BUILDS|REGISTERED_AT]->(y)\n" + clause + " u AS f, r, y\n";
	}

	private static void area(String sheet, String label, String parent) {
		String rows = (parent == null) ? """
				WITH a WHERE a:%s
				RETURN a.code AS code, a.name AS name
				ORDER BY code
				""".formatted(label) : """
				WITH a WHERE a:%1$s
				CALL (a) {
				  OPTIONAL MATCH (p:%2$s)-[h:HAS]->(a)
				  RETURN p, h ORDER BY h.until IS NULL DESC, h.until DESC, h.since DESC LIMIT 1
				}
				RETURN a.code AS code, a.name AS name, p.code AS %3$s, toString(h.since) AS since
				ORDER BY code
				""".formatted(label, parent, parent.toLowerCase());
		put(sheet, "MATCH (a:%s) WHERE a.code IS NOT NULL\n".formatted(label) + rows, AREAS + rows);
	}

	private static final Logger LOG = LoggerFactory.getLogger(ExportQueries.class);

	private final Graph graph;

	ExportQueries(Graph graph) {
		this.graph = graph;
	}

	/**
	 * The statements of one sheet: for the whole network ({@code scoped} false) or a
	 * scope.
	 */
	static List<Statement> statements(Format.Sheet sheet, boolean scoped) {
		List<Statement> all = STATEMENTS.get(sheet.key());
		return scoped ? all.subList(all.size() - 1, all.size()) : all.subList(0, all.size() - 1);
	}

	/**
	 * Hands every row of every sheet to {@code sink}, sheet after sheet in the format's
	 * order, all in one read transaction.
	 * @param scope the scope's code, {@code null} for the whole network
	 */
	@Transactional(readOnly = true)
	public void each(String scope, BiConsumer<Format.Sheet, Record> sink) {
		StringBuilder times = new StringBuilder();
		for (Format.Sheet sheet : Format.SHEETS) {
			long started = System.nanoTime();
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("scope", scope);
			for (Statement statement : statements(sheet, scope != null)) {
				this.graph.stream(statement, parameters, rows -> {
					rows.forEach(row -> sink.accept(sheet, row));
					return null;
				});
			}
			times.append(' ')
				.append(sheet.key())
				.append(' ')
				.append((System.nanoTime() - started) / 1_000_000)
				.append(" ms");
		}
		LOG.info("Export of {}:{}", (scope == null) ? "the whole network" : scope, times);
	}

}
