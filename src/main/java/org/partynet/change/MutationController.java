package org.partynet.change;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.partynet.area.Area;
import org.partynet.graphql.Identified;
import org.partynet.organization.Organization;
import org.partynet.person.Person;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The {@code Mutation} type: each mutation is one write transaction through {@link Changes}; only
 * the organization department (ORG_DEPT) may change the network, which the class-level check
 * applies to every mutation.
 */
@Controller
@PreAuthorize("hasRole('ORG_DEPT')")
class MutationController {

	private final Changes changes;

	private final AreaChangeQueries areas;

	private final OrganizationChangeQueries organizations;

	private final PersonChangeQueries people;

	private final LinkChangeQueries links;

	MutationController(Changes changes, AreaChangeQueries areas, OrganizationChangeQueries organizations,
			PersonChangeQueries people, LinkChangeQueries links) {
		this.changes = changes;
		this.areas = areas;
		this.organizations = organizations;
		this.people = people;
		this.links = links;
	}

	/** See {@code AreaPayload} in schema.graphqls. */
	record AreaPayload(Area area, String changeId, List<UserError> errors) {
	}

	/** See {@code OrganizationPayload} in schema.graphqls. */
	record OrganizationPayload(Organization organization, String changeId, List<UserError> errors) {
	}

	/** See {@code PersonPayload} in schema.graphqls. */
	record PersonPayload(Person person, String changeId, List<UserError> errors) {
	}

	/** See {@code LinkPayload} in schema.graphqls. */
	record LinkPayload(Identified from, Identified to, String changeId, List<UserError> errors) {
	}

	private AreaPayload area(String operation, Map<String, Object> input, Function<Work, Runnable> plan) {
		Changes.Outcome outcome = this.changes.run(operation, input, plan);
		return new AreaPayload((Area) outcome.result(), outcome.changeId(), outcome.errors());
	}

	private OrganizationPayload organization(String operation, Map<String, Object> input, Function<Work, Runnable> plan) {
		Changes.Outcome outcome = this.changes.run(operation, input, plan);
		return new OrganizationPayload((Organization) outcome.result(), outcome.changeId(), outcome.errors());
	}

	private PersonPayload person(String operation, Map<String, Object> input, Function<Work, Runnable> plan) {
		Changes.Outcome outcome = this.changes.run(operation, input, plan);
		return new PersonPayload((Person) outcome.result(), outcome.changeId(), outcome.errors());
	}

	@MutationMapping
	AreaPayload createArea(@Argument Map<String, Object> input) {
		return area("createArea", input, this.areas::create);
	}

	@MutationMapping
	AreaPayload updateArea(@Argument Map<String, Object> input) {
		return area("updateArea", input, this.areas::update);
	}

	@MutationMapping
	AreaPayload transferArea(@Argument Map<String, Object> input) {
		return area("transferArea", input, this.areas::transfer);
	}

	@MutationMapping
	OrganizationPayload createOrganization(@Argument Map<String, Object> input) {
		return organization("createOrganization", input, this.organizations::create);
	}

	@MutationMapping
	OrganizationPayload updateOrganization(@Argument Map<String, Object> input) {
		return organization("updateOrganization", input, this.organizations::update);
	}

	@MutationMapping
	PersonPayload createPerson(@Argument Map<String, Object> input) {
		return person("createPerson", input, this.people::create);
	}

	@MutationMapping
	PersonPayload updatePerson(@Argument Map<String, Object> input) {
		return person("updatePerson", input, this.people::update);
	}

	@MutationMapping
	PersonPayload assignRole(@Argument Map<String, Object> input) {
		return person("assignRole", input, work -> this.people.role(work, true));
	}

	@MutationMapping
	PersonPayload endRole(@Argument Map<String, Object> input) {
		return person("endRole", input, work -> this.people.role(work, false));
	}

	@MutationMapping
	OrganizationPayload addCoverage(@Argument Map<String, Object> input) {
		return organization("addCoverage", input, work -> this.organizations.coverage(work, true));
	}

	@MutationMapping
	OrganizationPayload endCoverage(@Argument Map<String, Object> input) {
		return organization("endCoverage", input, work -> this.organizations.coverage(work, false));
	}

	@MutationMapping
	PersonPayload addMembership(@Argument Map<String, Object> input) {
		return person("addMembership", input, work -> this.people.membership(work, true));
	}

	@MutationMapping
	PersonPayload endMembership(@Argument Map<String, Object> input) {
		return person("endMembership", input, work -> this.people.membership(work, false));
	}

	@MutationMapping
	LinkPayload addLink(@Argument Map<String, Object> input) {
		return link("addLink", input, true);
	}

	@MutationMapping
	LinkPayload endLink(@Argument Map<String, Object> input) {
		return link("endLink", input, false);
	}

	private LinkPayload link(String operation, Map<String, Object> input, boolean add) {
		Changes.Outcome outcome = this.changes.run(operation, input, work -> this.links.link(work, add));
		return new LinkPayload(outcome.result(), outcome.other(), outcome.changeId(), outcome.errors());
	}

	@MutationMapping
	OrganizationPayload transferOrganization(@Argument Map<String, Object> input) {
		return organization("transferOrganization", input, this.organizations::transfer);
	}

	@MutationMapping
	OrganizationPayload mergeOrganizations(@Argument Map<String, Object> input) {
		return organization("mergeOrganizations", input, this.organizations::merge);
	}

	@MutationMapping
	OrganizationPayload splitOrganization(@Argument Map<String, Object> input) {
		return organization("splitOrganization", input, this.organizations::split);
	}

	@MutationMapping
	OrganizationPayload dissolveOrganization(@Argument Map<String, Object> input) {
		return organization("dissolveOrganization", input, this.organizations::dissolve);
	}

	@MutationMapping
	OrganizationPayload restoreOrganization(@Argument Map<String, Object> input) {
		return organization("restoreOrganization", input, this.organizations::restore);
	}

}
