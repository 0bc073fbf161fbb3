package org.partynet.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Every error a caller sees carries a stable {@code extensions.code}: errors they caused
 * say what to fix; internal errors are logged with detail and shown without a stack
 * trace.
 */
final class GraphQlErrors {

	private static final Logger internalErrors = LoggerFactory.getLogger(GraphQlErrors.class);

	private GraphQlErrors() {
	}

	@Component
	static class ExceptionResolver extends DataFetcherExceptionResolverAdapter {

		@Override
		protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
			if (ex instanceof BadRequestException bad) {
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.BAD_REQUEST)
					.message(bad.getMessage())
					.extensions(Map.of("code", "BAD_REQUEST", "argument", bad.getArgument()))
					.build();
			}
			if (ex instanceof NotFoundException notFound) {
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.NOT_FOUND)
					.message(notFound.getMessage())
					.extensions(Map.of("code", "NOT_FOUND", "argument", notFound.getArgument()))
					.build();
			}
			if (ex instanceof ForbiddenException forbidden) {
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.FORBIDDEN)
					.message(forbidden.getMessage())
					.extensions(Map.of("code", "FORBIDDEN", "argument", forbidden.getArgument()))
					.build();
			}
			if (ex instanceof AccessDeniedException) {
				// method security (@PreAuthorize): a role that may not do this at all
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.FORBIDDEN)
					.message("本账号无权执行 %s / This account may not use '%s'".formatted(env.getField().getName(),
							env.getField().getName()))
					.extensions(Map.of("code", "FORBIDDEN"))
					.build();
			}
			internalErrors.error("Internal error at {}", env.getExecutionStepInfo().getPath(), ex);
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("内部错误，已记录 / Internal error, logged on the server")
				.extensions(Map.of("code", "INTERNAL_ERROR"))
				.build();
		}

	}

	/** Gives errors raised by graphql-java itself (syntax, validation) a code too. */
	@Component
	static class CodeInterceptor implements WebGraphQlInterceptor {

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			return chain.next(request).map(response -> {
				if (response.getErrors().stream().allMatch(error -> error.getExtensions().containsKey("code"))) {
					return response;
				}
				return response
					.transform(builder -> builder.errors(withCodes(response.getExecutionResult().getErrors())));
			});
		}

		private static List<GraphQLError> withCodes(List<GraphQLError> errors) {
			return errors.stream().map(error -> {
				Map<String, Object> extensions = (error.getExtensions() != null) ? error.getExtensions() : Map.of();
				if (extensions.containsKey("code")) {
					return error;
				}
				Map<String, Object> withCode = new LinkedHashMap<>(extensions);
				withCode.put("code", code(error.getErrorType()));
				return GraphqlErrorBuilder.newError()
					.message(error.getMessage())
					.locations(error.getLocations())
					.path(error.getPath())
					.errorType(error.getErrorType())
					.extensions(withCode)
					.build();
			}).toList();
		}

		private static String code(ErrorClassification type) {
			if (type == graphql.ErrorType.InvalidSyntax) {
				return "INVALID_SYNTAX";
			}
			if (type == graphql.ErrorType.ValidationError) {
				return "GRAPHQL_VALIDATION_FAILED";
			}
			return (type != null) ? type.toString() : "INTERNAL_ERROR";
		}

	}

}
