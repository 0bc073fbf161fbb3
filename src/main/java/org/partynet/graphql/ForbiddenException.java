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

	public String getArgument() {
		return this.argument;
	}

}
