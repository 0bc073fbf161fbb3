package org.partynet.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j store in a data directory, opened by the test itself without the service: the
 * same layout as the embedded default ({@code DATA_DIR/data/databases/neo4j}), so that
 * the service started later on that directory finds what the test wrote there. Bolt on a
 * free port; closing shuts Neo4j down and frees the store.
 */
final class StoreOnDisk implements AutoCloseable {

	private final DatabaseManagementService service;

	private final Driver driver;

	private StoreOnDisk(DatabaseManagementService service, Driver driver) {
		this.service = service;
		this.driver = driver;
	}

	static StoreOnDisk open(Path dataDir) {
		DatabaseManagementService service = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("localhost", 0))
			// as EmbeddedNeo4jServer: Neo4j's local connector fails on Boot's Netty
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
			.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
			.build();
		var bolt = ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
			.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		Driver driver = GraphDatabase.driver("bolt://" + bolt.getHost() + ":" + bolt.getPort(), AuthTokens.none());
		return new StoreOnDisk(service, driver);
	}

	Driver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.close();
		this.service.shutdown();
	}

}
