package org.partynet.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A real Neo4j server in a second process, as a district would run one: the same Neo4j
 * version as the service's, from the test's class path ({@link Neo4jServerMain}), on a
 * temporary store, Bolt on a free port, with authentication on and a password. Started
 * once per test class; {@link #close} stops it, and so does the end of this JVM, however
 * it ends (its standard input closes, and a shutdown hook destroys it), so no server is
 * left behind.
 */
public final class Neo4jServerProcess implements AutoCloseable {

	/** The password of user {@code neo4j}. */
	public static final String PASSWORD = "partynet-test-secret";

	public static final String USERNAME = "neo4j";

	private final Process process;

	private final Thread hook;

	private final int port;

	private final List<String> output;

	private Driver driver;

	private Neo4jServerProcess(Process process, Thread hook, int port, List<String> output) {
		this.process = process;
		this.hook = hook;
		this.port = port;
		this.output = output;
	}

	/** Starts a server and waits until it takes connections (at most two minutes). */
	public static Neo4jServerProcess start() throws IOException, InterruptedException {
		Path home = Files.createTempDirectory("partynet-neo4j-server");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Neo4jServerMain.class.getName(),
				home.toString(), PASSWORD);
		Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
		Thread hook = new Thread(process::destroyForcibly);
		Runtime.getRuntime().addShutdownHook(hook);
		List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
		CompletableFuture<Integer> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.add(line);
					if (line.startsWith(Neo4jServerMain.READY)) {
						ready.complete(Integer.parseInt(line.substring(Neo4jServerMain.READY.length()).strip()));
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
			ready.completeExceptionally(
					new IllegalStateException("The Neo4j server ended: " + String.join("\n", output)));
		}, "neo4j-server-output");
		reader.setDaemon(true);
		reader.start();
		try {
			return new Neo4jServerProcess(process, hook, ready.get(2, TimeUnit.MINUTES), output);
		}
		catch (java.util.concurrent.ExecutionException | TimeoutException ex) {
			process.destroyForcibly().waitFor();
			Runtime.getRuntime().removeShutdownHook(hook);
			throw new IllegalStateException("The Neo4j server did not start: " + String.join("\n", output), ex);
		}
	}

	/** {@code bolt://localhost:PORT}. */
	public String uri() {
		return "bolt://localhost:" + this.port;
	}

	/** A driver signed in as {@code neo4j}, for the test's own look at the database. */
	public synchronized Driver driver() {
		if (this.driver == null) {
			this.driver = GraphDatabase.driver(uri(), AuthTokens.basic(USERNAME, PASSWORD));
		}
		return this.driver;
	}

	/** Stops the server: closes its standard input, then waits, then destroys it. */
	@Override
	public void close() throws Exception {
		if (this.driver != null) {
			this.driver.close();
		}
		this.process.getOutputStream().close();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
		Runtime.getRuntime().removeShutdownHook(this.hook);
	}

}
