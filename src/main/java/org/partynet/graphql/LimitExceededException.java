package org.partynet.graphql;

import java.util.Map;

import graphql.execution.AbortExecutionException;

/**
 * A query over a configured limit, refused before execution: nothing reaches the
 * database.
 */
class LimitExceededException extends AbortExecutionException {

	private final Map<String, Object> extensions;

	LimitExceededException(String limit, int actual, int maximum, String message) {
		super(message);
		this.extensions = Map.of("code", "LIMIT_EXCEEDED", "limit", limit, "actual", actual, "maximum", maximum);
	}

	@Override
	public Map<String, Object> getExtensions() {
		return this.extensions;
	}

}
