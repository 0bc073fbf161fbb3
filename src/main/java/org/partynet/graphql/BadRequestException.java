package org.partynet.graphql;

/**
 * A request the caller can fix: a malformed id, a page size out of range, an invalid
 * cursor. Reaches the caller as a GraphQL error with
 * {@code extensions.code = BAD_REQUEST} and the name of the argument, before any query
 * reaches the database.
 */
public class BadRequestException extends RuntimeException {

	private final String argument;

	public BadRequestException(String argument, String message) {
		super(message);
		this.argument = argument;
	}

	public String getArgument() {
		return this.argument;
	}

}
