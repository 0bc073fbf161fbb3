package org.partynet.neo4j;

import java.net.URI;
import java.nio.file.Path;

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
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

/**
 * A real Neo4j running inside this JVM with its Bolt connector on, so that the driver, Spring
 * Data Neo4j, migrations and outside tools (Neo4j Browser, cypher-shell) all talk to it exactly
 * as they would to a server. Being a {@link Neo4jConnectionDetails}, it replaces the
 * {@code spring.neo4j.*} connection properties and starts before the driver.
 */
public final class EmbeddedNeo4jServer implements Neo4jConnectionDetails, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);

	private final DatabaseManagementService service;

	private final URI uri;

	public EmbeddedNeo4jServer(EmbeddedNeo4jProperties properties) {
		Path home = properties.dataDir().toAbsolutePath().normalize();
		long started = System.nanoTime();
		this.service = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltHost(), properties.boltPort()))
			// Neo4j 5.26 is built on Netty 4.1 and its in-JVM local connector fails on the Netty
			// 4.2 that Boot 4 and the driver need; Bolt over TCP works with either.
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.build();
		GraphDatabaseAPI database = (GraphDatabaseAPI) this.service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var bolt = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		this.uri = URI.create("bolt://" + bolt.getHost() + ":" + bolt.getPort());
		logger.info("Embedded Neo4j started in {} ms, store in {}, Bolt on {}", (System.nanoTime() - started) / 1_000_000,
				home, this.uri);
	}

	@Override
	public URI getUri() {
		return this.uri;
	}

	@Override
	public AuthToken getAuthToken() {
		// Authentication is off: the connector listens on localhost unless configured otherwise.
		return AuthTokens.none();
	}

	@Override
	public void destroy() {
		this.service.shutdown();
	}

}
