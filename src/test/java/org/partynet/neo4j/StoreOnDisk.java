package org.partynet.neo4j;

import java.nio.file.Path;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

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
		DatabaseManagementService service = EmbeddedNeo4jServer
			.builder(dataDir.toAbsolutePath(), "localhost", 0, 32L * 1024 * 1024, false)
			.build();
		Driver driver = GraphDatabase.driver(EmbeddedNeo4jServer.boltUri(service), AuthTokens.none());
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
