package org.partynet.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.types.Node;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graphql.GlobalId;
import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;

import org.springframework.stereotype.Component;

/**
 * Changes to party organizations: create, update, coverage, and the organization changes (组织变动)
 * transfer, merge, split, dissolve and restore. Relationships end with {@code until} and are never
 * deleted, so that every report can still be asked as of an earlier day; an ended organization
 * carries {@code until} (and {@code endedBy}, the change that ended it) on the node and has no
 * current relationship left, so no query of the current network finds it.
 */
@Component
class OrganizationChangeQueries {

	static final Set<String> ORGANIZATIONS = OrganizationKind.LABELS;

	static final Set<String> AREAS = AreaKind.LABELS;

	private final MutationQueries queries;

	OrganizationChangeQueries(MutationQueries queries) {
		this.queries = queries;
	}

	static Map<String, Object> params(Object... keysAndValues) {
		Map<String, Object> parameters = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			parameters.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return parameters;
	}

	/** The label of the organization that leads one of this label; {@code null} at the top. */
	static String parentLabel(String label) {
		OrganizationKind parent = OrganizationKind.ofLabel(label).parent();
		return (parent != null) ? parent.label() : null;
	}

	/** The label of the areas an organization of this label governs or covers. */
	static String areaLabel(String label) {
		return OrganizationKind.ofLabel(label).area().label();
	}

	/** Street and community organizations govern (GOVERNS); branches and groups cover (COVERS). */
	static String coverageType(String label) {
		return OrganizationKind.ofLabel(label).areaRelationship();
	}

	/** Members of a building group are assigned to it (IN_GROUP); of others, members (MEMBER_OF). */
	static String membershipType(String label) {
		return OrganizationKind.ofLabel(label).membershipType();
	}

	static String chinese(String label) {
		OrganizationKind kind = OrganizationKind.ofLabel(label);
		return (kind != null) ? kind.chinese() : label;
	}

	private static void notEnded(Work work, Node node, String field) {
		if (Work.ended(node)) {
			work.invalid(field, "%s 已撤销或合并 / %s has ended (merged or dissolved)".formatted(work.name(node),
					node.get("code").asString()));
		}
	}

	private List<String> neighbours(String label, String code) {
		return this.queries.read("""
				MATCH (o:`%s` {code: $code})-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-(x)
				RETURN collect(DISTINCT x.code) AS codes
				""".formatted(label), params("code", code))
			.stream()
			.findFirst()
			.map(row -> strings(row.get("codes")))
			.orElse(List.of());
	}

	@SuppressWarnings("unchecked")
	static List<String> strings(Object value) {
		return (value != null) ? ((List<Object>) value).stream().filter(v -> v != null).map(Object::toString).toList()
				: List.of();
	}

	private static void onAreaRules(Work work, List<String> field) {
		for (String rule : List.of("BRANCH_GRIDS", "GROUP_BUILDINGS", "AREA_KIND")) {
			work.ruleFields.put(rule, field);
		}
	}

	Runnable create(Work work) {
		String label = organizationLabel(work, "kind");
		String code = work.newCode("code");
		String name = work.name("name");
		LocalDate on = work.on();
		if (label == null) {
			return null;
		}
		String parentLabel = parentLabel(label);
		GlobalId parentId = null;
		if (parentLabel == null && work.given("parent")) {
			work.invalid("parent", "街道党工委没有上级组织 / A street working committee has no parent organization");
		}
		else if (parentLabel != null && !work.given("parent")) {
			work.invalid("parent", "%s 需要上级组织（%s） / A %s needs a parent organization (a %s)".formatted(chinese(label),
					chinese(parentLabel), label, parentLabel));
		}
		else if (parentLabel != null) {
			parentId = work.id("parent", Set.of(parentLabel));
		}
		List<GlobalId> areas = work.ids("areas", Set.of(areaLabel(label)));
		Node parent = work.require(parentId, "parent");
		notEnded(work, parent, "parent");
		for (int i = 0; i < areas.size(); i++) {
			work.require(areas.get(i), Work.path("areas", Integer.toString(i)));
		}
		if (work.failed()) {
			return null;
		}
		work.created.add(code);
		if (parent != null) {
			work.affect(parentId.code());
		}
		work.affect(areas.stream().map(GlobalId::code).toList());
		work.result = new GlobalId(label, code);
		work.summary = "新建 %s %s%s".formatted(chinese(label), name, (parent != null) ? "（上级 " + work.name(parent) + "）" : "");
		onAreaRules(work, Work.path("areas"));
		work.ruleFields.put("PARENT", Work.path("parent"));
		String parentCode = (parentId != null) ? parentId.code() : null;
		return () -> {
			this.queries.write("CREATE (:`%s`:PartyOrganization {code: $code, name: $name})".formatted(label),
					params("code", code, "name", name));
			if (parent != null) {
				this.queries.write("""
						MATCH (p:PartyOrganization {code: $parent}), (o:PartyOrganization {code: $code})
						CREATE (p)-[:LEADS {since: $on}]->(o)
						""", params("parent", parentCode, "code", code, "on", on));
			}
			this.queries.write("""
					MATCH (o:PartyOrganization {code: $code})
					UNWIND $areas AS areaCode
					MATCH (a:Area {code: areaCode})
					CREATE (o)-[:%s {since: $on}]->(a)
					""".formatted(coverageType(label)),
					params("code", code, "areas", areas.stream().map(GlobalId::code).toList(), "on", on));
		};
	}

	private static String organizationLabel(Work work, String field) {
		Object kind = work.raw(field);
		for (OrganizationKind value : OrganizationKind.values()) {
			if (value.name().equals(kind)) {
				return value.label();
			}
		}
		work.invalid(field, "未知的组织类型 / Unknown organization kind");
		return null;
	}

	Runnable update(Work work) {
		GlobalId id = work.id("id", ORGANIZATIONS);
		Node node = work.lock(id, "id", "version");
		String name = work.optionalName("name");
		LocalDate electedOn = work.day("electedOn");
		notEnded(work, node, "id");
		if (work.failed()) {
			return null;
		}
		work.result = id;
		String old = work.name(node);
		work.summary = (name != null && !name.equals(old)) ? "更名 %s 为 %s".formatted(old, name) : "修改 %s".formatted(old);
		return () -> this.queries.write("""
				MATCH (o:PartyOrganization {code: $code})
				SET o.name = coalesce($name, o.name), o.electedOn = coalesce($electedOn, o.electedOn)
				""", params("code", id.code(), "name", name, "electedOn", electedOn));
	}

	Runnable coverage(Work work, boolean add) {
		GlobalId id = work.id("organization", ORGANIZATIONS);
		Node node = work.lock(id, "organization", "version");
		GlobalId areaId = work.id("area", AREAS);
		Node area = work.lockOther(areaId, "area");
		LocalDate on = work.on();
		notEnded(work, node, "organization");
		if (work.failed()) {
			return null;
		}
		String type = coverageType(id.label());
		boolean current = !this.queries.read("""
				MATCH (:PartyOrganization {code: $code})-[r:%s WHERE r.until IS NULL]->(:Area {code: $area}) RETURN r
				""".formatted(type), params("code", id.code(), "area", areaId.code())).isEmpty();
		if (add && current) {
			work.error(UserErrorCode.CONFLICT, Work.path("area"), "%s 已覆盖 %s / %s covers %s already".formatted(work.name(node),
					work.name(area), id.code(), areaId.code()));
		}
		if (!add && !current) {
			work.invalid("area", "%s 当前未覆盖 %s / %s does not cover %s".formatted(work.name(node), work.name(area), id.code(),
					areaId.code()));
		}
		if (work.failed()) {
			return null;
		}
		work.affect(areaId.code());
		work.result = id;
		work.summary = (add ? "%s 增加覆盖 %s" : "%s 结束覆盖 %s").formatted(work.name(node), work.name(area));
		onAreaRules(work, Work.path("area"));
		Map<String, Object> parameters = params("code", id.code(), "area", areaId.code(), "on", on);
		return () -> this.queries.write(add ? """
				MATCH (o:PartyOrganization {code: $code}), (a:Area {code: $area})
				CREATE (o)-[:%s {since: $on}]->(a)
				""".formatted(type) : """
				MATCH (:PartyOrganization {code: $code})-[r:%s WHERE r.until IS NULL]->(:Area {code: $area})
				SET r.until = $on
				""".formatted(type), parameters);
	}

	Runnable transfer(Work work) {
		GlobalId id = work.id("id", ORGANIZATIONS);
		Node node = work.lock(id, "id", "version");
		GlobalId parentId = work.id("parent", ORGANIZATIONS);
		Node parent = work.lockOther(parentId, "parent");
		LocalDate on = work.on();
		notEnded(work, node, "id");
		notEnded(work, parent, "parent");
		if (work.failed()) {
			return null;
		}
		boolean cycle = id.code().equals(parentId.code()) || !this.queries.read("""
				MATCH (o:PartyOrganization {code: $code})(()-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization)){1,4}(p {code: $parent})
				RETURN p LIMIT 1
				""", params("code", id.code(), "parent", parentId.code())).isEmpty();
		if (cycle) {
			work.invalid("parent", "不能把组织移到其自身或其下级组织之下 / An organization cannot move under itself or one of its descendants");
			return null;
		}
		String expected = parentLabel(id.label());
		if (!parentId.label().equals(expected)) {
			work.invalid("parent", "%s 的上级应为%s / The parent of a %s must be a %s".formatted(chinese(id.label()),
					(expected != null) ? chinese(expected) : "（无）", id.label(), expected));
			return null;
		}
		List<String> oldParents = this.queries.parents("PartyOrganization", "LEADS", id.code());
		if (oldParents.contains(parentId.code())) {
			work.invalid("parent", "%s 已在 %s 之下 / %s is under %s already".formatted(work.name(node), work.name(parent),
					id.code(), parentId.code()));
			return null;
		}
		work.affect(oldParents);
		work.affect(parentId.code());
		work.result = id;
		work.summary = "将 %s 调整到 %s 之下".formatted(work.name(node), work.name(parent));
		onAreaRules(work, Work.path("parent"));
		work.ruleFields.put("PARENT", Work.path("parent"));
		return () -> this.queries.moveUnder("PartyOrganization", "LEADS", id.code(), parentId.code(), on);
	}

	/**
	 * Whether the two organizations lie in the same community is not checked here on purpose: the
	 * invariants after the writes refuse a branch covering another community's grids, and the
	 * whole merge rolls back.
	 */
	Runnable merge(Work work) {
		GlobalId fromId = work.id("from", ORGANIZATIONS);
		GlobalId intoId = work.id("into", ORGANIZATIONS);
		if (fromId != null && fromId.equals(intoId)) {
			work.invalid("into", "不能把组织合并到其自身 / An organization cannot merge into itself");
			return null;
		}
		// Locks in code order, so that two merges of the same pair cannot deadlock.
		boolean fromFirst = fromId == null || intoId == null || fromId.code().compareTo(intoId.code()) < 0;
		Node from = fromFirst ? work.lock(fromId, "from", "fromVersion") : null;
		Node into = work.lock(intoId, "into", "intoVersion");
		if (!fromFirst) {
			from = work.lock(fromId, "from", "fromVersion");
		}
		LocalDate on = work.on();
		notEnded(work, from, "from");
		notEnded(work, into, "into");
		if (work.failed()) {
			return null;
		}
		if (!fromId.label().equals(intoId.label())) {
			work.invalid("into", "只能合并同类组织（%s 与 %s） / Only organizations of the same kind merge (%s and %s)".formatted(
					chinese(fromId.label()), chinese(intoId.label()), fromId.label(), intoId.label()));
			return null;
		}
		work.affect(neighbours(fromId.label(), fromId.code()));
		work.result = intoId;
		work.summary = "合并 %s 到 %s".formatted(work.name(from), work.name(into));
		onAreaRules(work, Work.path("into"));
		work.ruleFields.put("PARENT", Work.path("into"));
		work.ruleFields.put("ONE_MEMBERSHIP", Work.path("into"));
		work.field = Work.path("into");
		String coverage = coverageType(fromId.label());
		String membership = membershipType(fromId.label());
		Map<String, Object> parameters = params("from", fromId.code(), "into", intoId.code(), "on", on, "change",
				work.changeId);
		return () -> {
			// Members, coverage, children and co-building units move: the old relationship ends, a
			// new one starts on the day, unless the other organization has it already.
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
					MATCH (p)-[m:%1$s WHERE m.until IS NULL]->(f)
					SET m.until = $on
					WITH i, p, m
					CALL (i, p, m) {
					  WITH i, p, m WHERE NOT EXISTS { (p)-[x:%1$s WHERE x.until IS NULL]->(i) }
					  CREATE (p)-[n:%1$s {since: $on}]->(i)
					  SET n.status = m.status
					}
					""".formatted(membership), parameters);
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
					MATCH (u)-[c:CO_BUILDS WHERE c.until IS NULL]->(f)
					SET c.until = $on
					WITH i, u
					CALL (i, u) {
					  WITH i, u WHERE NOT EXISTS { (u)-[x:CO_BUILDS WHERE x.until IS NULL]->(i) }
					  CREATE (u)-[:CO_BUILDS {since: $on}]->(i)
					}
					""", parameters);
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
					MATCH (f)-[c:%1$s WHERE c.until IS NULL]->(a)
					SET c.until = $on
					WITH i, a
					CALL (i, a) {
					  WITH i, a WHERE NOT EXISTS { (i)-[x:%1$s WHERE x.until IS NULL]->(a) }
					  CREATE (i)-[:%1$s {since: $on}]->(a)
					}
					""".formatted(coverage), parameters);
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from}), (i:PartyOrganization {code: $into})
					MATCH (f)-[l:LEADS WHERE l.until IS NULL]->(c)
					SET l.until = $on
					CREATE (i)-[:LEADS {since: $on}]->(c)
					""", parameters);
			// Its posts and its place in the tree end with it (restoreOrganization brings them back).
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from})
					OPTIONAL MATCH (f)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-()
					SET r.until = $on, r.endedBy = $change
					SET f.until = $on, f.endedBy = $change, f.mergedInto = $into
					""", parameters);
		};
	}

	Runnable split(Work work) {
		GlobalId id = work.id("id", ORGANIZATIONS);
		Node node = work.lock(id, "id", "version");
		String code = work.newCode("code");
		String name = work.name("name");
		LocalDate on = work.on();
		notEnded(work, node, "id");
		if (work.failed()) {
			return null;
		}
		String label = id.label();
		String coverage = coverageType(label);
		String membership = membershipType(label);
		List<GlobalId> areas = work.ids("areas", Set.of(areaLabel(label)));
		List<GlobalId> members = work.ids("members", Set.of("Person"));
		List<GlobalId> children = work.ids("children", ORGANIZATIONS);
		Map<String, Object> current = this.queries.read("""
				MATCH (o:PartyOrganization {code: $code})
				RETURN [(o)-[r:%s WHERE r.until IS NULL]->(a) | a.code] AS areas,
				       [(p)-[r:%s WHERE r.until IS NULL]->(o) | p.code] AS members,
				       [(o)-[r:LEADS WHERE r.until IS NULL]->(c:PartyOrganization) | c.code] AS children,
				       [(p:PartyOrganization)-[r:LEADS WHERE r.until IS NULL]->(o) | p.code] AS parents
				""".formatted(coverage, membership), params("code", id.code())).iterator().next();
		mustBeIn(work, "areas", areas, strings(current.get("areas")), "%s 当前未覆盖 %s / %s does not cover %s");
		mustBeIn(work, "members", members, strings(current.get("members")), "%s 当前没有成员 %s / %s has no member %s");
		mustBeIn(work, "children", children, strings(current.get("children")),
				"%s 当前不领导 %s / %s does not lead %s");
		if (work.failed()) {
			return null;
		}
		List<String> parents = strings(current.get("parents"));
		work.affect(parents);
		List<String> areaCodes = areas.stream().map(GlobalId::code).toList();
		List<String> memberCodes = members.stream().map(GlobalId::code).toList();
		List<String> childCodes = children.stream().map(GlobalId::code).toList();
		work.affect(areaCodes);
		work.affect(memberCodes);
		work.affect(childCodes);
		work.created.add(code);
		work.result = new GlobalId(label, code);
		work.summary = "从 %s 分设 %s".formatted(work.name(node), name);
		onAreaRules(work, Work.path("areas"));
		work.ruleFields.put("GROUP_BUILDINGS", Work.path("children"));
		Map<String, Object> parameters = params("from", id.code(), "code", code, "name", name, "on", on, "areas",
				areaCodes, "members", memberCodes, "children", childCodes, "parents", parents);
		return () -> {
			this.queries.write("""
					CREATE (n:`%s`:PartyOrganization {code: $code, name: $name})
					WITH n
					UNWIND $parents AS parentCode
					MATCH (p:PartyOrganization {code: parentCode})
					CREATE (p)-[:LEADS {since: $on}]->(n)
					""".formatted(label), parameters);
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from}), (n:PartyOrganization {code: $code})
					MATCH (f)-[c:%1$s WHERE c.until IS NULL]->(a) WHERE a.code IN $areas
					SET c.until = $on
					CREATE (n)-[:%1$s {since: $on}]->(a)
					""".formatted(coverage), parameters);
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from}), (n:PartyOrganization {code: $code})
					MATCH (p:Person)-[m:%1$s WHERE m.until IS NULL]->(f) WHERE p.code IN $members
					SET m.until = $on
					CREATE (p)-[x:%1$s {since: $on}]->(n)
					SET x.status = m.status
					""".formatted(membership), parameters);
			this.queries.write("""
					MATCH (f:PartyOrganization {code: $from}), (n:PartyOrganization {code: $code})
					MATCH (f)-[l:LEADS WHERE l.until IS NULL]->(c) WHERE c.code IN $children
					SET l.until = $on
					CREATE (n)-[:LEADS {since: $on}]->(c)
					""", parameters);
		};
	}

	/** Each listed id must be among the current ones; an error names its index in the list. */
	private static void mustBeIn(Work work, String field, List<GlobalId> ids, List<String> current, String message) {
		Object raw = work.raw(field);
		List<?> given = (raw instanceof List<?> list) ? list : List.of();
		for (int i = 0; i < given.size(); i++) {
			String value = String.valueOf(given.get(i));
			String code = value.substring(value.indexOf(':') + 1);
			boolean valid = ids.stream().anyMatch(id -> id.code().equals(code));
			if (valid && !current.contains(code)) {
				Object organization = work.input.get("id");
				work.error(UserErrorCode.VALIDATION, Work.path(field, Integer.toString(i)),
						message.formatted(organization, value, organization, value));
			}
		}
	}

	Runnable dissolve(Work work) {
		GlobalId id = work.id("id", ORGANIZATIONS);
		Node node = work.lock(id, "id", "version");
		LocalDate on = work.on();
		notEnded(work, node, "id");
		if (work.failed()) {
			return null;
		}
		Map<String, Object> counts = this.queries.read("""
				MATCH (o:PartyOrganization {code: $code})
				RETURN COUNT { (o)-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization) } AS children,
				       COUNT { (o)<-[m:MEMBER_OF|IN_GROUP WHERE m.until IS NULL]-(:Person) } AS members
				""", params("code", id.code())).iterator().next();
		if (((Number) counts.get("children")).longValue() > 0) {
			work.invalid("id", "%s 仍领导下级组织，请先调整或合并 / %s still leads organizations: transfer or merge them first"
				.formatted(work.name(node), id.code()));
		}
		if (((Number) counts.get("members")).longValue() > 0) {
			work.invalid("id", "%s 仍有党员，请先转移或合并 / %s still has members: move them or merge first"
				.formatted(work.name(node), id.code()));
		}
		if (work.failed()) {
			return null;
		}
		work.affect(neighbours(id.label(), id.code()));
		work.result = id;
		work.summary = "撤销 %s".formatted(work.name(node));
		return () -> this.queries.write("""
				MATCH (o:PartyOrganization {code: $code})
				OPTIONAL MATCH (o)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-()
				SET r.until = $on, r.endedBy = $change
				SET o.until = $on, o.endedBy = $change
				""", params("code", id.code(), "on", on, "change", work.changeId));
	}

	/** The most specific label, one of {@link GlobalId#LABELS} (so safe to splice into Cypher). */
	static String apiLabel(Object labels) {
		return strings(labels).stream().filter(GlobalId.LABELS::contains).findFirst().orElseThrow();
	}

	/** Relationship types restore may create again, spliced into Cypher only from this list. */
	private static final Set<String> RESTORABLE = Set.of("LEADS", "GOVERNS", "COVERS", "HOLDS", "MEMBER_OF", "IN_GROUP",
			"CO_BUILDS");

	Runnable restore(Work work) {
		GlobalId id = work.id("id", ORGANIZATIONS);
		Node node = work.lock(id, "id", "version");
		LocalDate on = work.on();
		if (work.failed()) {
			return null;
		}
		if (!Work.ended(node)) {
			work.invalid("id", "%s 未撤销，无需恢复 / %s has not ended".formatted(work.name(node), id.code()));
			return null;
		}
		Object until = node.get("until").asObject();
		if (until instanceof LocalDate ended && on.isBefore(ended)) {
			work.invalid("on", "恢复日期不能早于撤销日期 %s / Cannot restore before the day it ended, %s".formatted(ended, ended));
			return null;
		}
		List<Map<String, Object>> ended = new ArrayList<>(this.queries.read("""
				MATCH (o:PartyOrganization {code: $code})-[r]-(x)
				WHERE r.endedBy IS NOT NULL AND r.endedBy = o.endedBy
				RETURN type(r) AS type, startNode(r) = o AS out, x.code AS other, labels(x) AS labels,
				       x.until IS NOT NULL AS otherEnded, r.role AS role, r.title AS title, r.status AS status
				""", params("code", id.code())));
		for (Map<String, Object> relationship : ended) {
			if ("LEADS".equals(relationship.get("type")) && !(Boolean) relationship.get("out")
					&& (Boolean) relationship.get("otherEnded")) {
				work.invalid("id", "原上级组织 %s 已撤销，请先恢复它或调整 / The former parent %s has ended".formatted(
						relationship.get("other"), relationship.get("other")));
				return null;
			}
		}
		work.affect(ended.stream().map(row -> (String) row.get("other")).toList());
		work.result = id;
		work.summary = "恢复 %s".formatted(work.name(node));
		work.ruleFields.put("ONE_SECRETARY", Work.path("id"));
		return () -> {
			for (Map<String, Object> relationship : ended) {
				String type = (String) relationship.get("type");
				if (!RESTORABLE.contains(type)) {
					continue;
				}
				String pattern = (Boolean) relationship.get("out") ? "(o)-[r:%s {since: $on}]->(x)" : "(o)<-[r:%s {since: $on}]-(x)";
				this.queries.write("""
						MATCH (o:PartyOrganization {code: $code})
						MATCH (x:`%s` {code: $other})
						CREATE %s
						SET r.role = $role, r.title = $title, r.status = $status
						""".formatted(apiLabel(relationship.get("labels")), pattern.formatted(type)),
						params("code", id.code(), "other", relationship.get("other"), "on", on, "role", relationship.get("role"), "title",
								relationship.get("title"), "status", relationship.get("status")));
			}
			this.queries.write("""
					MATCH (o:PartyOrganization {code: $code})
					REMOVE o.until, o.endedBy, o.mergedInto
					""", params("code", id.code()));
		};
	}

}
