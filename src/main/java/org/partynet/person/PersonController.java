package org.partynet.person;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partynet.area.Area;
import org.partynet.organization.Organization;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code Person} type, and the people of organizations and areas; batched per level.
 */
@Controller
class PersonController {

	private final PersonQueries queries;

	PersonController(PersonQueries queries) {
		this.queries = queries;
	}

	@BatchMapping
	Map<Person, List<Role>> roles(List<Person> people) {
		return this.queries.roles(people);
	}

	@BatchMapping
	Map<Person, PartyStatus> partyStatus(List<Person> people) {
		return this.queries.partyStatus(people);
	}

	@BatchMapping(typeName = "Organization")
	Map<Organization, Person> secretary(List<Organization> organizations) {
		Map<Organization, List<Post>> posts = this.queries.secretaries(organizations);
		Map<Organization, Person> secretaries = new LinkedHashMap<>();
		posts.forEach((organization, list) -> {
			if (!list.isEmpty()) {
				secretaries.put(organization, list.get(0).person());
			}
		});
		return secretaries;
	}

	@BatchMapping(typeName = "Organization")
	Map<Organization, List<Post>> posts(List<Organization> organizations) {
		return this.queries.posts(organizations);
	}

	@BatchMapping(typeName = "Organization")
	Map<Organization, List<Person>> buildingHeads(List<Organization> organizations) {
		return this.queries.buildingHeads(organizations);
	}

	@BatchMapping(typeName = "Area")
	Map<Area, Person> head(List<Area> areas) {
		return this.queries.heads(areas);
	}

	@BatchMapping(typeName = "Area")
	Map<Area, List<Person>> gridWorkers(List<Area> areas) {
		return this.queries.gridWorkers(areas);
	}

	@BatchMapping(typeName = "Area")
	Map<Area, List<Person>> instructors(List<Area> areas) {
		return this.queries.instructors(areas);
	}

}
