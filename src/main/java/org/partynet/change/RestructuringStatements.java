package org.partynet.change;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partynet.graph.Statement;
import org.partynet.model.OrganizationKind;

/**
 * The statements of a merge and a split, one set per organization kind: what moves
 * depends on the kind's membership ({@code MEMBER_OF} or {@code IN_GROUP}) and area
 * relationship ({@code GOVERNS} or {@code COVERS}), which the model gives and Cypher
 * cannot take as parameters. Filled once, here, so that every one of them is a constant
 * that can be planned before anyone runs it.
 */
final class RestructuringStatements {

	// Members, coverage, children and co-building units move: the old relationship ends,
	// a new one starts on the day, unless the other organization has it already. %1$s is
	// the membership type.
	private static final String MOVE_MEMBERS = """
			MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
			MATCH (p)-[m:%1$s WHERE m.until IS NULL]->(f)
			SET m.until = $on
			WITH i, p, m
			CALL (i, p, m) {
			  WITH i, p, m WHERE NOT EXISTS { (p)-[x:%1$s WHERE x.until IS NULL]->(i) }
			  CREATE (p)-[n:%1$s {since: $on}]->(i)
			  SET n.status = m.status
			}
			""";

	private static final String MOVE_CO_BUILDERS = """
			MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
			MATCH (u)-[c:CO_BUILDS WHERE c.until IS NULL]->(f)
			SET c.until = $on
			WITH i, u
			CALL (i, u) {
			  WITH i, u WHERE NOT EXISTS { (u)-[x:CO_BUILDS WHERE x.until IS NULL]->(i) }
			  CREATE (u)-[:CO_BUILDS {since: $on}]->(i)
			}
			""";

	// %1$s is the area relationship
	private static final String MOVE_COVERAGE = """
			MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
			MATCH (f)-[c:%1$s WHERE c.until IS NULL]->(a)
			SET c.until = $on
			WITH i, a
			CALL (i, a) {
			  WITH i, a WHERE NOT EXISTS { (i)-[x:%1$s WHERE x.until IS NULL]->(a) }
			  CREATE (i)-[:%1$s {since: $on}]->(a)
			}
			""";

	private static final String MOVE_CHILDREN = """
			MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
			MATCH (f)-[l:LEADS WHERE l.until IS NULL]->(c)
			SET l.until = $on
			CREATE (i)-[:LEADS {since: $on}]->(c)
			""";

	// Its posts and its place in the tree end with it (restoreOrganization brings them
	// back).
	private static final String END_MERGED = """
			MATCH (f:PartyOrganization {code: $from})
			OPTIONAL MATCH (f)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-()
			SET r.until = $on, r.endedBy = $change
			SET f.until = $on, f.endedBy = $change, f.mergedInto = $into
			""";

	/** The merge's writes, in order, by the kind of the two organizations. */
	private static final Map<OrganizationKind, List<Statement>> MERGE = byKind(kind -> List.of(
			Statement.write("change.merge.members", MOVE_MEMBERS.formatted(kind.membershipType())),
			Statement.write("change.merge.coBuilders", MOVE_CO_BUILDERS),
			Statement.write("change.merge.coverage", MOVE_COVERAGE.formatted(kind.areaRelationship())),
			Statement.write("change.merge.children", MOVE_CHILDREN), Statement.write("change.merge.end", END_MERGED)));

	// What an organization has now, to check a split's lists against: %1$s is the area
	// relationship, %2$s the membership type.
	private static final String CURRENT = """
			MATCH (o:PartyOrganization {code: $code})
			RETURN [(o)-[r:%1$s WHERE r.until IS NULL]->(a) | a.code] AS areas,
			       [(p)-[r:%2$s WHERE r.until IS NULL]->(o) | p.code] AS members,
			       [(o)-[r:LEADS WHERE r.until IS NULL]->(c:PartyOrganization) | c.code] AS children,
			       [(p:PartyOrganization)-[r:LEADS WHERE r.until IS NULL]->(o) | p.code] AS parents
			""";

	private static final Map<OrganizationKind, Statement> SPLIT_CURRENT = byKind(kind -> Statement
		.write("change.split.current", CURRENT.formatted(kind.areaRelationship(), kind.membershipType())));

	// The new organization, of the kind's label (%1$s), under the parents of the one
	// split
	private static final String SPLIT_CREATE = """
			CREATE (n:`%1$s`:PartyOrganization {code: $code, name: $name})
			WITH n
			UNWIND $parents AS parentCode
			MATCH (p:PartyOrganization {code: parentCode})
			CREATE (p)-[:LEADS {since: $on}]->(n)
			""";

	private static final String SPLIT_AREAS = """
			MATCH (f:PartyOrganization {code: $from}), (n:PartyOrganization {code: $code})
			MATCH (f)-[c:%1$s WHERE c.until IS NULL]->(a) WHERE a.code IN $areas
			SET c.until = $on
			CREATE (n)-[:%1$s {since: $on}]->(a)
			""";

	private static final String SPLIT_MEMBERS = """
			MATCH (f:PartyOrganization {code: $from}), (n:PartyOrganization {code: $code})
			MATCH (p:Person)-[m:%1$s WHERE m.until IS NULL]->(f) WHERE p.code IN $members
			SET m.until = $on
			CREATE (p)-[x:%1$s {since: $on}]->(n)
			SET x.status = m.status
			""";

	private static final String SPLIT_CHILDREN = """
			MATCH (f:PartyOrganization {code: $from}), (n:PartyOrganization {code: $code})
			MATCH (f)-[l:LEADS WHERE l.until IS NULL]->(c) WHERE c.code IN $children
			SET l.until = $on
			CREATE (n)-[:LEADS {since: $on}]->(c)
			""";

	/** The split's writes, in order, by the kind of the organization split. */
	private static final Map<OrganizationKind, List<Statement>> SPLIT = byKind(
			kind -> List.of(Statement.write("change.split.create", SPLIT_CREATE.formatted(kind.label())),
					Statement.write("change.split.areas", SPLIT_AREAS.formatted(kind.areaRelationship())),
					Statement.write("change.split.members", SPLIT_MEMBERS.formatted(kind.membershipType())),
					Statement.write("change.split.children", SPLIT_CHILDREN)));

	private RestructuringStatements() {
	}

	private static <T> Map<OrganizationKind, T> byKind(Function<OrganizationKind, T> statements) {
		return Arrays.stream(OrganizationKind.values()).collect(Collectors.toUnmodifiableMap(kind -> kind, statements));
	}

	static List<Statement> merge(OrganizationKind kind) {
		return MERGE.get(kind);
	}

	static Statement current(OrganizationKind kind) {
		return SPLIT_CURRENT.get(kind);
	}

	static List<Statement> split(OrganizationKind kind) {
		return SPLIT.get(kind);
	}

}
