package org.partynet.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.types.Node;
import org.partynet.change.Inputs.EndOrganizationInput;
import org.partynet.change.Inputs.MergeOrganizationsInput;
import org.partynet.change.Inputs.SplitOrganizationInput;
import org.partynet.change.Inputs.TransferOrganizationInput;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.GlobalId;
import org.partynet.model.OrganizationKind;

import org.springframework.stereotype.Component;

/**
 * The organization changes (组织变动) that restructure the tree: transfer, merge, split,
 * dissolve and restore. An ended organization carries {@code until} (and {@code endedBy},
 * the change that ended it) on the node and has no current relationship left, so no query
 * of the current network finds it; restore creates again what its change ended. The
 * statements of merge and split are {@link RestructuringStatements}.
 */
@Component
class OrganizationRestructuringQueries {

	private static final Statement NEIGHBOURS = Statement.write("change.organization.neighbours", """
			MATCH (o:PartyOrganization {code: $code})-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-(x)
			RETURN collect(DISTINCT x.code) AS codes
			""");

	private static final Statement UNDER = Statement.write("change.organization.under",
			"""
					MATCH (o:PartyOrganization {code: $code})(()-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization)){1,4}(p {code: $parent})
					RETURN p LIMIT 1
					""");

	private static final Statement HOLDINGS = Statement.write("change.organization.holdings", """
			MATCH (o:PartyOrganization {code: $code})
			RETURN COUNT { (o)-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization) } AS children,
			       COUNT { (o)<-[m:MEMBER_OF|IN_GROUP WHERE m.until IS NULL]-(:Person) } AS members
			""");

	private static final Statement DISSOLVE = Statement.write("change.organization.dissolve", """
			MATCH (o:PartyOrganization {code: $code})
			OPTIONAL MATCH (o)-[r WHERE r.until IS NULL AND type(r) <> 'AFFECTED']-()
			SET r.until = $on, r.endedBy = $change
			SET o.until = $on, o.endedBy = $change
			""");

	private static final Statement ENDED_WITH_IT = Statement.write("change.organization.endedWithIt", """
			MATCH (o:PartyOrganization {code: $code})-[r]-(x)
			WHERE r.endedBy IS NOT NULL AND r.endedBy = o.endedBy
			RETURN type(r) AS type, startNode(r) = o AS out, x.code AS other, labels(x) AS labels,
			       x.until IS NOT NULL AS otherEnded, r.role AS role, r.title AS title, r.status AS status
			""");

	// %s are the other end's label (of GlobalId.LABELS) and a type of RESTORABLE, never
	// input text
	private static final Statement RESTORE_OUT = Statement.write("change.organization.restoreOut", """
			MATCH (o:PartyOrganization {code: $code})
			MATCH (x:`%s` {code: $other})
			CREATE (o)-[r:%s {since: $on}]->(x)
			SET r.role = $role, r.title = $title, r.status = $status
			""");

	private static final Statement RESTORE_IN = Statement.write("change.organization.restoreIn", """
			MATCH (o:PartyOrganization {code: $code})
			MATCH (x:`%s` {code: $other})
			CREATE (o)<-[r:%s {since: $on}]-(x)
			SET r.role = $role, r.title = $title, r.status = $status
			""");

	private static final Statement UNEND = Statement.write("change.organization.unend", """
			MATCH (o:PartyOrganization {code: $code})
			REMOVE o.until, o.endedBy, o.mergedInto
			""");

	/**
	 * Relationship types restore may create again, spliced into Cypher only from this
	 * list.
	 */
	private static final Set<String> RESTORABLE = Set.of("LEADS", "GOVERNS", "COVERS", "HOLDS", "MEMBER_OF", "IN_GROUP",
			"CO_BUILDS");

	private final MutationQueries queries;

	OrganizationRestructuringQueries(MutationQueries queries) {
		this.queries = queries;
	}

	private List<String> neighbours(String code) {
		return this.queries.read(NEIGHBOURS, Graph.parameters("code", code))
			.stream()
			.findFirst()
			.map(row -> MutationQueries.strings(row.get("codes")))
			.orElse(List.of());
	}

	private static String chinese(String label) {
		return OrganizationKind.ofLabel(label).chinese();
	}

	Runnable transfer(Work work, TransferOrganizationInput input) {
		GlobalId id = work.id("id", input.id(), OrganizationKind.LABELS);
		Node node = work.lock(id, "id", "version", input.version());
		GlobalId parentId = work.id("parent", input.parent(), OrganizationKind.LABELS);
		Node parent = work.lockOther(parentId, "parent");
		LocalDate on = work.on(input.on());
		work.notEnded(node, "id");
		work.notEnded(parent, "parent");
		if (work.failed()) {
			return null;
		}
		boolean cycle = id.code().equals(parentId.code())
				|| !this.queries.read(UNDER, Graph.parameters("code", id.code(), "parent", parentId.code())).isEmpty();
		if (cycle) {
			work.invalid("parent",
					"不能把组织移到其自身或其下级组织之下 / An organization cannot move under itself or one of its descendants");
			return null;
		}
		OrganizationKind expected = OrganizationKind.ofLabel(id.label()).parent();
		if (expected == null || !parentId.label().equals(expected.label())) {
			work.invalid("parent",
					"%s 的上级应为%s / The parent of a %s must be a %s".formatted(chinese(id.label()),
							(expected != null) ? expected.chinese() : "（无）", id.label(),
							(expected != null) ? expected.label() : null));
			return null;
		}
		Runnable move = work.moveUnder("PartyOrganization", "LEADS", id, node, parentId, parent, on,
				"%s 已在 %s 之下 / %s is under %s already");
		work.summary = "将 %s 调整到 %s 之下".formatted(work.name(node), work.name(parent));
		work.onAreaRules(Work.path("parent"));
		work.ruleFields.put("PARENT", Work.path("parent"));
		return move;
	}

	/**
	 * Whether the two organizations lie in the same community is not checked here on
	 * purpose: the invariants after the writes refuse a branch covering another
	 * community's grids, and the whole merge rolls back.
	 */
	Runnable merge(Work work, MergeOrganizationsInput input) {
		GlobalId fromId = work.id("from", input.from(), OrganizationKind.LABELS);
		GlobalId intoId = work.id("into", input.into(), OrganizationKind.LABELS);
		if (fromId != null && fromId.equals(intoId)) {
			work.invalid("into", "不能把组织合并到其自身 / An organization cannot merge into itself");
			return null;
		}
		// Locks in code order, so that two merges of the same pair cannot deadlock.
		boolean fromFirst = fromId == null || intoId == null || fromId.code().compareTo(intoId.code()) < 0;
		Node from = fromFirst ? work.lock(fromId, "from", "fromVersion", input.fromVersion()) : null;
		Node into = work.lock(intoId, "into", "intoVersion", input.intoVersion());
		if (!fromFirst) {
			from = work.lock(fromId, "from", "fromVersion", input.fromVersion());
		}
		LocalDate on = work.on(input.on());
		work.notEnded(from, "from");
		work.notEnded(into, "into");
		if (work.failed()) {
			return null;
		}
		if (!fromId.label().equals(intoId.label())) {
			work.invalid("into", "只能合并同类组织（%s 与 %s） / Only organizations of the same kind merge (%s and %s)"
				.formatted(chinese(fromId.label()), chinese(intoId.label()), fromId.label(), intoId.label()));
			return null;
		}
		work.affect(neighbours(fromId.code()));
		work.result = intoId;
		work.summary = "合并 %s 到 %s".formatted(work.name(from), work.name(into));
		work.onAreaRules(Work.path("into"));
		work.ruleFields.put("PARENT", Work.path("into"));
		work.ruleFields.put("ONE_MEMBERSHIP", Work.path("into"));
		work.field = Work.path("into");
		OrganizationKind kind = OrganizationKind.ofLabel(fromId.label());
		Map<String, Object> parameters = Graph.parameters("from", fromId.code(), "into", intoId.code(), "on", on,
				"change", work.changeId);
		return () -> RestructuringStatements.merge(kind)
			.forEach(statement -> this.queries.write(statement, parameters));
	}

	Runnable split(Work work, SplitOrganizationInput input) {
		GlobalId id = work.id("id", input.id(), OrganizationKind.LABELS);
		Node node = work.lock(id, "id", "version", input.version());
		String code = work.newCode("code", input.code());
		String name = work.name("name", input.name());
		LocalDate on = work.on(input.on());
		work.notEnded(node, "id");
		if (work.failed()) {
			return null;
		}
		String label = id.label();
		OrganizationKind kind = OrganizationKind.ofLabel(label);
		List<GlobalId> areas = work.ids("areas", input.areas(), Set.of(kind.area().label()));
		List<GlobalId> members = work.ids("members", input.members(), Set.of("Person"));
		List<GlobalId> children = work.ids("children", input.children(), OrganizationKind.LABELS);
		Map<String, Object> current = this.queries
			.read(RestructuringStatements.current(kind), Graph.parameters("code", id.code()))
			.iterator()
			.next();
		mustBeIn(work, input, "areas", input.areas(), areas, current, "%s 当前未覆盖 %s / %s does not cover %s");
		mustBeIn(work, input, "members", input.members(), members, current, "%s 当前没有成员 %s / %s has no member %s");
		mustBeIn(work, input, "children", input.children(), children, current, "%s 当前不领导 %s / %s does not lead %s");
		if (work.failed()) {
			return null;
		}
		List<String> parents = MutationQueries.strings(current.get("parents"));
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
		work.onAreaRules(Work.path("areas"));
		work.ruleFields.put("GROUP_BUILDINGS", Work.path("children"));
		Map<String, Object> parameters = Graph.parameters("from", id.code(), "code", code, "name", name, "on", on,
				"areas", areaCodes, "members", memberCodes, "children", childCodes, "parents", parents);
		return () -> RestructuringStatements.split(kind)
			.forEach(statement -> this.queries.write(statement, parameters));
	}

	/**
	 * Each listed id must be among the current ones (the column of {@code current} named
	 * as the field); an error names its index in the list.
	 */
	private static void mustBeIn(Work work, SplitOrganizationInput input, String field, List<String> given,
			List<GlobalId> ids, Map<String, Object> current, String message) {
		List<String> codes = MutationQueries.strings(current.get(field));
		List<String> values = (given != null) ? given : List.of();
		for (int i = 0; i < values.size(); i++) {
			String value = String.valueOf(values.get(i));
			String code = value.substring(value.indexOf(':') + 1);
			boolean valid = ids.stream().anyMatch(id -> id.code().equals(code));
			if (valid && !codes.contains(code)) {
				work.error(UserErrorCode.VALIDATION, Work.path(field, Integer.toString(i)),
						message.formatted(input.id(), value, input.id(), value));
			}
		}
	}

	Runnable dissolve(Work work, EndOrganizationInput input) {
		GlobalId id = work.id("id", input.id(), OrganizationKind.LABELS);
		Node node = work.lock(id, "id", "version", input.version());
		LocalDate on = work.on(input.on());
		work.notEnded(node, "id");
		if (work.failed()) {
			return null;
		}
		Map<String, Object> counts = this.queries.read(HOLDINGS, Graph.parameters("code", id.code())).iterator().next();
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
		work.affect(neighbours(id.code()));
		work.result = id;
		work.summary = "撤销 %s".formatted(work.name(node));
		return () -> this.queries.write(DISSOLVE,
				Graph.parameters("code", id.code(), "on", on, "change", work.changeId));
	}

	/**
	 * The most specific label, one of {@link GlobalId#LABELS} (so safe to splice into
	 * Cypher).
	 */
	private static String apiLabel(Object labels) {
		return MutationQueries.strings(labels).stream().filter(GlobalId.LABELS::contains).findFirst().orElseThrow();
	}

	Runnable restore(Work work, EndOrganizationInput input) {
		GlobalId id = work.id("id", input.id(), OrganizationKind.LABELS);
		Node node = work.lock(id, "id", "version", input.version());
		LocalDate on = work.on(input.on());
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
		List<Map<String, Object>> ended = new ArrayList<>(
				this.queries.read(ENDED_WITH_IT, Graph.parameters("code", id.code())));
		for (Map<String, Object> relationship : ended) {
			if ("LEADS".equals(relationship.get("type")) && !(Boolean) relationship.get("out")
					&& (Boolean) relationship.get("otherEnded")) {
				work.invalid("id", "原上级组织 %s 已撤销，请先恢复它或调整 / The former parent %s has ended"
					.formatted(relationship.get("other"), relationship.get("other")));
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
				Statement restore = (Boolean) relationship.get("out") ? RESTORE_OUT : RESTORE_IN;
				this.queries.write(restore.formatted(apiLabel(relationship.get("labels")), type),
						Graph.parameters("code", id.code(), "other", relationship.get("other"), "on", on, "role",
								relationship.get("role"), "title", relationship.get("title"), "status",
								relationship.get("status")));
			}
			this.queries.write(UNEND, Graph.parameters("code", id.code()));
		};
	}

}
