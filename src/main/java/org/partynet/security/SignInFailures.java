package org.partynet.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link SignInThrottle} keeps its counts: in the database, so that every instance
 * of the service on it counts the same failures and a lock holds on all of them.
 * Implemented where the graph is written ({@code account}); this package only asks. An
 * entry is forgotten when its lock has ended, or, unlocked, a lock duration after its
 * last failure; each kind holds at most {@code maxEntries}, pushing out the oldest entry
 * that is not locked.
 */
public interface SignInFailures {

	/** What a count is kept for. */
	enum Kind {

		/** A user name (its first characters). */
		ACCOUNT,

		/** A client address. */
		ADDRESS

	}

	/**
	 * The failures of one key.
	 *
	 * @param count failures since the entry began
	 * @param last the last failure
	 * @param lockedUntil the end of its lock; {@code null} while it is not locked
	 */
	record Entry(int count, Instant last, Instant lockedUntil) {

		public boolean locked(Instant now) {
			return this.lockedUntil != null && now.isBefore(this.lockedUntil);
		}

	}

	/** The entry of a key, unless it has expired (then it is gone). */
	Optional<Entry> current(Kind kind, String key, Instant now);

	/**
	 * Counts one failure at once for every instance (an expired entry starts afresh) and
	 * locks the key for {@code lockDuration} when the count reaches {@code lockAt}.
	 * @return the entry as it is now
	 */
	Entry failed(Kind kind, String key, Instant now, int lockAt, Duration lockDuration, int maxEntries);

	/** Forgets a key. */
	void clear(Kind kind, String key);

	/** How many keys of that kind are remembered. */
	int size(Kind kind);

}
