package org.partynet.organization;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;

import org.partynet.graphql.Paging;
import org.partynet.model.OrganizationKind;
import org.partynet.scope.Scope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The {@code Organization} type: the party tree, batched per field, its children read
 * ahead as deep as the selection asks.
 */
@Controller
class OrganizationController {

	private static final String BELOW = OrganizationController.class.getName() + ".below";

	private final OrganizationQueries queries;

	private final Scope scope;

	private final Paging paging;

	OrganizationController(OrganizationQueries queries, Scope scope, Paging paging, BatchLoaderRegistry registry) {
		this.queries = queries;
		this.scope = scope;
		this.paging = paging;
		registry.<OrganizationQueries.Levels, List<Organization>>forName("organizationChildren")
			.registerMappedBatchLoader((keys, env) -> Mono
				.fromCallable(() -> this.queries.children(keys, below(env.<GraphQLContext>getContext()))));
	}

	@QueryMapping
	Paging.Connection<Organization> organizations(@Argument OrganizationKind kind, @Argument String scope,
			@Argument String name, @Argument Integer first, @Argument String after) {
		int size = this.paging.first(first);
		String afterCode = this.paging.after(after);
		String nameFilter = this.paging.text("name", name);
		return this.queries.list(kind, this.scope.code(scope), nameFilter, size, afterCode);
	}

	/**
	 * An org tree asks for {@code children} several levels deep: the first level's
	 * statement reads the levels its selection asks for below it too (up to
	 * {@link OrganizationQueries#MAX_LEVELS}), and the nested levels are answered from
	 * what it read, so a tree costs one statement for its children instead of one per
	 * level. Each row still passes the executor's confinement.
	 */
	@SchemaMapping
	CompletableFuture<List<Organization>> children(Organization organization, DataFetchingEnvironment env,
			DataLoader<OrganizationQueries.Levels, List<Organization>> organizationChildren) {
		List<Organization> known = below(env.getGraphQlContext()).get(organization.code());
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		return organizationChildren
			.load(new OrganizationQueries.Levels(organization, levelsAsked(env.getSelectionSet())));
	}

	/**
	 * How many levels of children a selection asks for: 1 for its own, and one per nested
	 * {@code children}.
	 */
	static int levelsAsked(DataFetchingFieldSelectionSet selection) {
		int levels = 1;
		String nested = "children";
		while (levels < OrganizationQueries.MAX_LEVELS && selection.contains(nested)) {
			levels++;
			nested += "/children";
		}
		return levels;
	}

	// The children already read in this request, by the parent's code.
	private static Map<String, List<Organization>> below(GraphQLContext context) {
		return context.computeIfAbsent(BELOW, key -> new ConcurrentHashMap<String, List<Organization>>());
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
