package org.partynet.graphql;

import java.time.Duration;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each GraphQL query in one read transaction: all levels of a response see the same state
 * of the graph, a cluster routes the whole request to one reader, and the cost of opening a
 * session and a transaction is paid once per request instead of once per level. The data
 * fetchers run on the request thread, so the query services' read-only transactions join this one.
 */
@Component
class ReadTransaction implements WebGraphQlInterceptor {

	private static final Duration MAX_DURATION = Duration.ofMinutes(2);

	private final TransactionTemplate readOnly;

	ReadTransaction(PlatformTransactionManager transactionManager) {
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!isQuery(request)) {
			return chain.next(request);
		}
		return Mono.fromCallable(() -> this.readOnly.execute(status -> {
			// Bounded, so that a request can never hold its transaction and connection for ever.
			WebGraphQlResponse response = chain.next(request).block(MAX_DURATION);
			// Nothing was written. Ending with a rollback also keeps a service that threw a user
			// error (and so marked the shared transaction rollback-only) from failing the request.
			status.setRollbackOnly();
			return response;
		}));
	}

	private static boolean isQuery(WebGraphQlRequest request) {
		try {
			Document document = Parser.parse(request.getDocument());
			return document.getDefinitionsOfType(OperationDefinition.class)
				.stream()
				.filter(operation -> request.getOperationName() == null
						|| request.getOperationName().equals(operation.getName()))
				.allMatch(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY);
		}
		catch (InvalidSyntaxException ex) {
			// graphql-java reports the syntax error itself
			return false;
		}
	}

}
