package org.partynet.shared;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.neo4j.driver.Record;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.security.Access;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named leases held in the database, so that every instance of the service on one
 * database sees them: "one import at a time" holds across instances, and a crashed
 * holder's lease ends by itself when it is not renewed. A lease may carry a few
 * properties (an import's progress) that any instance reads. Each operation is its own
 * transaction, committed at once, whatever transaction the caller is in.
 */
@Component
public class LeaseQueries {

	/**
	 * The lease for work on the whole network, one at a time: an import, a backup or a
	 * restore (its holder says which).
	 */
	public static final String BULK = "import";

	/** This process, as it is named in a lease: host and process id. */
	public static final String INSTANCE = instanceName();

	private static final Statement LOCK = Statement.bookkeeping("lease.lock", """
			MERGE (l:Lease {name: $name})
			SET l._lock = true
			REMOVE l._lock
			""");

	private static final Statement TAKE = Statement.bookkeeping("lease.take", """
			MATCH (l:Lease {name: $name})
			WHERE l.token IS NULL OR l.expiresAt < datetime({timezone: 'UTC'})
			SET l = {name: $name, token: $token, holder: $holder, instance: $instance,
			         acquiredAt: datetime({timezone: 'UTC'}),
			         expiresAt: datetime({timezone: 'UTC'}) + duration({milliseconds: $ttl})}
			RETURN l.token AS token
			""");

	private static final Statement RENEW = Statement.bookkeeping("lease.renew", """
			MATCH (l:Lease {name: $name, token: $token})
			SET l += $state, l.expiresAt = datetime({timezone: 'UTC'}) + duration({milliseconds: $ttl})
			RETURN count(l) > 0 AS held
			""");

	private static final Statement RELEASE = Statement.bookkeeping("lease.release", """
			MATCH (l:Lease {name: $name, token: $token})
			SET l = {name: $name}
			""");

	private static final Statement CURRENT = Statement.privileged("lease.current", """
			MATCH (l:Lease {name: $name})
			WHERE l.token IS NOT NULL AND l.expiresAt >= datetime({timezone: 'UTC'})
			RETURN properties(l) AS lease
			""");

	private final Graph graph;

	private final TransactionTemplate own;

	LeaseQueries(Graph graph, PlatformTransactionManager transactionManager) {
		this.graph = graph;
		this.own = new TransactionTemplate(transactionManager);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Takes the lease unless another holder's lease is current.
	 * @param name what the lease guards ({@code import})
	 * @param holder who holds it, for the one refused (a user name)
	 * @param ttl how long it lasts unless renewed
	 * @return the lease, to renew and release; empty when someone else holds it
	 */
	public Optional<Lease> acquire(String name, String holder, Duration ttl) {
		String token = UUID.randomUUID().toString();
		Map<String, Object> parameters = Graph.parameters("name", name, "token", token, "holder", holder, "instance",
				INSTANCE, "ttl", ttl.toMillis());
		boolean taken = Access.asService(() -> this.own.execute(status -> {
			this.graph.run(LOCK, parameters);
			return this.graph.one(TAKE, parameters).isPresent();
		}));
		return taken ? Optional.of(new Lease(name, token, ttl)) : Optional.empty();
	}

	/**
	 * The properties of a current lease (holder, instance, acquiredAt, expiresAt and what
	 * its holder put there); empty when nobody holds it.
	 */
	public Optional<Map<String, Object>> current(String name) {
		return Access.asService(() -> this.own.execute(status -> this.graph.one(CURRENT, Graph.parameters("name", name))
			.map((Record row) -> row.get("lease").asMap())));
	}

	/** A lease taken by this instance. */
	public final class Lease implements AutoCloseable {

		private final String name;

		private final String token;

		private final Duration ttl;

		private Lease(String name, String token, Duration ttl) {
			this.name = name;
			this.token = token;
			this.ttl = ttl;
		}

		/**
		 * Extends the lease by its time to live and stores these properties on it (simple
		 * values only).
		 * @return false when the lease had ended and someone else took it meanwhile
		 */
		public boolean renew(Map<String, ?> state) {
			return LeaseQueries.this.renew(this.name, this.token, this.ttl, state);
		}

		/** Ends the lease; nothing happens when it had already ended. */
		@Override
		public void close() {
			release(this.name, this.token);
		}

	}

	private boolean renew(String name, String token, Duration ttl, Map<String, ?> state) {
		Map<String, Object> parameters = Graph.parameters("name", name, "token", token, "ttl", ttl.toMillis(), "state",
				new HashMap<>(state));
		return Access.asService(() -> this.own.execute(
				status -> this.graph.one(RENEW, parameters).map(row -> row.get("held").asBoolean()).orElse(false)));
	}

	private void release(String name, String token) {
		Access.asService(() -> this.own
			.execute(status -> this.graph.run(RELEASE, Graph.parameters("name", name, "token", token))));
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
	}

}
