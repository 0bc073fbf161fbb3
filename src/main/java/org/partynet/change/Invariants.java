package org.partynet.change;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.partynet.model.OrganizationKind;

import static java.util.Map.entry;

/**
 * The rules the network keeps after every change, checked after the writes inside the
 * same transaction, over the affected nodes and the areas and organizations that contain
 * them: a change that breaks one is rolled back whole, so nothing is ever half-written.
 * Checking the result (rather than predicting it from the input) also catches what
 * several writes of one change do together, as in a merge.
 */
final class Invariants {

	/** A broken rule: which, at which node (code), and that node's name. */
	record Broken(String rule, String code, String name) {
	}

	// Every part is bounded by $codes (the affected nodes and their scopes), so a change
	// costs checks of its own neighbourhood, not of the whole network.
	static final String CHECKS = """
			MATCH (g:Grid)
			WHERE g.code IN $codes OR EXISTS { (c:Community)-[h:HAS WHERE h.until IS NULL]->(g) WHERE c.code IN $codes }
			WITH g WHERE COUNT { (g)<-[h:HAS WHERE h.until IS NULL]-(:Community) } > 1
			RETURN 'GRID_COMMUNITY' AS rule, g.code AS code, g.name AS name
			UNION ALL
			MATCH (cc:CommunityCommittee)-[l:LEADS WHERE l.until IS NULL]->(gb:GridBranch)-[cv:COVERS WHERE cv.until IS NULL]->(g:Grid)
			WHERE (cc.code IN $codes OR gb.code IN $codes OR g.code IN $codes)
			  AND NOT EXISTS { (cc)-[gv:GOVERNS WHERE gv.until IS NULL]->(:Community)-[h:HAS WHERE h.until IS NULL]->(g) }
			RETURN 'BRANCH_GRIDS' AS rule, gb.code AS code, gb.name + ' / ' + g.name AS name
			UNION ALL
			MATCH (gb:GridBranch)-[l:LEADS WHERE l.until IS NULL]->(bg:BuildingGroup)-[cv:COVERS WHERE cv.until IS NULL]->(b:Building)
			WHERE (gb.code IN $codes OR bg.code IN $codes OR b.code IN $codes
			       OR EXISTS { (cc:CommunityCommittee)-[l2:LEADS WHERE l2.until IS NULL]->(gb) WHERE cc.code IN $codes })
			  AND NOT EXISTS { (gb)-[c2:COVERS WHERE c2.until IS NULL]->(:Grid)-[h:HAS WHERE h.until IS NULL]->(b) }
			RETURN 'GROUP_BUILDINGS' AS rule, bg.code AS code, bg.name + ' / ' + b.name AS name
			UNION ALL
			MATCH (o:PartyOrganization)
			WHERE o.code IN $codes AND o.until IS NULL AND NOT o:StreetWorkingCommittee
			WITH o, [(p:PartyOrganization)-[l:LEADS WHERE l.until IS NULL]->(o) | p] AS parents
			WHERE size(parents) <> 1 OR NOT (%s)
			RETURN 'PARENT' AS rule, o.code AS code, o.name AS name
			UNION ALL
			MATCH (o:PartyOrganization)-[r:GOVERNS|COVERS WHERE r.until IS NULL]->(a:Area)
			WHERE (o.code IN $codes OR a.code IN $codes)
			  AND NOT (%s)
			RETURN 'AREA_KIND' AS rule, o.code AS code, o.name + ' / ' + a.name AS name
			UNION ALL
			MATCH (o:PartyOrganization)
			WHERE o.code IN $codes AND COUNT { (o)<-[h:HOLDS WHERE h.role = 'SECRETARY' AND h.until IS NULL]-() } > 1
			RETURN 'ONE_SECRETARY' AS rule, o.code AS code, o.name AS name
			UNION ALL
			MATCH (o:PartyOrganization)
			WHERE o.code IN $codes AND o.until IS NOT NULL
			  AND EXISTS { (o)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-() }
			RETURN 'ENDED' AS rule, o.code AS code, o.name AS name
			UNION ALL
			MATCH (b:Building)
			WHERE b.code IN $codes AND COUNT { (b)<-[h:HEAD_OF WHERE h.until IS NULL]-() } > 1
			RETURN 'ONE_HEAD' AS rule, b.code AS code, b.name AS name
			UNION ALL
			MATCH (p:Person)
			WHERE p.code IN $codes AND COUNT { (p)-[m:MEMBER_OF WHERE m.until IS NULL]->(:PartyOrganization) } > 1
			RETURN 'ONE_MEMBERSHIP' AS rule, p.code AS code, p.name AS name
			UNION ALL
			UNWIND $codes AS code
			"""
		.formatted(parentRule(), areaRule()) + MutationQueries.find("code", "n") + """
				MATCH (n)-[r]->(o)
				WHERE type(r) <> 'AFFECTED' AND r.until IS NOT NULL AND r.since IS NOT NULL AND r.until < r.since
				RETURN DISTINCT 'UNTIL_BEFORE_SINCE' AS rule, n.code AS code, n.name AS name
				UNION ALL
				UNWIND $codes AS code
				""" + MutationQueries.find("code", "n") + """
				MATCH (n)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']->(o)
				WITH n, o, type(r) AS type, coalesce(r.role, '') AS role, count(r) AS count
				WHERE count > 1
				RETURN DISTINCT 'DUPLICATE' AS rule, n.code AS code, n.name + ' → ' + o.name AS name
				""";

	/**
	 * The model's hierarchy as a predicate: {@code o} is led by a {@code parents[0]} of
	 * the kind above it.
	 */
	private static String parentRule() {
		return Arrays.stream(OrganizationKind.values())
			.filter(kind -> kind.parent() != null)
			.map(kind -> "(o:%s AND parents[0]:%s)".formatted(kind.label(), kind.parent().label()))
			.collect(Collectors.joining(" OR "));
	}

	/**
	 * The model's levels as a predicate: {@code o} governs or covers an {@code a} of its
	 * own level.
	 */
	private static String areaRule() {
		return Arrays.stream(OrganizationKind.values())
			.map(kind -> "(o:%s AND a:%s)".formatted(kind.label(), kind.area().label()))
			.collect(Collectors.joining(" OR "));
	}

	private static final Map<String, String> MESSAGES = Map.ofEntries(
			entry("GRID_COMMUNITY", "网格只能属于一个社区：%s / A grid lies in exactly one community: %s"),
			entry("BRANCH_GRIDS", "网格党支部只能覆盖本社区的网格：%s / A grid branch covers only grids of its own community: %s"),
			entry("GROUP_BUILDINGS",
					"楼院党小组只能覆盖所属网格党支部网格内的楼院：%s / A building group covers only buildings in its branch's grids: %s"),
			entry("PARENT",
					"组织须有且只有一个上级，且上级类型须相符（街道党工委→社区党委→网格党支部→楼院党小组）：%s / An organization needs exactly one parent of the kind above it: %s"),
			entry("AREA_KIND",
					"组织管辖或覆盖的区域类型不符（党工委-街道、社区党委-社区、网格党支部-网格、楼院党小组-楼院）：%s / An organization governs or covers areas of its own level only: %s"),
			entry("ONE_SECRETARY", "一个组织同一时间只能有一名书记：%s / An organization has one secretary at a time: %s"),
			entry("ENDED", "已撤销的组织不能再有现行关系：%s / An ended organization keeps no current relationship: %s"),
			entry("ONE_HEAD", "一个楼院同一时间只能有一名党员楼长：%s / A building has one head at a time: %s"),
			entry("ONE_MEMBERSHIP", "党员同一时间只能属于一个党组织：%s / A party member belongs to one organization at a time: %s"),
			entry("UNTIL_BEFORE_SINCE", "结束日期不能早于开始日期：%s / A relationship cannot end before it began: %s"),
			entry("DUPLICATE", "该关系已存在：%s / The relationship exists already: %s"));

	private Invariants() {
	}

	static String message(Broken broken) {
		return MESSAGES.getOrDefault(broken.rule(), "%s / %s").formatted(broken.name(), broken.name());
	}

	/** The input field a rule points at unless the mutation says otherwise. */
	static List<String> defaultField(String rule) {
		return "UNTIL_BEFORE_SINCE".equals(rule) ? Work.path("on") : null;
	}

}
