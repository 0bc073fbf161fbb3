package org.partynet.change;

import java.util.List;

/**
 * Something the caller can fix in a mutation's input; see {@code UserError} in
 * schema.graphqls. {@code field} is the path in the input, {@code ["input", "parent"]}.
 */
public record UserError(UserErrorCode code, List<String> field, String message) {

	/** See {@code UserErrorCode} in schema.graphqls. */
	public enum UserErrorCode {

		VALIDATION, CONFLICT, FORBIDDEN, NOT_FOUND

	}

}
