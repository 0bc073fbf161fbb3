package org.partynet.neo4j;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Holds the web server back until the database is ready. The embedded Neo4j sets itself
 * up on its own thread (see {@link EmbeddedNeo4jStarter}); an external database is
 * migrated here, and gets the sample network only when {@code partynet.sample.external}
 * asks for it. An external database that refuses the service's user or cannot be reached
 * stops the start with a {@link DatabaseUnreachableException}, which names the address,
 * the user and the settings to fix.
 */
@Component
class DatabaseInitializer implements SmartLifecycle {

	private final Driver driver;

	private final SampleNetworkProperties sample;

	private final EmbeddedNeo4jServer embedded;

	private final Environment environment;

	private volatile boolean running;

	DatabaseInitializer(Driver driver, SampleNetworkProperties sample, ObjectProvider<EmbeddedNeo4jServer> embedded,
			Environment environment) {
		this.driver = driver;
		this.environment = environment;
		this.sample = sample;
		this.embedded = embedded.getIfAvailable();
	}

	@Override
	public void start() {
		if (this.embedded != null) {
			this.embedded.awaitReady();
		}
		else {
			try {
				DatabaseSetup.run(this.driver, this.sample.enabled() && this.sample.external());
			}
			catch (RuntimeException ex) {
				DatabaseUnreachableException unreachable = DatabaseUnreachableException.of(ex,
						this.environment.getProperty("spring.neo4j.uri", ""),
						this.environment.getProperty("spring.neo4j.authentication.username", "neo4j"));
				throw (unreachable != null) ? unreachable : ex;
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Before the web server starts taking requests (Boot starts it in a much later
		// phase).
		return 0;
	}

}
