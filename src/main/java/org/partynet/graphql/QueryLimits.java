package org.partynet.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits that protect the database. All are checked on the parsed query before it
 * executes, so a query over a limit never reaches Neo4j. Spring for GraphQL picks up
 * instrumentation beans.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	/**
	 * @param maxDepth deepest field nesting; the whole org tree down to building heads
	 * needs 8
	 * @param maxComplexity largest complexity: one point per field, a list field with
	 * {@code first} counts its selection {@code first} times
	 */
	@ConfigurationProperties("partynet.graphql.limits")
	record Properties(@DefaultValue("15") int maxDepth, @DefaultValue("5000") int maxComplexity,
			@DefaultValue("200") int maxAliases) {
	}

	/**
	 * Aliases let one request repeat an expensive field many times over (OWASP's alias
	 * overloading); the org chart uses them to open up to a level's boxes at once, which
	 * stays well below the limit. Counted over the whole document, fragments included.
	 */
	@Bean
	Instrumentation maxAliases(Properties properties) {
		return new SimplePerformantInstrumentation() {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				int aliases = countAliases(parameters.getExecutionContext().getDocument());
				if (aliases > properties.maxAliases()) {
					throw new LimitExceededException("aliases", aliases, properties.maxAliases(),
							"查询使用 %d 个别名，超过上限 %d / Query uses %d aliases, more than the maximum of %d"
								.formatted(aliases, properties.maxAliases(), aliases, properties.maxAliases()));
				}
				return super.beginExecuteOperation(parameters, state);
			}
		};
	}

	static int countAliases(Document document) {
		int[] count = { 0 };
		new NodeTraverser().preOrder(new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field field, TraverserContext<Node> context) {
				if (field.getAlias() != null) {
					count[0]++;
				}
				return TraversalControl.CONTINUE;
			}
		}, document);
		return count[0];
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(Properties properties) {
		return new MaxQueryDepthInstrumentation(properties.maxDepth()) {
			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return new LimitExceededException("depth", depth, maxDepth,
						"查询嵌套 %d 层，超过上限 %d / Query depth %d exceeds the maximum of %d".formatted(depth, maxDepth, depth,
								maxDepth));
			}
		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(Properties properties) {
		return new MaxQueryComplexityInstrumentation(properties.maxComplexity(), complexity()) {
			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return new LimitExceededException("complexity", complexity, maxComplexity,
						"查询复杂度 %d，超过上限 %d / Query complexity %d exceeds the maximum of %d".formatted(complexity,
								maxComplexity, complexity, maxComplexity));
			}
		};
	}

	static FieldComplexityCalculator complexity() {
		return (environment, childComplexity) -> {
			Object first = environment.getArguments().get("first");
			int times = (first instanceof Integer n) ? Math.max(n, 1) : 1;
			long total = 1L + (long) times * childComplexity;
			return (int) Math.min(total, Integer.MAX_VALUE);
		};
	}

}
