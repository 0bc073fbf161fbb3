package org.partynet.graphql;

/**
 * A node or scope outside what the signed-in account may read (a secretary's subtree).
 */
public class ForbiddenException extends RuntimeException {

	private final String argument;

	public ForbiddenException(String argument, String id) {
		this(argument, "无权查看 %s：不在本账号的范围内 / Argument '%s': %s is outside what this account may read".formatted(id,
				argument, id), true);
	}

	private ForbiddenException(String argument, String message, boolean unused) {
		super(message);
		this.argument = argument;
	}

	/**
	 * What this account's role may not read at all, whatever the scope ({@code field}
	 * names it).
	 */
	public static ForbiddenException forRole(String field, String what) {
		return new ForbiddenException(field, "本账号无权查看%s / This account may not read %s".formatted(what, what), true);
	}

	/**
	 * A secretary's account whose person holds no secretary's post today: it may sign in
	 * but reads nothing until a post starts.
	 */
	public static ForbiddenException noPost(String field) {
		return new ForbiddenException(field, NO_POST, true);
	}

	/** What a secretary without a current post is told, on every page. */
	public static final String NO_POST = "您目前没有担任书记或副书记职务，无法查看任何党组织；任职后即可查看 / "
			+ "You hold no secretary's post today, so this account reads nothing until one starts";

	public String getArgument() {
		return this.argument;
	}

}
