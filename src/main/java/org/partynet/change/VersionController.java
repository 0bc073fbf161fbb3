package org.partynet.change;

import java.util.List;
import java.util.Map;

import org.partynet.area.Area;
import org.partynet.organization.Organization;
import org.partynet.person.Person;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code version} of the types mutations check it on, for every reader; one statement per
 * level.
 */
@Controller
class VersionController {

	private final MutationQueries queries;

	VersionController(MutationQueries queries) {
		this.queries = queries;
	}

	@BatchMapping(typeName = "Organization", field = "version")
	Map<Organization, Integer> organizationVersions(List<Organization> organizations) {
		return this.queries.versions("PartyOrganization", organizations, Organization::code);
	}

	@BatchMapping(typeName = "Area", field = "version")
	Map<Area, Integer> areaVersions(List<Area> areas) {
		return this.queries.versions("Area", areas, Area::code);
	}

	@BatchMapping(typeName = "Person", field = "version")
	Map<Person, Integer> personVersions(List<Person> people) {
		return this.queries.versions("Person", people, Person::code);
	}

}
