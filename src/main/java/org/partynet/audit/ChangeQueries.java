package org.partynet.audit;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partynet.graph.Batch;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.graphql.NotFoundException;
import org.partynet.graphql.Paging;
import org.partynet.network.Nodes;
import org.partynet.scope.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the audit trail, {@code (:Change)-[:AFFECTED]->(node)}, which the mutations
 * write. Newest first: by {@code at}, then by {@code id} for changes of the same instant;
 * a cursor is the id of the last change of a page.
 */
@Service
@Transactional(readOnly = true)
public class ChangeQueries {

	// `c.at >= $from` (the epoch without `since`) lets the planner use the range index on
	// `at`.
	// The records of accounts and sign-ins have no scopes: $network leaves them out.
	private static final String FILTER = "c.at >= $from AND ($scope IS NULL OR $scope IN c.scopes)"
			+ " AND (NOT $network OR size(c.scopes) > 0)";

	private static final Statement PAGE = page("audit.page", "WITH true AS scopeFound");

	// %s is the scope's label, from GlobalId.LABELS, never from the caller's text.
	private static final Statement PAGE_IN_SCOPE = page("audit.pageInScope",
			"OPTIONAL MATCH (s:`%s` {code: $scope}) WITH s IS NOT NULL AS scopeFound");

	/** A page of changes, after {@code scopeCheck}, which yields {@code scopeFound}. */
	private static Statement page(String name, String scopeCheck) {
		return Statement.scoped(name, scopeCheck + """

				OPTIONAL MATCH (cursor:Change {id: $after})
				CALL (cursor) {
				  MATCH (c:Change)
				  WHERE %1$s
				    AND ($after IS NULL OR c.at < cursor.at OR (c.at = cursor.at AND c.id < cursor.id))
				  WITH c ORDER BY c.at DESC, c.id DESC LIMIT $limit
				  RETURN collect(c) AS page
				}
				CALL () {
				  MATCH (c:Change)
				  WHERE %1$s
				  RETURN count(c) AS totalCount
				}
				RETURN scopeFound, $after IS NULL OR cursor IS NOT NULL AS cursorFound, page, totalCount
				""".formatted(FILTER)).passing("Change");
	}

	// Only nodes the API has a type for (the Node interface); the labels are those of
	// Nodes.toApi.
	private static final Statement AFFECTED = Statement.read("audit.affected", """
			UNWIND $codes AS code
			MATCH (:Change {id: code})-[:AFFECTED]->(n)
			WHERE n:Area OR n:PartyOrganization OR n:Person OR n:Unit OR n:Alliance OR n:Institution
			RETURN code, n ORDER BY n.code
			""");

	// $roots: a secretary's organizations (Graph.roots), whose codes a change within
	// their
	// subtree holds in its scopes; null for everyone else.
	private static final Statement ONE = Statement.read("audit.one", """
			MATCH (c:Change {id: $id})
			WHERE $roots IS NULL OR any(root IN $roots WHERE root IN c.scopes)
			RETURN c
			""").passing("Change");

	private static final OffsetDateTime EPOCH = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private final Graph graph;

	ChangeQueries(Graph graph) {
		this.graph = graph;
	}

	/**
	 * One page of changes, newest first.
	 * @param scope an area or organization (checked by {@code Scope.parse}) that must be
	 * in the change's {@code scopes}, or {@code null}; looked up in the same statement
	 * @param since only changes at or after this instant, or {@code null}
	 * @param network only changes to the network, without the records of accounts
	 * @param after the id of the last change of the previous page, or {@code null}
	 * @throws NotFoundException when no area or organization has the scope's id
	 * @throws BadRequestException when {@code after} names no change
	 */
	Paging.Connection<Change> list(GlobalId scope, OffsetDateTime since, boolean network, int first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("network", network);
		parameters.put("scope", (scope != null) ? scope.code() : null);
		// A ZonedDateTime at offset zero, which the driver sends as it is (Spring Data
		// Neo4j converts an OffsetDateTime itself, and the instant would then not compare
		// equal to a stored one).
		parameters.put("from",
				((since != null) ? since : EPOCH).withOffsetSameInstant(ZoneOffset.UTC).toZonedDateTime());
		parameters.put("after", after);
		parameters.put("limit", first + 1);
		Record row = this.graph.one((scope == null) ? PAGE : PAGE_IN_SCOPE.formatted(scope.label()), parameters)
			.orElseThrow();
		{
			if (!row.get("scopeFound").asBoolean()) {
				throw new NotFoundException("scope", scope.label() + ":" + scope.code());
			}
			if (!row.get("cursorFound").asBoolean()) {
				throw new BadRequestException("after",
						"参数 after 不是有效的游标 / Argument 'after' is not a valid cursor: pass the endCursor of a previous page");
			}
			List<Change> page = row.get("page").asList(value -> change(value));
			return Paging.connection(page, first, after != null, row.get("totalCount").asInt(), Change::id);
		}
	}

	/**
	 * One change by id, if the reader may see it: for a secretary, only a change whose
	 * scopes hold one of their organizations.
	 */
	Optional<Change> one(String id) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("roots", this.graph.roots());
		return this.graph.one(ONE, parameters).map(row -> change(row.get("c")));
	}

	/**
	 * The nodes each change affected, ordered by code: one statement for all changes of a
	 * level.
	 */
	Map<Change, List<Identified>> affected(Collection<Change> changes) {
		return Batch.lists(this.graph, AFFECTED, changes, Change::id, row -> Nodes.toApi(row.get("n").asNode()));
	}

	private static Change change(Value c) {
		return new Change(c.get("id").asString(), instant(c.get("at")), c.get("user").asString(null),
				c.get("operation").asString(null), c.get("summary").asString(null), c.get("input").asString(null),
				c.get("before").asString(null), c.get("after").asString(null));
	}

	/**
	 * {@code at} in UTC; a local date-time (not what the mutations write) is taken as
	 * UTC.
	 */
	static OffsetDateTime instant(Value at) {
		Object value = at.asObject();
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.withOffsetSameInstant(ZoneOffset.UTC);
		}
		if (value instanceof LocalDateTime local) {
			return local.atOffset(ZoneOffset.UTC);
		}
		throw new IllegalStateException("Change.at is not a date-time: " + value);
	}

}
