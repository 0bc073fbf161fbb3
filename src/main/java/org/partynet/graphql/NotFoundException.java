package org.partynet.graphql;

/** An id that is well formed but names nothing, where something is required (a scope). */
public class NotFoundException extends RuntimeException {

	private final String argument;

	public NotFoundException(String argument, String id) {
		super("参数 %s 指向的 %s 不存在 / Argument '%s': nothing has the id %s".formatted(argument, id, argument, id));
		this.argument = argument;
	}

	public String getArgument() {
		return this.argument;
	}

}
