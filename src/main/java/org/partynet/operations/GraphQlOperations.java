package org.partynet.operations;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Names a GraphQL operation by what it asks for: the sorted top-level field names
 * ({@code organization,search}). The client's operation name is free text, one time
 * series per name a client invents; the fields come from the schema, so the tag stays
 * bounded (and is cut at {@value #MAX_LENGTH} characters). The name tags Spring for
 * GraphQL's {@code graphql.request} timer, the error counter
 * {@code partynet.graphql.errors} and the slow-request log line.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlOperations {

	static final int MAX_LENGTH = 100;

	/**
	 * The tag of a request that never reached execution (a syntax or validation error).
	 */
	static final String INVALID = "invalid";

	/** Where the operation's name is kept in the GraphQL context. */
	private static final String NAME = GraphQlOperations.class.getName() + ".name";

	/** The request's holder ({@link RequestLog}), passed on into the GraphQL context. */
	private static final String HOLDER = GraphQlOperations.class.getName() + ".holder";

	/** The top-level field names of the operation that runs, sorted, bounded. */
	static String name(ExecutionContext execution) {
		TreeSet<String> fields = new TreeSet<>();
		collect(execution.getOperationDefinition().getSelectionSet(), execution.getFragmentsByName(), fields, 0);
		String name = String.join(",", fields);
		return (name.length() > MAX_LENGTH) ? name.substring(0, MAX_LENGTH) : name;
	}

	private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			TreeSet<String> fields, int depth) {
		// fragments can only nest as deep as the document's limits allow; this bounds a
		// cycle the validation would refuse anyway
		if (selections == null || depth > 10) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(field.getName());
			}
			else if (selection instanceof InlineFragment inline) {
				collect(inline.getSelectionSet(), fragments, fields, depth + 1);
			}
			else if (selection instanceof FragmentSpread spread && fragments.get(spread.getName()) != null) {
				collect(fragments.get(spread.getName()).getSelectionSet(), fragments, fields, depth + 1);
			}
		}
	}

	static String name(GraphQLContext context) {
		String name = context.get(NAME);
		return (name != null) ? name : INVALID;
	}

	/**
	 * Adds the operation's name as the tag {@code operation} of {@code graphql.request}.
	 */
	@Bean
	DefaultExecutionRequestObservationConvention operationTaggingConvention() {
		return new DefaultExecutionRequestObservationConvention() {
			@Override
			public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
				String name = (context.getExecutionContext() != null) ? name(context.getExecutionContext()) : INVALID;
				return super.getLowCardinalityKeyValues(context).and(KeyValue.of("operation", name));
			}
		};
	}

	/**
	 * Keeps the name in the GraphQL context, hands it to the request's log, and counts
	 * the errors of every answer by the operation and the error's classification.
	 */
	@Bean
	SimplePerformantInstrumentation operationNaming(MeterRegistry meters) {
		return new SimplePerformantInstrumentation() {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				ExecutionContext execution = parameters.getExecutionContext();
				String name = name(execution);
				execution.getGraphQLContext().put(NAME, name);
				AtomicReference<String> holder = execution.getGraphQLContext().get(HOLDER);
				if (holder != null) {
					holder.set(name);
				}
				return super.beginExecuteOperation(parameters, state);
			}

			@Override
			public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
					InstrumentationExecutionParameters parameters, InstrumentationState state) {
				String name = name(parameters.getGraphQLContext());
				for (GraphQLError error : result.getErrors()) {
					String classification = (error.getErrorType() != null) ? error.getErrorType().toString()
							: "unknown";
					Counter.builder("partynet.graphql.errors")
						.description("GraphQL errors answered, by operation (its top-level fields) and classification")
						.tag("operation", name)
						.tag("classification", classification)
						.register(meters)
						.increment();
				}
				return CompletableFuture.completedFuture(result);
			}
		};
	}

	/**
	 * Passes the request's holder of the operation's name from the servlet request into
	 * the GraphQL context, where the instrumentation fills it, whatever thread executes.
	 */
	@Bean
	WebGraphQlInterceptor operationNameForTheLog() {
		return new WebGraphQlInterceptor() {
			@Override
			public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
				Object holder = request.getAttributes().get(RequestLog.OPERATION);
				if (holder != null) {
					request.configureExecutionInput(
							(input, builder) -> builder.graphQLContext(Map.of(HOLDER, holder)).build());
				}
				return chain.next(request);
			}
		};
	}

}
