package org.partynet.change;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.neo4j.driver.types.Node;
import org.partynet.change.Inputs.CreateAreaInput;
import org.partynet.change.Inputs.TransferAreaInput;
import org.partynet.change.Inputs.UpdateAreaInput;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.GlobalId;
import org.partynet.model.AreaKind;

import org.springframework.stereotype.Component;

/**
 * Changes to areas: a new area inside its parent (district → street → community → grid →
 * building; commercial buildings and markets lie in grids, as in the sample), and
 * renaming.
 */
@Component
class AreaChangeQueries {

	// %s are the parent's label and the new area's, from the model
	private static final Statement CREATE = Statement.write("change.area.create", """
			MATCH (p:`%s` {code: $parent})
			CREATE (p)-[:HAS {since: $on}]->(:`%s`:Area {code: $code, name: $name})
			""");

	private static final Statement RENAME = Statement.write("change.area.rename",
			"MATCH (a:Area {code: $code}) SET a.name = $name");

	private final MutationQueries queries;

	AreaChangeQueries(MutationQueries queries) {
		this.queries = queries;
	}

	/**
	 * The label of the area a new area of this kind lies in; {@code null} for a district.
	 */
	static String parentLabel(AreaKind kind) {
		return (kind.parent() != null) ? kind.parent().label() : null;
	}

	Runnable create(Work work, CreateAreaInput input) {
		AreaKind kind = input.kind();
		if (kind == null || kind == AreaKind.DISTRICT) {
			work.invalid("kind",
					"只能新建街道、社区、网格、楼院、商务楼宇或商圈市场 / Only streets, communities, grids, buildings and commercial sites can be created");
			return null;
		}
		String code = work.newCode("code", input.code());
		String name = work.name("name", input.name());
		String parentLabel = parentLabel(kind);
		GlobalId parentId = work.id("parent", input.parent(), Set.of(parentLabel));
		Node parent = work.require(parentId, "parent");
		LocalDate on = work.on(input.on());
		if (work.failed()) {
			return null;
		}
		String label = kind.label();
		work.created.add(code);
		work.affect(parentId.code());
		work.result = new GlobalId(label, code);
		work.summary = "新建%s %s（位于 %s）".formatted(kind.chinese(), name, work.name(parent));
		work.field = Work.path("parent");
		return () -> this.queries.write(CREATE.formatted(parentLabel, label),
				Graph.parameters("parent", parentId.code(), "code", code, "name", name, "on", on));
	}

	/**
	 * 网格重新划分: the area moves under a new parent of the kind its own kind lies in. Whether
	 * the organizations covering it may keep it is left to the invariants after the
	 * writes (a branch covering a grid of another community refuses the whole change).
	 */
	Runnable transfer(Work work, TransferAreaInput input) {
		GlobalId id = work.id("id", input.id(), AreaKind.LABELS);
		Node node = work.lock(id, "id", "version", input.version());
		if (work.failed()) {
			return null;
		}
		AreaKind kind = AreaKind.fromLabels(node.labels());
		String parentLabel = parentLabel(kind);
		if (parentLabel == null) {
			work.invalid("id", "区不能调整上级 / A district has no parent area to move under");
			return null;
		}
		GlobalId parentId = work.id("parent", input.parent(), Set.of(parentLabel));
		Node parent = work.lockOther(parentId, "parent");
		LocalDate on = work.on(input.on());
		if (work.failed()) {
			return null;
		}
		Runnable move = work.moveUnder("Area", "HAS", id, node, parentId, parent, on,
				"%s 已在 %s 之内 / %s lies in %s already");
		work.summary = "将%s %s 划入 %s".formatted(kind.chinese(), work.name(node), work.name(parent));
		for (String rule : List.of("GRID_COMMUNITY", "BRANCH_GRIDS", "GROUP_BUILDINGS")) {
			work.ruleFields.put(rule, Work.path("parent"));
		}
		return move;
	}

	Runnable update(Work work, UpdateAreaInput input) {
		GlobalId id = work.id("id", input.id(), AreaKind.LABELS);
		Node node = work.lock(id, "id", "version", input.version());
		String name = work.name("name", input.name());
		if (work.failed()) {
			return null;
		}
		work.result = id;
		work.summary = "更名 %s 为 %s".formatted(work.name(node), name);
		return () -> this.queries.write(RENAME, Graph.parameters("code", id.code(), "name", name));
	}

}
