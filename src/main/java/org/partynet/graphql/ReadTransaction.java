package org.partynet.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.DataFetchingEnvironment;
import org.partynet.neo4j.TransientRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each GraphQL query in one read transaction: all levels of a response see the same
 * state of the graph, a cluster routes the whole request to one reader, and the cost of
 * opening a session and a transaction is paid once per request instead of once per level.
 * The data fetchers run on the request thread, so the query services' read-only
 * transactions join this one.
 * <p>
 * A transient error (a read outdated by a concurrent write, a cluster member gone) fails
 * the whole transaction, so the whole request runs again in a new one
 * ({@link TransientRetry}). A data fetcher or batch loader does not throw it out of the
 * execution: graphql-java hands it to the exception resolvers and answers a GraphQL
 * error. So {@link TransientErrors}, the first resolver, notes it in the request's
 * {@link Attempt}, and the request is retried when its response was built from a failed
 * transaction, whatever field failed.
 */
@Component
class ReadTransaction implements WebGraphQlInterceptor {

	private static final Duration MAX_DURATION = Duration.ofMinutes(2);

	private static final Logger logger = LoggerFactory.getLogger(ReadTransaction.class);

	private final TransactionTemplate readOnly;

	private final ParsedDocuments documents;

	ReadTransaction(PlatformTransactionManager transactionManager, ParsedDocuments documents) {
		this.documents = documents;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!isQuery(request)) {
			return chain.next(request);
		}
		Attempt attempt = new Attempt();
		// Each run of the chain builds its execution input afresh, with this in its
		// context.
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(Attempt.class, attempt);
			return input;
		});
		return Mono.fromCallable(() -> {
			try {
				return TransientRetry.run("query " + request.getId(), () -> once(request, chain, attempt));
			}
			catch (FailedAttempt ex) {
				logger.error("Transient error in every attempt of query {} at {}", request.getId(), ex.path,
						ex.getCause());
				return ex.response;
			}
		});
	}

	private WebGraphQlResponse once(WebGraphQlRequest request, Chain chain, Attempt attempt) {
		attempt.reset();
		WebGraphQlResponse response = this.readOnly.execute(status -> {
			// Bounded, so that a request can never hold its transaction and connection
			// for ever.
			WebGraphQlResponse answer = chain.next(request).block(MAX_DURATION);
			// Nothing was written. Ending with a rollback also keeps a service that threw
			// a user error (and so marked the shared transaction rollback-only) from
			// failing the request.
			status.setRollbackOnly();
			return answer;
		});
		if (attempt.error != null) {
			throw new FailedAttempt(response, attempt);
		}
		return response;
	}

	private boolean isQuery(WebGraphQlRequest request) {
		try {
			Document document = this.documents.document(request.getDocument());
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

	/** One run of a query: the first transient error any of its fields met, if any. */
	static final class Attempt {

		private volatile Throwable error;

		private volatile Object path;

		void reset() {
			this.error = null;
			this.path = null;
		}

		synchronized void note(Throwable error, Object path) {
			if (this.error == null) {
				this.error = error;
				this.path = path;
			}
		}

		boolean failed() {
			return this.error != null;
		}

	}

	/** A response built in a transaction that failed; its cause is what made it fail. */
	private static final class FailedAttempt extends RuntimeException {

		private final transient WebGraphQlResponse response;

		private final transient Object path;

		FailedAttempt(WebGraphQlResponse response, Attempt attempt) {
			super(attempt.error.getMessage(), attempt.error, false, false);
			this.response = response;
			this.path = attempt.path;
		}

	}

	/**
	 * Notes a transient error of a query in its {@link Attempt}, ahead of every other
	 * resolver. Once a field met one, the transaction is gone and later fields fail
	 * because of it: those errors belong to the failed attempt too and are not logged as
	 * internal errors, since the request runs again (a user error is still answered as
	 * one). Outside a query (a mutation's payload) nothing retries, and the error is left
	 * to {@link GraphQlErrors}.
	 */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class TransientErrors implements DataFetcherExceptionResolver {

		@Override
		public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
			Attempt attempt = env.getGraphQlContext().get(Attempt.class);
			if (attempt == null) {
				return Mono.empty();
			}
			if (TransientRetry.isTransient(ex)) {
				attempt.note(ex, env.getExecutionStepInfo().getPath());
			}
			else if (!attempt.failed() || isUserError(ex)) {
				return Mono.empty();
			}
			// Seen only when no attempt succeeded.
			return Mono.just(List.of(GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("内部错误，已记录 / Internal error, logged on the server")
				.extensions(Map.of("code", "INTERNAL_ERROR"))
				.build()));
		}

		private static boolean isUserError(Throwable ex) {
			return ex instanceof BadRequestException || ex instanceof NotFoundException
					|| ex instanceof ForbiddenException || ex instanceof AccessDeniedException;
		}

	}

}
