package org.partynet.linkage;

import java.util.List;
import java.util.Map;

import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.ForbiddenException;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.NotFoundException;
import org.partynet.organization.Organization;
import org.partynet.scope.Scope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * 联动: linkages, reach, connection and the summary; cross-links of the org chart, batched
 * per level.
 */
@Controller
class LinkageController {

	/** At most this many shortest paths are returned. */
	static final int MAX_PATHS = 10;

	private final LinkageQueries queries;

	private final Scope scope;

	LinkageController(LinkageQueries queries, Scope scope) {
		this.queries = queries;
		this.scope = scope;
	}

	@QueryMapping
	Linkages linkages(@Argument String id) {
		return this.queries.linkages(this.scope.checked(argument(id, "id"), "id"))
			.orElseThrow(() -> new NotFoundException("id", id));
	}

	@QueryMapping
	Reach reach(@Argument String unit) {
		GlobalId id = GlobalId.parse(argument(unit, "unit"), "unit");
		if (!id.label().equals("Unit")) {
			throw new BadRequestException("unit",
					"参数 unit 必须是驻区单位 / Argument 'unit' must be an outside unit (Unit:…), was a " + id.label());
		}
		visible(id, unit, "unit");
		return this.queries.reach(this.queries.unit(id.code()).orElseThrow(() -> new NotFoundException("unit", unit)));
	}

	@QueryMapping
	List<LinkPath> connection(@Argument String from, @Argument String to, @Argument Integer maxHops,
			@Argument PathRelationships through) {
		int hops = (maxHops != null) ? maxHops : 6;
		if (hops < 1 || hops > 8) {
			throw new BadRequestException("maxHops",
					"参数 maxHops 必须在 1 到 8 之间 / Argument 'maxHops' must be from 1 to 8, was " + hops);
		}
		GlobalId start = existing(from, "from");
		GlobalId end = existing(to, "to");
		if (start.equals(end)) {
			throw new BadRequestException("to", "参数 from 与 to 必须不同 / Arguments 'from' and 'to' must differ");
		}
		return this.queries.connection(start, end, hops, (through != null) ? through : PathRelationships.PREFER_LINKAGE,
				MAX_PATHS);
	}

	@QueryMapping
	LinkageSummary linkageSummary(@Argument String scope) {
		return this.queries.summary(this.scope.code(scope));
	}

	@BatchMapping(typeName = "Organization")
	Map<Organization, List<CrossLink>> crossLinks(List<Organization> organizations) {
		return this.queries.crossLinks(organizations);
	}

	private GlobalId existing(String value, String argument) {
		GlobalId id = GlobalId.parse(argument(value, argument), argument);
		visible(id, value, argument);
		return id;
	}

	// A secretary reads only inside their subtree; one statement answers both whether the
	// node exists and whether it may be read.
	private void visible(GlobalId id, String value, String argument) {
		if (!this.queries.visible(id).orElseThrow(() -> new NotFoundException(argument, value))) {
			throw new ForbiddenException(argument, value);
		}
	}

	private static String argument(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new BadRequestException(name, "参数 %s 不能为空 / Argument '%s' is required".formatted(name, name));
		}
		return value;
	}

}
