package org.partynet.neo4j;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which errors run a transaction again, how often, and how long it waits in between. */
class TransientRetryTests {

	private static final TransientException OUTDATED = new TransientException("Neo.TransientError.Transaction.Outdated",
			"Transaction has seen state which has been invalidated by applied updates while transaction was active.");

	private static final TransientException DEADLOCK = new TransientException(
			"Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire ExclusiveLock");

	@Test
	void what_neo4j_means_to_be_retried_is_transient_as_thrown_translated_or_wrapped() {
		assertThat(TransientRetry.isTransient(OUTDATED)).isTrue();
		assertThat(TransientRetry.isTransient(DEADLOCK)).isTrue();
		assertThat(TransientRetry.isTransient(new SessionExpiredException("leader switched"))).isTrue();
		assertThat(TransientRetry.isTransient(new ServiceUnavailableException("no reader"))).isTrue();
		// what Spring's Neo4jClient throws for it, and what a failed commit arrives as
		assertThat(TransientRetry.isTransient(new TransientDataAccessResourceException("Outdated", OUTDATED))).isTrue();
		assertThat(TransientRetry.isTransient(new TransientDataAccessResourceException("translated, cause lost")))
			.isTrue();
		assertThat(TransientRetry.isTransient(new TransactionSystemException("Caught a retryable exception", DEADLOCK)))
			.isTrue();
	}

	@Test
	void errors_a_retry_cannot_mend_are_not_transient() {
		assertThat(TransientRetry.isTransient(new ClientException("Neo.ClientError.Statement.SyntaxError", "bad")))
			.isFalse();
		assertThat(TransientRetry.isTransient(new DatabaseException("Neo.DatabaseError.General.UnknownError", "bad")))
			.isFalse();
		assertThat(TransientRetry.isTransient(new DataIntegrityViolationException("code taken"))).isFalse();
		// a version the caller last read is stale: running again cannot help
		assertThat(TransientRetry.isTransient(new OptimisticLockingFailureException("stale"))).isFalse();
		assertThat(TransientRetry.isTransient(new IllegalArgumentException("user error"))).isFalse();
		assertThat(TransientRetry.isTransient(null)).isFalse();
	}

	@Test
	void a_transaction_that_failed_transiently_runs_again_until_it_succeeds() {
		AtomicInteger attempts = new AtomicInteger();
		String result = TransientRetry.run("test", () -> {
			if (attempts.incrementAndGet() < 3) {
				throw new TransientDataAccessResourceException("Outdated", OUTDATED);
			}
			return "done";
		});
		assertThat(result).isEqualTo("done");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void retries_end_after_five_attempts_with_the_last_error() {
		AtomicInteger attempts = new AtomicInteger();
		long started = System.nanoTime();
		assertThatThrownBy(() -> TransientRetry.run("test", () -> {
			attempts.incrementAndGet();
			throw OUTDATED;
		})).isSameAs(OUTDATED);
		assertThat(attempts).hasValue(TransientRetry.MAX_ATTEMPTS);
		// four waits of at most 15, 30, 60 and 120 ms
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
	}

	@Test
	void any_other_error_ends_the_first_attempt() {
		AtomicInteger attempts = new AtomicInteger();
		DataIntegrityViolationException conflict = new DataIntegrityViolationException("code taken");
		assertThatThrownBy(() -> TransientRetry.run("test", () -> {
			attempts.incrementAndGet();
			throw conflict;
		})).isSameAs(conflict);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void the_back_off_doubles_from_ten_milliseconds_with_jitter() {
		for (int i = 0; i < 100; i++) {
			assertThat(TransientRetry.delayMillis(1)).isBetween(5L, 15L);
			assertThat(TransientRetry.delayMillis(4)).isBetween(40L, 120L);
		}
	}

}
