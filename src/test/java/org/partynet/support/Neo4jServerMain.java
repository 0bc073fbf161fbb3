package org.partynet.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The Neo4j server of {@link Neo4jServerProcess}, run in a JVM of its own: Neo4j 5.26
 * Community from the class path, on a store directory, Bolt on a free port, with
 * authentication on and the password of user {@code neo4j} set. Prints
 * {@code NEO4J READY <port>} when it takes connections, and stops when its standard input
 * closes (the test that started it ended, however it ended).
 * <p>
 * Arguments: the store directory and the password.
 */
public final class Neo4jServerMain {

	/** The line that says the server takes connections, followed by the Bolt port. */
	public static final String READY = "NEO4J READY ";

	private Neo4jServerMain() {
	}

	public static void main(String[] args) throws Exception {
		Path home = Path.of(args[0]);
		String password = args[1];
		DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("localhost", 0))
			// as in the embedded server: Neo4j's in-JVM connector fails on Boot's Netty
			// 4.2
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
			.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
			.build();
		Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
		// The embedded API is not authenticated: the system database takes the password
		// as an administrator's command would, and Bolt clients need it from then on.
		service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
			.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", password));
		GraphDatabaseAPI database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		int port = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		System.out.println(READY + port);
		System.out.flush();
		while (System.in.read() != -1) {
			// nothing to read: the parent only ever closes it
		}
		service.shutdown();
		System.exit(0);
	}

}
