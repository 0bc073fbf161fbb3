package org.partynet.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.partynet.security.SecurityProperties.SignInProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Failed sign-ins, counted per user name and per client address. In the second half of
 * the allowed failures the next attempt waits (1 s, 2 s, 4 s… with the defaults), then
 * the name or the address is locked for {@code lock-duration}; while it waits or is
 * locked, every attempt is refused before its password is checked, the right one too. A
 * success clears its user name (never the address: one valid account must not buy a
 * sprayer more guesses). Failures are forgotten {@code lock-duration} after the last one.
 * <p>
 * The counts come from Spring Security's authentication events, so they see exactly what
 * the {@code ProviderManager} decided; an unknown user name fails like a wrong password,
 * so it is counted and locked alike and a lock says nothing about whether an account
 * exists. Both tables are bounded: a sprayer of user names fills them with its own
 * entries, which expire, and pushes out the oldest entry that is not locked.
 * <p>
 * The address is the request's remote address: a proxy's {@code X-Forwarded-For} counts
 * only when Boot's {@code server.forward-headers-strategy} is set, which makes it the
 * remote address.
 */
class SignInThrottle {

	private static final Logger logger = LoggerFactory.getLogger(SignInThrottle.class);

	/**
	 * Longer user names are counted by their first characters: no account has such a
	 * name.
	 */
	private static final int MAX_KEY_LENGTH = 100;

	private static final String UNKNOWN_ADDRESS = "unknown";

	/** The wait doubles at most this many times. */
	private static final int MAX_DOUBLINGS = 5;

	private final SignInProperties properties;

	private final Clock clock;

	private final Table accounts;

	private final Table addresses;

	SignInThrottle(SignInProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.accounts = new Table(properties.maxFailuresPerAccount(), properties.maxEntries());
		this.addresses = new Table(properties.maxFailuresPerAddress(), properties.maxEntries());
	}

	/** Refuses an attempt while its user name or its address waits or is locked. */
	void check(String username, String address) {
		Instant now = this.clock.instant();
		Optional<SignInRefusedException> refusal = this.accounts.refusal(key(username), now, false)
			.or(() -> this.addresses.refusal(address, now, true));
		if (refusal.isPresent()) {
			logger.debug("Sign-in refused for user '{}' from {}: {}", printable(username), address,
					refusal.get().getMessage());
			throw refusal.get();
		}
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		String address = address(event.getAuthentication());
		Instant now = this.clock.instant();
		int account = this.accounts.failed(key(username), now);
		int fromAddress = this.addresses.failed(address, now);
		logger.info(
				"Sign-in failed for user '{}' from {} (failure {} of {} for the user name, {} of {} for the address)",
				printable(username), address, account, this.accounts.max, fromAddress, this.addresses.max);
		if (account == this.accounts.max) {
			logger.warn("Sign-in locked for user '{}' for {} after {} failures, the last from {}", printable(username),
					this.properties.lockDuration(), account, address);
		}
		if (fromAddress == this.addresses.max) {
			logger.warn("Sign-in locked for address {} for {} after {} failures, the last for user '{}'", address,
					this.properties.lockDuration(), fromAddress, printable(username));
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.accounts.clear(key(event.getAuthentication().getName()));
	}

	/**
	 * The client address of a sign-in, from the request details that the form and Basic
	 * both attach.
	 */
	static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : UNKNOWN_ADDRESS;
	}

	private static String key(String username) {
		String name = (username != null) ? username : "";
		return (name.length() > MAX_KEY_LENGTH) ? name.substring(0, MAX_KEY_LENGTH) : name;
	}

	/** A user name as typed, for the log: control characters could forge log lines. */
	private static String printable(String username) {
		StringBuilder printable = new StringBuilder();
		key(username).codePoints()
			.forEach((c) -> printable
				.append(Character.isISOControl(c) ? "\\u%04x".formatted(c) : Character.toString(c)));
		return printable.toString();
	}

	private Duration waitAfter(Failures failures, int max) {
		if (this.properties.delay().isZero()) {
			return Duration.ZERO;
		}
		int slowedFrom = Math.max(1, max / 2);
		if (failures.count < slowedFrom) {
			return Duration.ZERO;
		}
		return this.properties.delay().multipliedBy(1L << Math.min(failures.count - slowedFrom, MAX_DOUBLINGS));
	}

	/** The failures of one user name or one address. */
	private static final class Failures {

		private int count;

		private Instant last;

		private Instant lockedUntil;

		boolean locked(Instant now) {
			return this.lockedUntil != null && now.isBefore(this.lockedUntil);
		}

	}

	/**
	 * Failures by key, bounded, the least recently used first. Every operation is short
	 * and holds the table's lock, so that counting and refusing never race each other.
	 */
	private final class Table {

		private final int max;

		private final int maxEntries;

		private final LinkedHashMap<String, Failures> entries = new LinkedHashMap<>(16, 0.75f, true);

		Table(int max, int maxEntries) {
			this.max = max;
			this.maxEntries = maxEntries;
		}

		synchronized Optional<SignInRefusedException> refusal(String key, Instant now, boolean address) {
			Failures failures = current(key, now);
			if (failures == null) {
				return Optional.empty();
			}
			if (failures.locked(now)) {
				return Optional.of(SignInRefusedException.locked(Duration.between(now, failures.lockedUntil), address));
			}
			Instant next = failures.last.plus(waitAfter(failures, this.max));
			return now.isBefore(next) ? Optional.of(SignInRefusedException.slowed(Duration.between(now, next)))
					: Optional.empty();
		}

		/** Counts a failure and locks at the maximum; answers the count. */
		synchronized int failed(String key, Instant now) {
			Failures failures = current(key, now);
			if (failures == null) {
				makeRoom(now);
				failures = new Failures();
				this.entries.put(key, failures);
			}
			failures.count++;
			failures.last = now;
			if (failures.count == this.max) {
				failures.lockedUntil = now.plus(SignInThrottle.this.properties.lockDuration());
			}
			return failures.count;
		}

		synchronized void clear(String key) {
			this.entries.remove(key);
		}

		synchronized int size() {
			return this.entries.size();
		}

		/**
		 * The entry of a key, unless it has expired: a lock has ended or the last failure
		 * is old.
		 */
		private Failures current(String key, Instant now) {
			Failures failures = this.entries.get(key);
			if (failures != null && expired(failures, now)) {
				this.entries.remove(key);
				return null;
			}
			return failures;
		}

		private boolean expired(Failures failures, Instant now) {
			if (failures.lockedUntil != null) {
				return !failures.locked(now);
			}
			return !now.isBefore(failures.last.plus(SignInThrottle.this.properties.lockDuration()));
		}

		private void makeRoom(Instant now) {
			if (this.entries.size() < this.maxEntries) {
				return;
			}
			this.entries.values().removeIf((failures) -> expired(failures, now));
			if (this.entries.size() < this.maxEntries) {
				return;
			}
			Iterator<Map.Entry<String, Failures>> eldest = this.entries.entrySet().iterator();
			Map.Entry<String, Failures> victim = null;
			while (eldest.hasNext()) {
				Map.Entry<String, Failures> entry = eldest.next();
				if (!entry.getValue().locked(now)) {
					victim = entry;
					break;
				}
			}
			this.entries.remove(((victim != null) ? victim : this.entries.entrySet().iterator().next()).getKey());
		}

	}

	/** How many user names are remembered, at most {@code max-entries}. */
	int rememberedUserNames() {
		return this.accounts.size();
	}

	/** How many addresses are remembered, at most {@code max-entries}. */
	int rememberedAddresses() {
		return this.addresses.size();
	}

}
