package org.partynet.change;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.types.Node;
import org.partynet.change.Inputs.CoverageInput;
import org.partynet.change.Inputs.CreateOrganizationInput;
import org.partynet.change.Inputs.UpdateOrganizationInput;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.GlobalId;
import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;

import org.springframework.stereotype.Component;

/**
 * The everyday changes to party organizations: create, update (改名, 换届) and coverage. The
 * organization changes (组织变动) that restructure the tree are
 * {@link OrganizationRestructuringQueries}. Relationships end with {@code until} and are
 * never deleted, so that every report can still be asked as of an earlier day.
 */
@Component
class OrganizationChangeQueries {

	// %s is the kind's label, from the model
	private static final Statement CREATE = Statement.write("change.organization.create",
			"CREATE (:`%s`:PartyOrganization {code: $code, name: $name})");

	private static final Statement LEAD = Statement.write("change.organization.lead", """
			MATCH (p:PartyOrganization {code: $parent}), (o:PartyOrganization {code: $code})
			CREATE (p)-[:LEADS {since: $on}]->(o)
			""");

	// %s is the kind's area relationship (GOVERNS or COVERS), from the model, here and
	// below
	private static final Statement COVER_ALL = Statement.write("change.organization.coverAll", """
			MATCH (o:PartyOrganization {code: $code})
			UNWIND $areas AS areaCode
			MATCH (a:Area {code: areaCode})
			CREATE (o)-[:%s {since: $on}]->(a)
			""");

	private static final Statement UPDATE = Statement.write("change.organization.update", """
			MATCH (o:PartyOrganization {code: $code})
			SET o.name = coalesce($name, o.name), o.electedOn = coalesce($electedOn, o.electedOn)
			""");

	private static final Statement COVERS = Statement.write("change.organization.covers", """
			MATCH (:PartyOrganization {code: $code})-[r:%s WHERE r.until IS NULL]->(:Area {code: $area}) RETURN r
			""");

	private static final Statement ADD_COVERAGE = Statement.write("change.organization.addCoverage", """
			MATCH (o:PartyOrganization {code: $code}), (a:Area {code: $area})
			CREATE (o)-[:%s {since: $on}]->(a)
			""");

	private static final Statement END_COVERAGE = Statement.write("change.organization.endCoverage", """
			MATCH (:PartyOrganization {code: $code})-[r:%s WHERE r.until IS NULL]->(:Area {code: $area})
			SET r.until = $on
			""");

	private final MutationQueries queries;

	OrganizationChangeQueries(MutationQueries queries) {
		this.queries = queries;
	}

	Runnable create(Work work, CreateOrganizationInput input) {
		OrganizationKind kind = input.kind();
		if (kind == null) {
			work.invalid("kind", "未知的组织类型 / Unknown organization kind");
		}
		String code = work.newCode("code", input.code());
		String name = work.name("name", input.name());
		LocalDate on = work.on(input.on());
		if (kind == null) {
			return null;
		}
		String label = kind.label();
		OrganizationKind parentKind = kind.parent();
		GlobalId parentId = null;
		if (parentKind == null && input.parent() != null) {
			work.invalid("parent", "街道党工委没有上级组织 / A street working committee has no parent organization");
		}
		else if (parentKind != null && input.parent() == null) {
			work.invalid("parent", "%s 需要上级组织（%s） / A %s needs a parent organization (a %s)".formatted(kind.chinese(),
					parentKind.chinese(), label, parentKind.label()));
		}
		else if (parentKind != null) {
			parentId = work.id("parent", input.parent(), Set.of(parentKind.label()));
		}
		List<GlobalId> areas = work.ids("areas", input.areas(), Set.of(kind.area().label()));
		Node parent = work.require(parentId, "parent");
		work.notEnded(parent, "parent");
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
		work.summary = "新建 %s %s%s".formatted(kind.chinese(), name,
				(parent != null) ? "（上级 " + work.name(parent) + "）" : "");
		work.onAreaRules(Work.path("areas"));
		work.ruleFields.put("PARENT", Work.path("parent"));
		String parentCode = (parentId != null) ? parentId.code() : null;
		return () -> {
			this.queries.write(CREATE.formatted(label), Graph.parameters("code", code, "name", name));
			if (parent != null) {
				this.queries.write(LEAD, Graph.parameters("parent", parentCode, "code", code, "on", on));
			}
			this.queries.write(COVER_ALL.formatted(kind.areaRelationship()),
					Graph.parameters("code", code, "areas", areas.stream().map(GlobalId::code).toList(), "on", on));
		};
	}

	Runnable update(Work work, UpdateOrganizationInput input) {
		GlobalId id = work.id("id", input.id(), OrganizationKind.LABELS);
		Node node = work.lock(id, "id", "version", input.version());
		String name = work.optionalName("name", (input.name() != null) ? input.name().value() : null);
		LocalDate electedOn = work.day("electedOn", (input.electedOn() != null) ? input.electedOn().value() : null);
		work.notEnded(node, "id");
		if (work.failed()) {
			return null;
		}
		work.result = id;
		String old = work.name(node);
		work.summary = (name != null && !name.equals(old)) ? "更名 %s 为 %s".formatted(old, name) : "修改 %s".formatted(old);
		return () -> this.queries.write(UPDATE,
				Graph.parameters("code", id.code(), "name", name, "electedOn", electedOn));
	}

	Runnable coverage(Work work, CoverageInput input, boolean add) {
		GlobalId id = work.id("organization", input.organization(), OrganizationKind.LABELS);
		Node node = work.lock(id, "organization", "version", input.version());
		GlobalId areaId = work.id("area", input.area(), AreaKind.LABELS);
		Node area = work.lockOther(areaId, "area");
		LocalDate on = work.on(input.on());
		work.notEnded(node, "organization");
		if (work.failed()) {
			return null;
		}
		String type = OrganizationKind.ofLabel(id.label()).areaRelationship();
		Map<String, Object> parameters = Graph.parameters("code", id.code(), "area", areaId.code(), "on", on);
		boolean current = !this.queries.read(COVERS.formatted(type), parameters).isEmpty();
		if (add && current) {
			work.error(UserErrorCode.CONFLICT, Work.path("area"), "%s 已覆盖 %s / %s covers %s already"
				.formatted(work.name(node), work.name(area), id.code(), areaId.code()));
		}
		if (!add && !current) {
			work.invalid("area", "%s 当前未覆盖 %s / %s does not cover %s".formatted(work.name(node), work.name(area),
					id.code(), areaId.code()));
		}
		if (work.failed()) {
			return null;
		}
		work.affect(areaId.code());
		work.result = id;
		work.summary = (add ? "%s 增加覆盖 %s" : "%s 结束覆盖 %s").formatted(work.name(node), work.name(area));
		work.onAreaRules(Work.path("area"));
		return () -> this.queries.write((add ? ADD_COVERAGE : END_COVERAGE).formatted(type), parameters);
	}

}
