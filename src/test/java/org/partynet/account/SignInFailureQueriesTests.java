package org.partynet.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;
import org.partynet.security.SignInFailures.Entry;
import org.partynet.security.SignInFailures.Kind;
import org.partynet.support.InProcessNeo4j;
import org.partynet.support.QueryTestSupport;

import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle's counts in Neo4j, as every instance shares them: counted, locked
 * at the maximum, forgotten when expired (the node deleted), cleared, and bounded however
 * many keys are sprayed, the locked ones kept.
 */
class SignInFailureQueriesTests extends QueryTestSupport {

	private static final Neo4j neo4j = InProcessNeo4j.fresh();

	private static final Duration LOCK = Duration.ofMinutes(15);

	private final SignInFailureQueries failures = new SignInFailureQueries(graph(neo4j),
			new Neo4jTransactionManager(InProcessNeo4j.driver(neo4j)));

	private final Instant start = Instant.parse("2026-12-01T08:00:00Z");

	@BeforeEach
	void empty() {
		try (var session = InProcessNeo4j.driver(neo4j).session()) {
			session.run("MATCH (f:SignInFailure) DELETE f").consume();
		}
	}

	private long nodes() {
		try (var session = InProcessNeo4j.driver(neo4j).session()) {
			return session.run("MATCH (f:SignInFailure) RETURN count(f)").single().get(0).asLong();
		}
	}

	@Test
	void failures_count_lock_at_the_maximum_and_are_forgotten_when_expired() {
		for (int i = 1; i <= 4; i++) {
			Entry entry = this.failures.failed(Kind.ACCOUNT, "secretary", this.start.plusSeconds(i), 5, LOCK, 100);
			assertThat(entry.count()).isEqualTo(i);
			assertThat(entry.lockedUntil()).isNull();
		}
		Entry locked = this.failures.failed(Kind.ACCOUNT, "secretary", this.start.plusSeconds(5), 5, LOCK, 100);
		assertThat(locked.lockedUntil()).isEqualTo(this.start.plusSeconds(5).plus(LOCK));
		assertThat(this.failures.current(Kind.ACCOUNT, "secretary", this.start.plusSeconds(6)))
			.hasValueSatisfying(entry -> assertThat(entry.locked(this.start.plusSeconds(6))).isTrue());
		// the address of the same name is another key
		assertThat(this.failures.current(Kind.ADDRESS, "secretary", this.start)).isEmpty();
		// the lock ends: the entry is gone, and the next failure starts afresh
		assertThat(this.failures.current(Kind.ACCOUNT, "secretary", this.start.plusSeconds(5).plus(LOCK))).isEmpty();
		assertThat(nodes()).isZero();
		assertThat(this.failures.failed(Kind.ACCOUNT, "secretary", this.start.plus(LOCK).plusSeconds(6), 5, LOCK, 100)
			.count()).isEqualTo(1);
		// an unlocked entry is forgotten a lock duration after its last failure
		this.failures.failed(Kind.ADDRESS, "10.0.0.1", this.start, 20, LOCK, 100);
		assertThat(this.failures.current(Kind.ADDRESS, "10.0.0.1", this.start.plus(LOCK).minusSeconds(1))).isPresent();
		assertThat(this.failures.current(Kind.ADDRESS, "10.0.0.1", this.start.plus(LOCK))).isEmpty();
		this.failures.clear(Kind.ACCOUNT, "secretary");
		assertThat(this.failures.size(Kind.ACCOUNT)).isZero();
	}

	@Test
	void spraying_keys_keeps_each_kind_bounded_and_the_locks_in_place() {
		for (int i = 1; i <= 5; i++) {
			this.failures.failed(Kind.ACCOUNT, "secretary", this.start.plusSeconds(i), 5, LOCK, 10);
		}
		for (int i = 0; i < 50; i++) {
			this.failures.failed(Kind.ACCOUNT, "spray-" + i, this.start.plusSeconds(10 + i), 5, LOCK, 10);
			this.failures.failed(Kind.ADDRESS, "10.1.0." + i, this.start.plusSeconds(10 + i), 20, LOCK, 10);
		}
		assertThat(this.failures.size(Kind.ACCOUNT)).isLessThanOrEqualTo(10);
		assertThat(this.failures.size(Kind.ADDRESS)).isLessThanOrEqualTo(10);
		assertThat(this.failures.current(Kind.ACCOUNT, "secretary", this.start.plusSeconds(70)))
			.hasValueSatisfying(entry -> assertThat(entry.count()).isEqualTo(5));
		assertThat(this.failures.current(Kind.ACCOUNT, "spray-49", this.start.plusSeconds(70))).isPresent();
		assertThat(this.failures.current(Kind.ACCOUNT, "spray-0", this.start.plusSeconds(70))).isEmpty();
	}

}
