package org.partynet.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.partynet.security.SecurityProperties.SignInProperties;
import org.partynet.security.SignInFailures.Entry;
import org.partynet.security.SignInFailures.Kind;
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
 * exists. The counts are kept in the database ({@link SignInFailures}), so that every
 * instance of the service counts the same failures and a lock holds on all of them. Both
 * kinds are bounded: a sprayer of user names fills them with its own entries, which
 * expire, and pushes out the oldest entry that is not locked.
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

	private final SignInFailures failures;

	SignInThrottle(SignInProperties properties, Clock clock, SignInFailures failures) {
		this.properties = properties;
		this.clock = clock;
		this.failures = failures;
	}

	/** Refuses an attempt while its user name or its address waits or is locked. */
	void check(String username, String address) {
		Instant now = this.clock.instant();
		Optional<SignInRefusedException> refusal = refusal(Kind.ACCOUNT, key(username), now)
			.or(() -> refusal(Kind.ADDRESS, address, now));
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
		int maxAccount = this.properties.maxFailuresPerAccount();
		int maxAddress = this.properties.maxFailuresPerAddress();
		int account = this.failures
			.failed(Kind.ACCOUNT, key(username), now, maxAccount, this.properties.lockDuration(),
					this.properties.maxEntries())
			.count();
		int fromAddress = this.failures
			.failed(Kind.ADDRESS, address, now, maxAddress, this.properties.lockDuration(),
					this.properties.maxEntries())
			.count();
		logger.info(
				"Sign-in failed for user '{}' from {} (failure {} of {} for the user name, {} of {} for the address)",
				printable(username), address, account, maxAccount, fromAddress, maxAddress);
		if (account == maxAccount) {
			logger.warn("Sign-in locked for user '{}' for {} after {} failures, the last from {}", printable(username),
					this.properties.lockDuration(), account, address);
		}
		if (fromAddress == maxAddress) {
			logger.warn("Sign-in locked for address {} for {} after {} failures, the last for user '{}'", address,
					this.properties.lockDuration(), fromAddress, printable(username));
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.failures.clear(Kind.ACCOUNT, key(event.getAuthentication().getName()));
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

	private Optional<SignInRefusedException> refusal(Kind kind, String key, Instant now) {
		Optional<Entry> entry = this.failures.current(kind, key, now);
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		boolean address = kind == Kind.ADDRESS;
		if (entry.get().locked(now)) {
			return Optional
				.of(SignInRefusedException.locked(Duration.between(now, entry.get().lockedUntil()), address));
		}
		int max = address ? this.properties.maxFailuresPerAddress() : this.properties.maxFailuresPerAccount();
		Instant next = entry.get().last().plus(waitAfter(entry.get().count(), max));
		return now.isBefore(next) ? Optional.of(SignInRefusedException.slowed(Duration.between(now, next)))
				: Optional.empty();
	}

	private Duration waitAfter(int count, int max) {
		if (this.properties.delay().isZero()) {
			return Duration.ZERO;
		}
		int slowedFrom = Math.max(1, max / 2);
		if (count < slowedFrom) {
			return Duration.ZERO;
		}
		return this.properties.delay().multipliedBy(1L << Math.min(count - slowedFrom, MAX_DOUBLINGS));
	}

	/** How many user names are remembered, at most {@code max-entries}. */
	int rememberedUserNames() {
		return this.failures.size(Kind.ACCOUNT);
	}

	/** How many addresses are remembered, at most {@code max-entries}. */
	int rememberedAddresses() {
		return this.failures.size(Kind.ADDRESS);
	}

}
