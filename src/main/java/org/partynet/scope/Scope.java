package org.partynet.scope;

import java.util.Arrays;
import java.util.List;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.ForbiddenException;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.NotFoundException;
import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;
import org.partynet.security.Access;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scope of a count, list or report: an area with everything inside it, or a party
 * organization with the areas it governs or covers and everything inside those. Queries
 * take the scope's code as {@code $scope} ({@code null} for the whole network) and begin
 * with {@link #AREAS}, which yields each area in scope once as {@code a}.
 */
@Component
@Transactional(readOnly = true)
public class Scope {

	/** Cypher: every current area in {@code $scope}, as {@code a}. */
	public static final String AREAS = """
			CALL () {
			  MATCH (top:District) WHERE $scope IS NULL RETURN top
			  UNION
			  MATCH (top:Area {code: $scope}) RETURN top
			  UNION
			  MATCH (:PartyOrganization {code: $scope})-[r:GOVERNS|COVERS WHERE r.until IS NULL]->(top:Area) RETURN top
			}
			MATCH (top)(()-[h:HAS WHERE h.until IS NULL]->()){0,5}(a:Area)
			WITH DISTINCT a
			""";

	/** Cypher: whether relationship {@code r} held on the day {@code $asOf}. */
	public static String held(String r) {
		return "(%s.since <= $asOf AND (%s.until IS NULL OR %s.until > $asOf))".formatted(r, r, r);
	}

	/**
	 * Cypher: the top areas of {@code $scope} on the day {@code $asOf}, as {@code top}:
	 * every district for the whole network, the area itself, or what an organization
	 * governed or covered.
	 */
	public static final String TOPS_AS_OF = """
			CALL () {
			  MATCH (top:District) WHERE $scope IS NULL RETURN top
			  UNION
			  MATCH (top:Area {code: $scope}) RETURN top
			  UNION
			  MATCH (:PartyOrganization {code: $scope})-[r:GOVERNS|COVERS]->(top:Area) WHERE %s RETURN top
			}
			""".formatted(held("r"));

	private static final Statement FIND = Statement.read("scope.find", """
			CALL () {
			  MATCH (n:Area {code: $code}) RETURN n
			  UNION
			  MATCH (n:PartyOrganization {code: $code}) RETURN n
			}
			WITH n WHERE $label IN labels(n)
			RETURN n
			""");

	private final Graph graph;

	public Scope(Graph graph) {
		this.graph = graph;
	}

	/**
	 * The code to pass as {@code $scope}: {@code null} for no scope.
	 * @throws BadRequestException for a malformed id or one that is neither an area nor
	 * an organization
	 * @throws NotFoundException when no area or organization has the id
	 */
	public String code(String scopeId) {
		return code(scopeId, "scope");
	}

	/**
	 * {@link #code(String)} for an argument of another name, which errors then name. A
	 * secretary's scope is confined to their own organization's subtree: no scope means
	 * their organization, and a scope outside it is {@link ForbiddenException forbidden}:
	 * the executor withholds it from the statement that looks the scope up.
	 */
	public String code(String scopeId, String argument) {
		if (scopeId == null) {
			return defaultScope(argument);
		}
		GlobalId id = parse(scopeId, argument);
		Graph.Rows found = this.graph.query(FIND, Graph.parameters("code", id.code(), "label", id.label()));
		if (found.withheld() > 0) {
			throw new ForbiddenException(argument, scopeId);
		}
		if (found.rows().isEmpty()) {
			throw new NotFoundException(argument, scopeId);
		}
		return id.code();
	}

	/**
	 * {@link #parse(String, String)} for queries that look the node up themselves, with
	 * the check of {@link #code(String, String)} for a secretary, whose scope the
	 * database must confirm first.
	 */
	public GlobalId checked(String scopeId, String argument) {
		GlobalId id = parse(scopeId, argument);
		if (Access.reader().confined()) {
			code(scopeId, argument);
		}
		return id;
	}

	/**
	 * No scope: the whole network, or for a secretary the first organization they read
	 * (the highest level); a secretary without a current post reads nothing, and is told
	 * so.
	 */
	public String defaultScope(String argument) {
		List<String> roots = this.graph.roots();
		if (roots == null) {
			return null;
		}
		if (roots.isEmpty()) {
			throw ForbiddenException.noPost(argument);
		}
		return roots.get(0);
	}

	/**
	 * The id of an area or organization, checked without the database: for queries that
	 * look the node up themselves (and answer {@link NotFoundException} when it is
	 * missing), which saves a round trip.
	 * @throws BadRequestException for a malformed id or one that is neither an area nor
	 * an organization
	 */
	public GlobalId parse(String scopeId, String argument) {
		GlobalId id = GlobalId.parse(scopeId, argument);
		boolean isArea = Arrays.stream(AreaKind.values()).anyMatch(kind -> kind.label().equals(id.label()));
		if (!isArea && !OrganizationKind.isLabel(id.label())) {
			throw new BadRequestException(argument,
					"参数 %s 必须是区域或党组织 / Argument '%s' must be an area or a party organization, was a "
						.formatted(argument, argument) + id.label());
		}
		return id;
	}

}
