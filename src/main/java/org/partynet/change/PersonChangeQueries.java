package org.partynet.change;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.types.Node;
import org.partynet.change.Inputs.AssignRoleInput;
import org.partynet.change.Inputs.CreatePersonInput;
import org.partynet.change.Inputs.MembershipInput;
import org.partynet.change.Inputs.UpdatePersonInput;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.GlobalId;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RoleKind;

import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Component;

/**
 * Changes to people: plain fields, posts ({@code HOLDS}) and party membership
 * ({@code MEMBER_OF}, whose {@code status} is the party status, as the sample stores it).
 */
@Component
class PersonChangeQueries {

	/**
	 * Membership goes to branches and committees; building groups have IN_GROUP
	 * (addLink).
	 */
	private static final Set<String> MEMBERSHIP = Arrays.stream(OrganizationKind.values())
		.filter(kind -> "MEMBER_OF".equals(kind.membershipType()))
		.map(OrganizationKind::label)
		.collect(Collectors.toUnmodifiableSet());

	private static final Statement CREATE = Statement.write("change.person.create", """
			CREATE (p:Person {code: $code, name: $name})
			SET p.gender = $gender, p.phone = $phone, p.idNumber = $idNumber
			WITH p
			MATCH (o:PartyOrganization {code: $organization})
			CREATE (p)-[:MEMBER_OF {status: $status, since: $on}]->(o)
			""");

	private static final Statement MEMBER = Statement.write("change.person.member", """
			MATCH (:Person {code: $code})-[m:MEMBER_OF WHERE m.until IS NULL]->(:PartyOrganization) RETURN m
			""");

	private static final Statement UPDATE = Statement.write("change.person.update", """
			MATCH (p:Person {code: $code})
			SET p.name = coalesce($name, p.name), p.gender = coalesce($gender, p.gender),
			    p.phone = coalesce($phone, p.phone), p.idNumber = coalesce($idNumber, p.idNumber)
			WITH p
			MATCH (p)-[m:MEMBER_OF WHERE m.until IS NULL]->(:PartyOrganization)
			SET m.status = coalesce($status, m.status)
			""");

	private static final Statement HOLDS = Statement.write("change.person.holds",
			"""
					MATCH (:Person {code: $person})-[h:HOLDS WHERE h.until IS NULL AND h.role = $role]->(:PartyOrganization {code: $organization})
					RETURN h
					""");

	private static final Statement SECRETARY = Statement.write("change.person.secretary",
			"""
					MATCH (:PartyOrganization {code: $organization})<-[h:HOLDS WHERE h.until IS NULL AND h.role = 'SECRETARY']-(p)
					RETURN p
					""");

	private static final Statement ASSIGN = Statement.write("change.person.assign", """
			MATCH (p:Person {code: $person}), (o:PartyOrganization {code: $organization})
			CREATE (p)-[:HOLDS {role: $role, title: $title, since: $on}]->(o)
			""");

	private static final Statement END_ROLE = Statement.write("change.person.endRole",
			"""
					MATCH (:Person {code: $person})-[h:HOLDS WHERE h.until IS NULL AND h.role = $role]->(:PartyOrganization {code: $organization})
					SET h.until = $on
					""");

	private static final Statement MEMBERSHIP_NOW = Statement.write("change.person.membershipNow", """
			MATCH (:Person {code: $person})-[m:MEMBER_OF WHERE m.until IS NULL]->(o:PartyOrganization)
			RETURN o.code AS code, o.name AS name
			""");

	private static final Statement JOIN = Statement.write("change.person.join", """
			MATCH (p:Person {code: $person}), (o:PartyOrganization {code: $organization})
			CREATE (p)-[:MEMBER_OF {status: $status, since: $on}]->(o)
			""");

	private static final Statement LEAVE = Statement.write("change.person.leave",
			"""
					MATCH (:Person {code: $person})-[m:MEMBER_OF WHERE m.until IS NULL]->(:PartyOrganization {code: $organization})
					SET m.until = $on
					""");

	private final MutationQueries queries;

	PersonChangeQueries(MutationQueries queries) {
		this.queries = queries;
	}

	/** The party status given, by its enum name; a membership without one is full. */
	private static String status(String status) {
		return (status != null) ? status : "FULL";
	}

	/**
	 * An update's field: its value, {@code null} when absent or {@code null} (unchanged).
	 */
	private static <T> T unchanged(ArgumentValue<T> value) {
		return (value != null) ? value.value() : null;
	}

	Runnable create(Work work, CreatePersonInput input) {
		String code = work.newCode("code", input.code());
		String name = work.name("name", input.name());
		String gender = work.gender("gender", input.gender());
		String phone = work.phone("phone", input.phone());
		String idNumber = work.idNumber("idNumber", input.idNumber());
		GlobalId organizationId = (input.organization() != null)
				? work.id("organization", input.organization(), MEMBERSHIP) : null;
		Node organization = work.lockOther(organizationId, "organization");
		if (Work.ended(organization)) {
			work.invalid("organization", "该组织已撤销 / The organization has ended");
		}
		LocalDate on = work.on(input.on());
		if (work.failed()) {
			return null;
		}
		work.created.add(code);
		if (organizationId != null) {
			work.affect(organizationId.code());
		}
		work.result = new GlobalId("Person", code);
		work.summary = "新建人员 %s%s".formatted(name,
				(organization != null) ? "（" + work.name(organization) + " 党员）" : "");
		Map<String, Object> parameters = Graph.parameters("code", code, "name", name, "gender", gender, "phone", phone,
				"idNumber", idNumber, "organization", (organizationId != null) ? organizationId.code() : null, "status",
				status(input.partyStatus()), "on", on);
		return () -> this.queries.write(CREATE, parameters);
	}

	Runnable update(Work work, UpdatePersonInput input) {
		GlobalId id = work.id("id", input.id(), Set.of("Person"));
		Node node = work.lock(id, "id", "version", input.version());
		String name = work.optionalName("name", unchanged(input.name()));
		String gender = work.gender("gender", unchanged(input.gender()));
		String phone = work.phone("phone", unchanged(input.phone()));
		String idNumber = work.idNumber("idNumber", unchanged(input.idNumber()));
		String status = unchanged(input.partyStatus());
		if (work.failed()) {
			return null;
		}
		if (status != null && this.queries.read(MEMBER, Graph.parameters("code", id.code())).isEmpty()) {
			work.invalid("partyStatus",
					"%s 当前不是党员，不能修改党员状态 / %s is not a party member now".formatted(work.name(node), id.code()));
			return null;
		}
		work.result = id;
		work.summary = "修改人员 %s".formatted(work.name(node));
		return () -> this.queries.write(UPDATE, Graph.parameters("code", id.code(), "name", name, "gender", gender,
				"phone", phone, "idNumber", idNumber, "status", status));
	}

	Runnable role(Work work, AssignRoleInput input, boolean assign) {
		GlobalId id = work.id("person", input.person(), Set.of("Person"));
		Node person = work.lock(id, "person", "version", input.version());
		GlobalId organizationId = work.id("organization", input.organization(), OrganizationKind.LABELS);
		Node organization = work.lockOther(organizationId, "organization");
		String role = String.valueOf(input.role());
		String title = work.optionalText("title", input.title());
		LocalDate on = work.on(input.on());
		RoleKind post = RoleKind.post(role);
		if (post == null) {
			work.invalid("role",
					"职务应为书记、副书记、委员、兼职委员或党小组组长 / The post must be SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER, PART_TIME_MEMBER or GROUP_LEADER");
		}
		else if (organizationId != null
				&& ("GROUP_LEADER".equals(role) != "BuildingGroup".equals(organizationId.label()))) {
			work.invalid("role",
					"楼院党小组只设组长，组长只设在楼院党小组 / A building group has a leader, and only a building group has one");
		}
		if (assign && Work.ended(organization)) {
			work.invalid("organization", "该组织已撤销 / The organization has ended");
		}
		if (work.failed()) {
			return null;
		}
		Map<String, Object> parameters = Graph.parameters("person", id.code(), "organization", organizationId.code(),
				"role", role, "title", (title != null) ? title : post.chinese(), "on", on);
		boolean holds = !this.queries.read(HOLDS, parameters).isEmpty();
		if (assign && holds) {
			work.error(UserErrorCode.CONFLICT, Work.path("role"),
					"%s 已担任该职务 / %s holds this post already".formatted(work.name(person), id.code()));
		}
		if (!assign && !holds) {
			work.invalid("role", "%s 当前未在 %s 担任该职务 / %s does not hold this post in %s".formatted(work.name(person),
					work.name(organization), id.code(), organizationId.code()));
		}
		if (assign && "SECRETARY".equals(role) && !this.queries.read(SECRETARY, parameters).isEmpty()) {
			work.error(UserErrorCode.CONFLICT, Work.path("role"),
					"%s 已有书记，请先结束现任书记的职务 / %s has a secretary: end that post first".formatted(work.name(organization),
							organizationId.code()));
		}
		if (work.failed()) {
			return null;
		}
		work.affect(organizationId.code());
		work.result = id;
		work.summary = (assign ? "%s 任 %s %s" : "%s 不再担任 %s %s").formatted(work.name(person), work.name(organization),
				parameters.get("title"));
		work.ruleFields.put("ONE_SECRETARY", Work.path("role"));
		return () -> this.queries.write(assign ? ASSIGN : END_ROLE, parameters);
	}

	Runnable membership(Work work, MembershipInput input, boolean add) {
		GlobalId id = work.id("person", input.person(), Set.of("Person"));
		Node person = work.lock(id, "person", "version", input.version());
		GlobalId organizationId = work.id("organization", input.organization(), MEMBERSHIP);
		Node organization = work.lockOther(organizationId, "organization");
		LocalDate on = work.on(input.on());
		if (add && Work.ended(organization)) {
			work.invalid("organization", "该组织已撤销 / The organization has ended");
		}
		if (work.failed()) {
			return null;
		}
		Map<String, Object> parameters = Graph.parameters("person", id.code(), "organization", organizationId.code(),
				"status", status(input.partyStatus()), "on", on);
		var current = this.queries.read(MEMBERSHIP_NOW, parameters);
		if (add && !current.isEmpty()) {
			Object name = current.iterator().next().get("name");
			work.error(UserErrorCode.CONFLICT, Work.path("organization"),
					"%s 已是 %s 的党员，请先结束或转移组织关系 / %s is a member of %s already".formatted(work.name(person), name,
							id.code(), name));
		}
		if (!add && current.stream().noneMatch(row -> organizationId.code().equals(row.get("code")))) {
			work.invalid("organization", "%s 当前不是 %s 的党员 / %s is not a member of %s".formatted(work.name(person),
					work.name(organization), id.code(), organizationId.code()));
		}
		if (work.failed()) {
			return null;
		}
		work.affect(organizationId.code());
		work.result = id;
		work.summary = (add ? "%s 加入 %s" : "%s 离开 %s").formatted(work.name(person), work.name(organization));
		work.ruleFields.put("ONE_MEMBERSHIP", Work.path("organization"));
		return () -> this.queries.write(add ? JOIN : LEAVE, parameters);
	}

}
