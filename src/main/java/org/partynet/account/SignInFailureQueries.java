package org.partynet.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.security.Access;
import org.partynet.security.SignInFailures;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in throttle's counts in the database, {@code (:SignInFailure {key})} (V0007),
 * shared by every instance on it. Each operation is a transaction of its own, committed
 * at once (a failed sign-in rolls nothing back), and run as the service's own work:
 * nobody is signed in yet. The times are the throttle's clock, passed in, so that its
 * rules are the same whatever the database's clock says.
 */
@Component
class SignInFailureQueries implements SignInFailures {

	private static final Statement CURRENT = Statement.bookkeeping("account.signInFailure.current", """
			MATCH (f:SignInFailure {key: $key})
			WITH f, f.expiresAt <= $now AS expired, f.count AS count, f.last AS last, f.lockedUntil AS lockedUntil
			FOREACH (gone IN CASE WHEN expired THEN [f] ELSE [] END | DELETE gone)
			WITH count, last, lockedUntil WHERE NOT expired
			RETURN count, last, lockedUntil
			""");

	/**
	 * One failure: the node's write lock first, so that two instances counting the same
	 * key at once both count; an expired entry starts afresh.
	 */
	private static final Statement FAILED = Statement.bookkeeping("account.signInFailure.failed",
			"""
					MERGE (f:SignInFailure {key: $key})
					ON CREATE SET f.kind = $kind, f.count = 0
					SET f._lock = true
					REMOVE f._lock
					WITH f, (f.expiresAt IS NULL OR f.expiresAt <= $now) AS fresh
					SET f.count = CASE WHEN fresh THEN 1 ELSE f.count + 1 END, f.last = $now
					SET f.lockedUntil = CASE WHEN f.count = $lockAt THEN $lockedUntil WHEN fresh THEN null ELSE f.lockedUntil END
					SET f.expiresAt = coalesce(f.lockedUntil, $forgetAt)
					RETURN f.count AS count, f.last AS last, f.lockedUntil AS lockedUntil, fresh
					""");

	/**
	 * Keeps a kind within its bound after a new key: the expired entries go, then the
	 * oldest that are not locked (the locked ones only when nothing else is left).
	 */
	private static final Statement MAKE_ROOM = Statement.bookkeeping("account.signInFailure.makeRoom", """
			MATCH (f:SignInFailure {kind: $kind})
			WHERE f.expiresAt <= $now
			DELETE f
			WITH count(*) AS expired
			MATCH (f:SignInFailure {kind: $kind})
			WITH f ORDER BY (f.lockedUntil IS NOT NULL AND f.lockedUntil > $now), f.last
			WITH collect(f) AS entries
			WITH entries, size(entries) - $maxEntries AS excess
			UNWIND (CASE WHEN excess > 0 THEN entries[0..excess] ELSE [] END) AS victim
			DELETE victim
			""");

	private static final Statement CLEAR = Statement.bookkeeping("account.signInFailure.clear",
			"MATCH (f:SignInFailure {key: $key}) DELETE f");

	private static final Statement SIZE = Statement.bookkeeping("account.signInFailure.size",
			"MATCH (f:SignInFailure {kind: $kind}) RETURN count(f) AS size");

	private final Graph graph;

	private final TransactionTemplate own;

	SignInFailureQueries(Graph graph, PlatformTransactionManager transactionManager) {
		this.graph = graph;
		this.own = new TransactionTemplate(transactionManager);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public Optional<Entry> current(Kind kind, String key, Instant now) {
		return work(() -> this.graph.one(CURRENT, Graph.parameters("key", key(kind, key), "now", time(now)))
			.map(SignInFailureQueries::entry));
	}

	@Override
	public Entry failed(Kind kind, String key, Instant now, int lockAt, Duration lockDuration, int maxEntries) {
		Map<String, Object> parameters = Graph.parameters("key", key(kind, key), "kind", kind.name(), "now", time(now),
				"lockAt", lockAt, "lockedUntil", time(now.plus(lockDuration)), "forgetAt",
				time(now.plus(lockDuration)));
		return work(() -> {
			Record row = this.graph.one(FAILED, parameters).orElseThrow();
			if (row.get("fresh").asBoolean()) {
				this.graph.run(MAKE_ROOM,
						Graph.parameters("kind", kind.name(), "now", time(now), "maxEntries", maxEntries));
			}
			return entry(row);
		});
	}

	@Override
	public void clear(Kind kind, String key) {
		work(() -> this.graph.run(CLEAR, Graph.parameters("key", key(kind, key))));
	}

	@Override
	public int size(Kind kind) {
		return work(() -> this.graph.one(SIZE, Graph.parameters("kind", kind.name()))
			.map(row -> row.get("size").asInt())
			.orElse(0));
	}

	private <T> T work(Supplier<T> work) {
		return Access.asService(() -> this.own.execute(status -> work.get()));
	}

	private static String key(Kind kind, String key) {
		return kind.name() + ":" + key;
	}

	private static ZonedDateTime time(Instant instant) {
		return instant.atZone(ZoneOffset.UTC);
	}

	private static Entry entry(Record row) {
		Value locked = row.get("lockedUntil");
		return new Entry(row.get("count").asInt(), row.get("last").asZonedDateTime().toInstant(),
				locked.isNull() ? null : locked.asZonedDateTime().toInstant());
	}

}
