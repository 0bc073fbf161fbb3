package org.partynet.organization;

import java.util.List;
import java.util.Map;

import org.partynet.area.Scope;
import org.partynet.graphql.Paging;
import org.partynet.model.OrganizationKind;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Organization} type: the party tree, batched per level. */
@Controller
class OrganizationController {

	private final OrganizationQueries queries;

	private final Scope scope;

	private final Paging paging;

	OrganizationController(OrganizationQueries queries, Scope scope, Paging paging) {
		this.queries = queries;
		this.scope = scope;
		this.paging = paging;
	}

	@QueryMapping
	Paging.Connection<Organization> organizations(@Argument OrganizationKind kind, @Argument String scope,
			@Argument String name, @Argument Integer first, @Argument String after) {
		int size = this.paging.first(first);
		String afterCode = this.paging.after(after);
		String nameFilter = this.paging.text("name", name);
		return this.queries.list(kind, this.scope.code(scope), nameFilter, size, afterCode);
	}

	@BatchMapping
	Map<Organization, List<Organization>> children(List<Organization> organizations) {
		return this.queries.children(organizations);
	}

	@BatchMapping
	Map<Organization, Integer> childCount(List<Organization> organizations) {
		return this.queries.childCounts(organizations);
	}

	@BatchMapping
	Map<Organization, Organization> parent(List<Organization> organizations) {
		return this.queries.parents(organizations);
	}

	@BatchMapping
	Map<Organization, List<Organization>> ancestors(List<Organization> organizations) {
		return this.queries.ancestors(organizations);
	}

	@BatchMapping
	Map<Organization, OrganizationQueries.MemberCounts> members(List<Organization> organizations) {
		return this.queries.members(organizations);
	}

}
