package org.partynet.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.util.unit.DataSize;

/**
 * A real Neo4j running inside this JVM with its Bolt connector on, so that the driver,
 * Spring Data Neo4j, migrations and outside tools (Neo4j Browser, cypher-shell) all talk
 * to it exactly as they would to a server. Being a {@link Neo4jConnectionDetails}, it
 * replaces the {@code spring.neo4j.*} connection properties for the application's driver.
 * <p>
 * Neo4j takes seconds to start on a small machine, so it starts, migrates and loads the
 * sample on a thread of its own while Spring builds the rest of the application;
 * {@link #awaitReady()} waits for all of that.
 */
public final class EmbeddedNeo4jServer implements Neo4jConnectionDetails {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);

	private final EmbeddedNeo4jProperties properties;

	private final CompletableFuture<Started> started;

	EmbeddedNeo4jServer(EmbeddedNeo4jProperties properties, boolean loadSample) {
		this.properties = properties;
		this.started = new CompletableFuture<>();
		Thread starter = new Thread(() -> {
			Started started = null;
			try {
				started = start();
				// A driver of its own: the application's driver does not exist yet.
				try (Driver driver = GraphDatabase.driver(started.uri(), AuthTokens.none())) {
					DatabaseSetup.run(driver, loadSample);
				}
				this.started.complete(started);
			}
			catch (Throwable ex) {
				if (started != null) {
					// a failed migration must not leave the store locked behind a failed
					// start
					started.service().shutdown();
				}
				this.started.completeExceptionally(ex);
			}
		}, "embedded-neo4j-start");
		starter.start();
	}

	private Started start() {
		Path home = this.properties.dataDir().toAbsolutePath().normalize();
		long begin = System.nanoTime();
		DatabaseManagementService service = builder(home, this.properties.boltHost(), this.properties.boltPort(),
				this.properties.pageCache().toBytes(), false)
			.build();
		URI uri = boltUri(service);
		logger.info("Embedded Neo4j started in {} ms, store in {}, Bolt on {}", (System.nanoTime() - begin) / 1_000_000,
				home, uri);
		return new Started(service, uri);
	}

	/**
	 * A Neo4j in this JVM as the service runs it: Bolt over TCP on that address, the page
	 * cache given, no usage data sent, and a quick shutdown. The tests' own servers (a
	 * second process with authentication, a store opened on disk) are built here too.
	 * @param boltPort 0 picks a free one
	 * @param auth whether Bolt clients must sign in
	 */
	public static DatabaseManagementServiceBuilder builder(Path home, String boltHost, int boltPort,
			long pageCacheBytes, boolean auth) {
		return new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(boltHost, boltPort))
			// Neo4j 5.26 is built on Netty 4.1 and its in-JVM local connector fails on
			// the Netty 4.2 that Boot 4 and the driver need; Bolt over TCP works with
			// either.
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
			.setConfig(GraphDatabaseSettings.auth_enabled, auth)
			// No usage data leaves the machine (and intranets could not send it anyway).
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			// Shutting down waits 10 s by default for Bolt connections to drain; a
			// service that is being stopped, and tests that start and stop it, should
			// not.
			.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
			.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
	}

	/** Where Bolt clients reach a started Neo4j: the port it actually listens on. */
	public static URI boltUri(DatabaseManagementService service) {
		GraphDatabaseAPI database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var bolt = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		return URI.create("bolt://" + bolt.getHost() + ":" + bolt.getPort());
	}

	/**
	 * Waits until Neo4j accepts connections, is migrated and holds the sample (if
	 * wanted).
	 */
	public void awaitReady() {
		started();
	}

	/** Where the store lives, as an absolute path. */
	public Path storePath() {
		return this.properties.dataDir().toAbsolutePath().normalize();
	}

	/** The free disk below which the store's volume is reported as not ready. */
	public DataSize minFreeDisk() {
		return this.properties.minFreeDisk();
	}

	@Override
	public URI getUri() {
		if (this.properties.boltPort() != 0) {
			// Known in advance: the driver may be built while Neo4j is still starting.
			return URI.create("bolt://" + this.properties.boltHost() + ":" + this.properties.boltPort());
		}
		return started().uri();
	}

	@Override
	public AuthToken getAuthToken() {
		// Authentication is off: the connector listens on localhost unless configured
		// otherwise.
		return AuthTokens.none();
	}

	void shutdown() {
		try {
			started().service().shutdown();
		}
		catch (IllegalStateException ex) {
			// it never started: nothing to shut down
		}
	}

	private Started started() {
		try {
			return this.started.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The embedded Neo4j did not start or set up: " + ex.getCause().getMessage(),
					ex.getCause());
		}
	}

	private record Started(DatabaseManagementService service, URI uri) {
	}

}
