package org.partynet.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, and what they may read, for the queries themselves. A secretary's reads are
 * confined to their organization's subtree by the predicate {@link #visible(String)}, which every
 * query that can reach a node by id, by search or by going up or out of a subtree includes; it
 * takes the secretary's organization code as {@code $within} ({@code null}: no confinement).
 *
 * <p>Without an authentication (the service's own start-up work, benchmarks and tools calling the
 * query services directly) nothing is confined: every HTTP request is authenticated before it
 * reaches a query, see {@link SecurityConfiguration}.
 */
public final class Access {

	private Access() {
	}

	/** The organization code a secretary is confined to; {@code null} for everyone else. */
	public static String within() {
		return authority(Accounts.ORGANIZATION).orElse(null);
	}

	/** The current role, empty when nobody is signed in. */
	public static Optional<Role> role() {
		return authority("ROLE_").map(Role::valueOf);
	}

	/** The user name for audit records, {@code system} for work nobody asked for over HTTP. */
	public static String username() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : "system";
	}

	/** Whether phone and ID numbers may be shown in full: only to the organization department. */
	public static boolean seesUnmasked() {
		Optional<Role> role = role();
		return role.isEmpty() || role.get() == Role.ORG_DEPT;
	}

	/** Whether people (names, posts, roles) may be shown at all: not to a viewer. */
	public static boolean seesPeople() {
		return role().map(role -> role != Role.VIEWER).orElse(true);
	}

	private static Optional<String> authority(String prefix) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Optional.empty();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(prefix))
			.map(authority -> authority.substring(prefix.length()))
			.findFirst();
	}

	/**
	 * Cypher: whether the node bound to {@code n} lies in the subtree of {@code $within}: the
	 * organization itself and those it leads, the areas it governs or covers and everything inside
	 * them, and the people, units, alliances and institutions with a current link into those. True
	 * for everything when {@code $within} is {@code null}. Its own variables start with
	 * {@code acc_}, so they cannot clash with the query's.
	 */
	public static String visible(String n) {
		// spaces around it: text blocks strip the space a query leaves before it
		return " " + START + """
				($within IS NULL OR EXISTS {
				  MATCH (acc_root:PartyOrganization {code: $within})
				  WHERE %1$s
				     OR EXISTS { MATCH (%2$s)-[acc_r WHERE acc_r.until IS NULL]->(acc_x)
				                 WHERE NOT (%2$s:Area OR %2$s:PartyOrganization) AND type(acc_r) <> 'LEADS' AND %3$s }
				     OR EXISTS { MATCH (%2$s:Unit)<-[acc_e:EMPLOYED_BY WHERE acc_e.until IS NULL]-(:Person)-[acc_h:HOLDS WHERE acc_h.until IS NULL]->(acc_x) WHERE %3$s }
				     OR EXISTS { MATCH (%2$s:Unit)-[acc_m:MEMBER_OF WHERE acc_m.until IS NULL]->(:Alliance)-[acc_c:COVERS WHERE acc_c.until IS NULL]->(acc_x) WHERE %3$s }
				})""".formatted(inRoot(n), n, inRoot("acc_x")) + END + "\n";
	}

	private static final String START = "/*visible*/";

	private static final String END = "/*end*/";

	private static final Pattern PREDICATE = Pattern.compile(Pattern.quote(START) + ".*?" + Pattern.quote(END), Pattern.DOTALL);

	private static final Map<String, String> UNRESTRICTED = new ConcurrentHashMap<>();

	/**
	 * The statement to run for the current account: for anyone but a secretary, every
	 * {@link #visible(String)} predicate in it is replaced by {@code true}. The statement is then
	 * exactly what it was before access control, planned as fast and run as fast; only a
	 * secretary's statements carry (and pay for) the predicate.
	 */
	public static String cypher(String statement) {
		if (within() != null || !statement.contains(START)) {
			return statement;
		}
		return UNRESTRICTED.computeIfAbsent(statement, s -> PREDICATE.matcher(s).replaceAll("true"));
	}

	// The organization acc_root, one it leads, or an area it governs or covers or inside one;
	// walked upwards from the node, where every step has one current parent.
	private static String inRoot(String x) {
		return """
				(%1$s = acc_root
				 OR EXISTS { MATCH (%1$s:PartyOrganization)(()<-[acc_l:LEADS WHERE acc_l.until IS NULL]-()){1,4}(acc_root) }
				 OR EXISTS { MATCH (%1$s:Area)(()<-[acc_a:HAS WHERE acc_a.until IS NULL]-()){0,5}(:Area)<-[acc_g:GOVERNS|COVERS WHERE acc_g.until IS NULL]-(acc_root) })"""
			.formatted(x);
	}

}
