package org.partynet.support;

import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.partynet.neo4j.EmbeddedNeo4jServer;

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
		DatabaseManagementService service = EmbeddedNeo4jServer.builder(home, "localhost", 0, 64L * 1024 * 1024, true)
			.build();
		Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
		// The embedded API is not authenticated: the system database takes the password
		// as an administrator's command would, and Bolt clients need it from then on.
		service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
			.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", password));
		int port = EmbeddedNeo4jServer.boltUri(service).getPort();
		System.out.println(READY + port);
		System.out.flush();
		while (System.in.read() != -1) {
			// nothing to read: the parent only ever closes it
		}
		service.shutdown();
		System.exit(0);
	}

}
