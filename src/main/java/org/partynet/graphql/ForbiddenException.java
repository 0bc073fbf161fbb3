package org.partynet.graphql;

/** A node or scope outside what the signed-in account may read (a secretary's subtree). */
public class ForbiddenException extends RuntimeException {

	private final String argument;

	public ForbiddenException(String argument, String id) {
		super("无权查看 %s：不在本账号的范围内 / Argument '%s': %s is outside what this account may read".formatted(id, argument, id));
		this.argument = argument;
	}

	public String getArgument() {
		return this.argument;
	}

}
