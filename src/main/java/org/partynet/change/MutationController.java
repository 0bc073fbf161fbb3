package org.partynet.change;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.partynet.area.Area;
import org.partynet.change.Inputs.AssignRoleInput;
import org.partynet.change.Inputs.CoverageInput;
import org.partynet.change.Inputs.CreateAreaInput;
import org.partynet.change.Inputs.CreateOrganizationInput;
import org.partynet.change.Inputs.CreatePersonInput;
import org.partynet.change.Inputs.EndMembershipInput;
import org.partynet.change.Inputs.EndOrganizationInput;
import org.partynet.change.Inputs.EndRoleInput;
import org.partynet.change.Inputs.LinkInput;
import org.partynet.change.Inputs.MembershipInput;
import org.partynet.change.Inputs.MergeOrganizationsInput;
import org.partynet.change.Inputs.SplitOrganizationInput;
import org.partynet.change.Inputs.TransferAreaInput;
import org.partynet.change.Inputs.TransferOrganizationInput;
import org.partynet.change.Inputs.UpdateAreaInput;
import org.partynet.change.Inputs.UpdateOrganizationInput;
import org.partynet.change.Inputs.UpdatePersonInput;
import org.partynet.graphql.Identified;
import org.partynet.model.Operation;
import org.partynet.organization.Organization;
import org.partynet.person.Person;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The {@code Mutation} type: each mutation is one write transaction through
 * {@link Changes}; only the organization department (ORG_DEPT) may change the network,
 * which the class-level check applies to every mutation. Each input binds to its record
 * ({@link Inputs}), which the handler reads; the audit record keeps the input as given,
 * from the environment.
 */
@Controller
@PreAuthorize("hasRole('ORG_DEPT')")
class MutationController {

	private final Changes changes;

	private final AreaChangeQueries areas;

	private final OrganizationChangeQueries organizations;

	private final OrganizationRestructuringQueries restructuring;

	private final PersonChangeQueries people;

	private final LinkChangeQueries links;

	MutationController(Changes changes, AreaChangeQueries areas, OrganizationChangeQueries organizations,
			OrganizationRestructuringQueries restructuring, PersonChangeQueries people, LinkChangeQueries links) {
		this.changes = changes;
		this.areas = areas;
		this.organizations = organizations;
		this.restructuring = restructuring;
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

	private Changes.Outcome run(Operation operation, DataFetchingEnvironment environment,
			Function<Work, Runnable> plan) {
		Map<String, Object> given = environment.getArgument("input");
		return this.changes.run(operation.key(), given, plan);
	}

	private AreaPayload area(Operation operation, DataFetchingEnvironment environment, Function<Work, Runnable> plan) {
		Changes.Outcome outcome = run(operation, environment, plan);
		return new AreaPayload((Area) outcome.result(), outcome.changeId(), outcome.errors());
	}

	private OrganizationPayload organization(Operation operation, DataFetchingEnvironment environment,
			Function<Work, Runnable> plan) {
		Changes.Outcome outcome = run(operation, environment, plan);
		return new OrganizationPayload((Organization) outcome.result(), outcome.changeId(), outcome.errors());
	}

	private PersonPayload person(Operation operation, DataFetchingEnvironment environment,
			Function<Work, Runnable> plan) {
		Changes.Outcome outcome = run(operation, environment, plan);
		return new PersonPayload((Person) outcome.result(), outcome.changeId(), outcome.errors());
	}

	private LinkPayload link(Operation operation, DataFetchingEnvironment environment, Function<Work, Runnable> plan) {
		Changes.Outcome outcome = run(operation, environment, plan);
		return new LinkPayload(outcome.result(), outcome.other(), outcome.changeId(), outcome.errors());
	}

	@MutationMapping
	AreaPayload createArea(@Argument CreateAreaInput input, DataFetchingEnvironment environment) {
		return area(Operation.CREATE_AREA, environment, work -> this.areas.create(work, input));
	}

	@MutationMapping
	AreaPayload updateArea(@Argument UpdateAreaInput input, DataFetchingEnvironment environment) {
		return area(Operation.UPDATE_AREA, environment, work -> this.areas.update(work, input));
	}

	@MutationMapping
	AreaPayload transferArea(@Argument TransferAreaInput input, DataFetchingEnvironment environment) {
		return area(Operation.TRANSFER_AREA, environment, work -> this.areas.transfer(work, input));
	}

	@MutationMapping
	OrganizationPayload createOrganization(@Argument CreateOrganizationInput input,
			DataFetchingEnvironment environment) {
		return organization(Operation.CREATE_ORGANIZATION, environment, work -> this.organizations.create(work, input));
	}

	@MutationMapping
	OrganizationPayload updateOrganization(@Argument UpdateOrganizationInput input,
			DataFetchingEnvironment environment) {
		return organization(Operation.UPDATE_ORGANIZATION, environment, work -> this.organizations.update(work, input));
	}

	@MutationMapping
	PersonPayload createPerson(@Argument CreatePersonInput input, DataFetchingEnvironment environment) {
		return person(Operation.CREATE_PERSON, environment, work -> this.people.create(work, input));
	}

	@MutationMapping
	PersonPayload updatePerson(@Argument UpdatePersonInput input, DataFetchingEnvironment environment) {
		return person(Operation.UPDATE_PERSON, environment, work -> this.people.update(work, input));
	}

	@MutationMapping
	PersonPayload assignRole(@Argument AssignRoleInput input, DataFetchingEnvironment environment) {
		return person(Operation.ASSIGN_ROLE, environment, work -> this.people.role(work, input, true));
	}

	@MutationMapping
	PersonPayload endRole(@Argument EndRoleInput input, DataFetchingEnvironment environment) {
		return person(Operation.END_ROLE, environment, work -> this.people.role(work, input.asRole(), false));
	}

	@MutationMapping
	OrganizationPayload addCoverage(@Argument CoverageInput input, DataFetchingEnvironment environment) {
		return organization(Operation.ADD_COVERAGE, environment,
				work -> this.organizations.coverage(work, input, true));
	}

	@MutationMapping
	OrganizationPayload endCoverage(@Argument CoverageInput input, DataFetchingEnvironment environment) {
		return organization(Operation.END_COVERAGE, environment,
				work -> this.organizations.coverage(work, input, false));
	}

	@MutationMapping
	PersonPayload addMembership(@Argument MembershipInput input, DataFetchingEnvironment environment) {
		return person(Operation.ADD_MEMBERSHIP, environment, work -> this.people.membership(work, input, true));
	}

	@MutationMapping
	PersonPayload endMembership(@Argument EndMembershipInput input, DataFetchingEnvironment environment) {
		return person(Operation.END_MEMBERSHIP, environment,
				work -> this.people.membership(work, input.asMembership(), false));
	}

	@MutationMapping
	LinkPayload addLink(@Argument LinkInput input, DataFetchingEnvironment environment) {
		return link(Operation.ADD_LINK, environment, work -> this.links.link(work, input, true));
	}

	@MutationMapping
	LinkPayload endLink(@Argument LinkInput input, DataFetchingEnvironment environment) {
		return link(Operation.END_LINK, environment, work -> this.links.link(work, input, false));
	}

	@MutationMapping
	OrganizationPayload transferOrganization(@Argument TransferOrganizationInput input,
			DataFetchingEnvironment environment) {
		return organization(Operation.TRANSFER_ORGANIZATION, environment,
				work -> this.restructuring.transfer(work, input));
	}

	@MutationMapping
	OrganizationPayload mergeOrganizations(@Argument MergeOrganizationsInput input,
			DataFetchingEnvironment environment) {
		return organization(Operation.MERGE_ORGANIZATIONS, environment, work -> this.restructuring.merge(work, input));
	}

	@MutationMapping
	OrganizationPayload splitOrganization(@Argument SplitOrganizationInput input, DataFetchingEnvironment environment) {
		return organization(Operation.SPLIT_ORGANIZATION, environment, work -> this.restructuring.split(work, input));
	}

	@MutationMapping
	OrganizationPayload dissolveOrganization(@Argument EndOrganizationInput input,
			DataFetchingEnvironment environment) {
		return organization(Operation.DISSOLVE_ORGANIZATION, environment,
				work -> this.restructuring.dissolve(work, input));
	}

	@MutationMapping
	OrganizationPayload restoreOrganization(@Argument EndOrganizationInput input, DataFetchingEnvironment environment) {
		return organization(Operation.RESTORE_ORGANIZATION, environment,
				work -> this.restructuring.restore(work, input));
	}

}
