package org.partynet.neo4j;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Runs a whole transaction again when Neo4j failed it with a transient error, as the
 * driver's managed transactions do: a deadlock,
 * {@code Neo.TransientError.Transaction.Outdated} (a read that saw state a concurrent
 * write invalidated), a cluster member that went away. Neo4j rolled the failed
 * transaction back, so running it again is safe, and a write still happens exactly once.
 * Bounded in attempts and in time, with a jittered exponential back-off so that two
 * transactions that deadlocked do not meet again at the same instant. Errors a caller
 * caused are never transient and never retried.
 */
public final class TransientRetry {

	/** Attempts in all, the first included. */
	public static final int MAX_ATTEMPTS = 5;

	private static final Duration FIRST_DELAY = Duration.ofMillis(10);

	/**
	 * No new attempt starts once this much time has passed since the first failure (the
	 * driver's default too): a slow first attempt, such as a statement planned for the
	 * first time on a busy machine, does not use up the retries.
	 */
	private static final Duration MAX_RETRY_TIME = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(TransientRetry.class);

	private TransientRetry() {
	}

	/**
	 * Whether this error, or one it was caused by, is one Neo4j means to be retried: what
	 * the driver marks {@link RetryableException} and what Spring translates it into (the
	 * translated exception keeps the driver's as its cause, a failed commit arrives
	 * wrapped in a {@code TransactionSystemException}).
	 */
	public static boolean isTransient(Throwable error) {
		int depth = 0;
		for (Throwable cause = error; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof RetryableException || cause instanceof TransientDataAccessResourceException
					|| cause instanceof PessimisticLockingFailureException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs {@code transaction} until it ends without a transient error, at most
	 * {@value #MAX_ATTEMPTS} times; rethrows the last transient error when none is left,
	 * and any other error at once. Each attempt must be a transaction of its own, begun
	 * and ended inside {@code transaction}.
	 * @param what names the work in the log
	 */
	public static <T> T run(String what, Supplier<T> transaction) {
		long firstFailure = 0;
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.get();
			}
			catch (RuntimeException ex) {
				if (!isTransient(ex)) {
					throw ex;
				}
				if (attempt == 1) {
					firstFailure = System.nanoTime();
				}
				long delay = delayMillis(attempt);
				long elapsed = (System.nanoTime() - firstFailure) / 1_000_000;
				if (attempt >= MAX_ATTEMPTS || elapsed + delay > MAX_RETRY_TIME.toMillis()) {
					// the caller reports the error itself, with its detail
					logger.warn("{}: transient error in each of {} attempts ({} ms since the first), given up: {}",
							what, attempt, elapsed, innermost(ex));
					throw ex;
				}
				logger.debug("{}: transient error in attempt {}, retrying in {} ms: {}", what, attempt, delay,
						innermost(ex));
				sleep(delay);
			}
		}
	}

	/** What Neo4j said, under Spring's translation and our wrapping. */
	private static String innermost(Throwable error) {
		Throwable cause = error;
		for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 20; depth++) {
			cause = cause.getCause();
		}
		return cause.toString();
	}

	/** 10, 20, 40, 80 ms, each between half and one and a half times that. */
	static long delayMillis(int attempt) {
		long base = FIRST_DELAY.toMillis() << Math.min(attempt - 1, 10);
		return (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry a transaction", ex);
		}
	}

}
