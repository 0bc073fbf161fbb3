package org.partynet.neo4j;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded Neo4j as soon as the configuration is known, unless
 * {@code spring.neo4j.uri} (environment {@code NEO4J_URI}) points at a server or cluster:
 * switching to an external database is configuration, not code. Starting here, before any
 * bean exists, lets Neo4j start, migrate and load the sample while Spring builds the
 * application.
 */
public class EmbeddedNeo4jStarter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		String uri = environment.getProperty("spring.neo4j.uri", "");
		if (!uri.isBlank()) {
			return;
		}
		Binder binder = Binder.get(environment);
		var properties = binder.bindOrCreate("partynet.embedded", EmbeddedNeo4jProperties.class);
		var sample = binder.bindOrCreate("partynet.sample", SampleNetworkProperties.class);
		var server = new EmbeddedNeo4jServer(properties, sample.enabled());
		var beans = (DefaultListableBeanFactory) context.getBeanFactory();
		beans.registerSingleton("embeddedNeo4jServer", server);
		// Destroyed with the other beans: on close, and also when the start fails (a bad
		// configuration), so that Neo4j's threads do not keep the process alive.
		beans.registerDisposableBean("embeddedNeo4jServer", server::shutdown);
	}

}
