package org.partynet.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits that protect the database. Both are checked on the parsed query before it executes,
 * so a query over a limit never reaches Neo4j. Spring for GraphQL picks up instrumentation beans.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	/**
	 * @param maxDepth deepest field nesting; the whole org tree down to building heads needs 8
	 * @param maxComplexity largest complexity: one point per field, a list field with
	 * {@code first} counts its selection {@code first} times
	 */
	@ConfigurationProperties("partynet.graphql.limits")
	record Properties(@DefaultValue("15") int maxDepth, @DefaultValue("5000") int maxComplexity) {
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
