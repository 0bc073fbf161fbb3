package org.partynet.person;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partynet.area.Area;
import org.partynet.graph.Batch;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.model.RoleKind;
import org.partynet.organization.Organization;
import org.partynet.unit.Unit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of people and their roles, one statement per level of a response. */
@Service
@Transactional(readOnly = true)
class PersonQueries {

	private static final Statement ROLES = Statement.personal("person.roles",
			"""
					UNWIND $codes AS code
					MATCH (:Person {code: code})-[r:HOLDS|MEMBER_OF|IN_GROUP|HEAD_OF|WORKS_FOR|INSTRUCTS|EMPLOYED_BY|REGISTERED_AT WHERE r.until IS NULL]->(x)
					RETURN code, type(r) AS type, r.role AS role, r.title AS title, r.status AS status, r.since AS since, x
					ORDER BY x.code
					""");

	private static final Statement PARTY_STATUS = Statement.personal("person.partyStatus", """
			UNWIND $codes AS code
			MATCH (:Person {code: code})-[m:MEMBER_OF WHERE m.until IS NULL]->(:PartyOrganization)
			RETURN code, m.status AS status
			""");

	private static final Statement POSTS = posts("person.posts", "");

	private static final Statement SECRETARIES = posts("person.secretaries", "AND h.role = 'SECRETARY'");

	/**
	 * The current posts of each organization of {@code $codes} that meet
	 * {@code condition}, in post order.
	 */
	private static Statement posts(String name, String condition) {
		return Statement.read(name,
				"""
						UNWIND $codes AS code
						MATCH (o:PartyOrganization {code: code})<-[h:HOLDS WHERE h.until IS NULL %s]-(p:Person)
						RETURN code, o, p, h.role AS role, h.title AS title, h.since AS since
						ORDER BY CASE h.role WHEN 'SECRETARY' THEN 0 WHEN 'DEPUTY_SECRETARY' THEN 1 WHEN 'COMMITTEE_MEMBER' THEN 2
						         WHEN 'PART_TIME_MEMBER' THEN 3 ELSE 4 END, p.code
						"""
					.formatted(condition));
	}

	// The subquery per organization keeps the planner on the code index (written as one
	// pattern, it scanned every organization's code for each one asked for).
	private static final Statement BUILDING_HEADS = Statement.read("person.buildingHeads",
			"""
					UNWIND $codes AS code
					MATCH (o:PartyOrganization {code: code})
					CALL (o) {
					  MATCH (o)-[r:GOVERNS|COVERS WHERE r.until IS NULL]->(top:Area)
					  MATCH (top)(()-[h:HAS WHERE h.until IS NULL]->()){0,4}(:Building)<-[hd:HEAD_OF WHERE hd.until IS NULL]-(p:Person)
					  RETURN DISTINCT p
					}
					RETURN code, p ORDER BY p.code
					""");

	private static final Statement HEAD = Statement.read("person.head", """
			UNWIND $codes AS code
			MATCH (:Building {code: code})<-[hd:HEAD_OF WHERE hd.until IS NULL]-(p:Person)
			RETURN code, p ORDER BY p.code
			""");

	private static final Statement GRID_WORKERS = Statement.read("person.gridWorkers", """
			UNWIND $codes AS code
			MATCH (:Grid {code: code})<-[w:WORKS_FOR WHERE w.until IS NULL]-(p:Person)
			RETURN code, p ORDER BY p.code
			""");

	private static final Statement INSTRUCTORS = Statement.read("person.instructors", """
			UNWIND $codes AS code
			MATCH (:Area {code: code})<-[i:INSTRUCTS WHERE i.until IS NULL]-(p:Person)
			RETURN code, p ORDER BY p.code
			""");

	private final Graph graph;

	PersonQueries(Graph graph) {
		this.graph = graph;
	}

	Map<Person, List<Role>> roles(Collection<Person> people) {
		Map<Person, List<Role>> roles = Batch.lists(this.graph, ROLES, people, Person::code, PersonQueries::role);
		return roles.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					entry -> entry.getValue().stream().sorted(Comparator.comparing(Role::kind)).toList(), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	Map<Person, PartyStatus> partyStatus(Collection<Person> people) {
		return Batch.singles(this.graph, PARTY_STATUS, people, Person::code,
				row -> PartyStatus.valueOf(row.get("status").asString()));
	}

	Map<Organization, List<Post>> posts(Collection<Organization> organizations) {
		return posts(organizations, POSTS);
	}

	Map<Organization, List<Post>> secretaries(Collection<Organization> organizations) {
		return posts(organizations, SECRETARIES);
	}

	private Map<Organization, List<Post>> posts(Collection<Organization> organizations, Statement statement) {
		return Batch.lists(this.graph, statement, organizations, Organization::code,
				row -> new Post(Person.from(row.get("p").asNode()), Organization.from(row.get("o").asNode()),
						RoleKind.valueOf(row.get("role").asString()), row.get("title").asString(""),
						date(row.get("since"))));
	}

	Map<Organization, List<Person>> buildingHeads(Collection<Organization> organizations) {
		return Batch.lists(this.graph, BUILDING_HEADS, organizations, Organization::code, PersonQueries::person);
	}

	Map<Area, Person> heads(Collection<Area> buildings) {
		return Batch.singles(this.graph, HEAD, buildings, Area::code, PersonQueries::person);
	}

	Map<Area, List<Person>> gridWorkers(Collection<Area> grids) {
		return Batch.lists(this.graph, GRID_WORKERS, grids, Area::code, PersonQueries::person);
	}

	Map<Area, List<Person>> instructors(Collection<Area> sites) {
		return Batch.lists(this.graph, INSTRUCTORS, sites, Area::code, PersonQueries::person);
	}

	private static Person person(Record row) {
		return Person.from(row.get("p").asNode());
	}

	private static Role role(Record row) {
		Node target = row.get("x").asNode();
		LocalDate since = date(row.get("since"));
		return switch (row.get("type").asString()) {
			case "HOLDS" -> new Role(RoleKind.valueOf(row.get("role").asString()), row.get("title").asString(""),
					Organization.from(target), null, null, since);
			case "MEMBER_OF" ->
				new Role(RoleKind.PARTY_MEMBER, "FULL".equals(row.get("status").asString(null)) ? "正式党员" : "预备党员",
						Organization.from(target), null, null, since);
			case "IN_GROUP" -> new Role(RoleKind.GROUP_MEMBER, RoleKind.GROUP_MEMBER.chinese(),
					Organization.from(target), null, null, since);
			case "HEAD_OF" -> new Role(RoleKind.BUILDING_HEAD, RoleKind.BUILDING_HEAD.chinese(), null,
					Area.from(target), null, since);
			case "WORKS_FOR" ->
				new Role(RoleKind.GRID_WORKER, RoleKind.GRID_WORKER.chinese(), null, Area.from(target), null, since);
			case "INSTRUCTS" ->
				new Role(RoleKind.INSTRUCTOR, RoleKind.INSTRUCTOR.chinese(), null, Area.from(target), null, since);
			case "EMPLOYED_BY" ->
				new Role(RoleKind.EMPLOYEE, row.get("title").asString("职工"), null, null, Unit.from(target), since);
			case "REGISTERED_AT" ->
				new Role(RoleKind.REGISTERED, RoleKind.REGISTERED.chinese(), null, Area.from(target), null, since);
			default -> throw new IllegalStateException("Unexpected relationship " + row.get("type"));
		};
	}

	private static LocalDate date(Value value) {
		return value.isNull() ? null : value.asLocalDate();
	}

}
