package org.partynet.graph;

import java.util.Set;

/**
 * One Cypher statement, named, with what it returns declared, so that the executor
 * ({@link Graph}) can confine and mask its rows for whoever reads them.
 *
 * <p>
 * A reading statement returns the network's people and places <em>as nodes</em> (never as
 * their properties), so that every one of them passes the executor's check: a node
 * outside a secretary's reach is withheld, a person is masked for the reader. Scalars it
 * returns are the codes it was given, counts, kinds and relationship properties.
 *
 * @param name what it is, for logs and tests
 * @param cypher the text, with {@code $named} parameters
 * @param kind how the executor treats it
 * @param passing labels of nodes outside the network's families (such as {@code Change})
 * that the statement may return to a secretary; any other such node is withheld
 * @param optional columns that become {@code null} when what they hold is withheld; a row
 * with any other column withheld is withheld whole
 */
public record Statement(String name, String cypher, Kind kind, Set<String> passing, Set<String> optional) {

	/** A read whose nodes are confined and masked. */
	public static Statement read(String name, String cypher) {
		return new Statement(name, cypher, Kind.READ, Set.of(), Set.of());
	}

	/**
	 * A read of figures and lists within {@code $scope}: for a secretary the executor
	 * checks that the scope lies within their reach before it runs (a missing scope is
	 * the whole network, and refused), then confines and masks its nodes as any read.
	 */
	public static Statement scoped(String name, String cypher) {
		return new Statement(name, cypher, Kind.SCOPED, Set.of(), Set.of());
	}

	/**
	 * A read about people themselves (their roles, their party status): a viewer gets no
	 * rows.
	 */
	public static Statement personal(String name, String cypher) {
		return new Statement(name, cypher, Kind.PERSONAL, Set.of(), Set.of());
	}

	/**
	 * A read of everything, unmasked (the export): only the organization department and
	 * the service itself may run it; for them nothing is filtered.
	 */
	public static Statement privileged(String name, String cypher) {
		return new Statement(name, cypher, Kind.PRIVILEGED, Set.of(), Set.of());
	}

	/** A write: only the organization department and the service itself may run it. */
	public static Statement write(String name, String cypher) {
		return new Statement(name, cypher, Kind.WRITE, Set.of(), Set.of());
	}

	/**
	 * A write of the service's own bookkeeping (leases, sign-in counters), not of the
	 * network: only the organization department and the service itself may run it; it
	 * does not wait for a backup, which leaves such nodes out.
	 */
	public static Statement bookkeeping(String name, String cypher) {
		return new Statement(name, cypher, Kind.BOOKKEEPING, Set.of(), Set.of());
	}

	/** The same statement, also returning nodes with these labels to a secretary. */
	public Statement passing(String... labels) {
		return new Statement(this.name, this.cypher, this.kind, Set.of(labels), this.optional);
	}

	/**
	 * The same statement, answering {@code null} in these columns for what is withheld.
	 */
	public Statement optional(String... columns) {
		return new Statement(this.name, this.cypher, this.kind, this.passing, Set.of(columns));
	}

	/**
	 * The same statement with {@code %s} placeholders filled, for labels and bounds that
	 * Cypher cannot take as parameters; the values must come from the code, never from a
	 * request.
	 */
	public Statement formatted(Object... values) {
		return new Statement(this.name, this.cypher.formatted(values), this.kind, this.passing, this.optional);
	}

	/**
	 * Cypher: whether {@code person} holds today a post that gives a secretary's account
	 * the subtree of {@code organization} (an organization that has not ended); the
	 * statement takes the posts as {@code $posts}, {@link Graph#secretaryPosts()}. The
	 * one place the rule is written, for what a secretary reads and for whom an account
	 * may be made.
	 */
	public static String holdsSecretaryPost(String person, String organization) {
		return "(%2$s.until IS NULL AND EXISTS { (%1$s)-[post:HOLDS WHERE post.until IS NULL AND post.role IN $posts]->(%2$s) })"
			.formatted(person, organization);
	}

	/** How the executor treats a statement. */
	public enum Kind {

		READ, SCOPED, PERSONAL, PRIVILEGED, WRITE, BOOKKEEPING;

		boolean restrictedToOrgDept() {
			return this == PRIVILEGED || this == WRITE || this == BOOKKEEPING;
		}

	}

}
