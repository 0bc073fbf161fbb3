package org.partynet.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a database that refused the service or could not be reached as Boot's short
 * "APPLICATION FAILED TO START" Description and Action, instead of a stack trace that an
 * operator would have to read to its bottom. Registered in
 * {@code META-INF/spring.factories}.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
