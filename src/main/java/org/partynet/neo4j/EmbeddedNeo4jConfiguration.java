package org.partynet.neo4j;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Neo4j unless {@code spring.neo4j.uri} (environment {@code NEO4J_URI})
 * points at a server or cluster: switching to an external database is configuration, not code.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

	@Bean
	EmbeddedNeo4jServer embeddedNeo4jServer(EmbeddedNeo4jProperties properties) {
		return new EmbeddedNeo4jServer(properties);
	}

}
