package org.partynet.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.partynet.graphql.ForbiddenException;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.graphql.Paging;
import org.partynet.scope.Scope;
import org.partynet.security.Access;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code changes(scope, since)}: the audit trail, newest first; {@code Change.affected}
 * batched per level.
 */
@Controller
class ChangeController {

	private final ChangeQueries queries;

	private final Scope scope;

	private final Paging paging;

	ChangeController(ChangeQueries queries, Scope scope, Paging paging) {
		this.queries = queries;
		this.scope = scope;
		this.paging = paging;
	}

	@QueryMapping
	Paging.Connection<Change> changes(@Argument String scope, @Argument OffsetDateTime since, @Argument Boolean network,
			@Argument Integer first, @Argument String after) {
		int size = this.paging.first(first);
		String afterId = this.paging.after(after);
		if (!Access.seesPeople()) {
			// before and after name people and hold their data
			throw ForbiddenException.forRole("changes", "审计记录 the audit trail");
		}
		// The scope is checked here (BAD_REQUEST) and looked up by the page's own
		// statement (NOT_FOUND): one statement per page, with or without a scope. A
		// secretary's scope is confirmed first (Scope.checked), and without one it is
		// the first of their organizations.
		String within = (scope == null) ? this.scope.defaultScope("scope") : null;
		GlobalId scopeId = (scope != null) ? this.scope.checked(scope, "scope")
				: (within != null) ? new GlobalId("PartyOrganization", within) : null;
		return this.queries.list(scopeId, since, Boolean.TRUE.equals(network), size, afterId);
	}

	/**
	 * One change by id; a secretary receives it only when one of its scopes is one of the
	 * organizations whose subtree they read, as {@code changes} would list it for them.
	 */
	@QueryMapping
	Change change(@Argument String id) {
		if (!Access.seesPeople()) {
			throw ForbiddenException.forRole("change", "审计记录 the audit trail");
		}
		return this.queries.one(id).orElse(null);
	}

	@BatchMapping
	Map<Change, List<Identified>> affected(List<Change> changes) {
		return this.queries.affected(changes);
	}

}
