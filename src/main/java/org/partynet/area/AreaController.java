package org.partynet.area;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.partynet.graphql.Paging;
import org.partynet.model.AreaKind;
import org.partynet.organization.Organization;
import org.partynet.scope.Scope;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The {@code Area} type, and the areas of organizations and institutions; batched per
 * level.
 */
@Controller
class AreaController {

	private final AreaQueries queries;

	private final Scope scope;

	private final Paging paging;

	AreaController(AreaQueries queries, Scope scope, Paging paging, BatchLoaderRegistry registry) {
		this.queries = queries;
		this.scope = scope;
		this.paging = paging;
		// children takes an argument, which a @BatchMapping cannot: load all children in
		// one batch and filter per field.
		registry.<Area, List<Area>>forName("areaChildren")
			.registerMappedBatchLoader((parents, env) -> Mono.fromCallable(() -> this.queries.children(parents)));
	}

	@QueryMapping
	Paging.Connection<Area> areas(@Argument AreaKind kind, @Argument String scope, @Argument String name,
			@Argument Integer first, @Argument String after) {
		int size = this.paging.first(first);
		String afterCode = this.paging.after(after);
		String nameFilter = this.paging.text("name", name);
		return this.queries.list(kind, this.scope.code(scope), nameFilter, size, afterCode);
	}

	@SchemaMapping
	CompletableFuture<List<Area>> children(Area area, @Argument AreaKind kind,
			DataLoader<Area, List<Area>> areaChildren) {
		return areaChildren.load(area)
			.thenApply(children -> (kind == null) ? children
					: children.stream().filter(child -> child.kind() == kind).toList());
	}

	@BatchMapping
	Map<Area, Area> parent(List<Area> areas) {
		return this.queries.parents(areas);
	}

	@BatchMapping
	Map<Area, List<Area>> ancestors(List<Area> areas) {
		return this.queries.ancestors(areas);
	}

	@BatchMapping
	Map<Area, List<Organization>> coveredBy(List<Area> areas) {
		return this.queries.coveredBy(areas);
	}

	@BatchMapping(typeName = "Organization", field = "areas")
	Map<Organization, List<Area>> areasOf(List<Organization> organizations) {
		return this.queries.areasOf(organizations);
	}

	@BatchMapping(typeName = "Institution", field = "street")
	Map<Institution, Area> street(List<Institution> institutions) {
		return this.queries.streets(institutions);
	}

}
