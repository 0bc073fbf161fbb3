package org.partynet.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused by {@link SignInThrottle} before its password was checked. A
 * {@link LockedException}, so that the {@code ProviderManager} answers it at once instead
 * of asking another provider, and so that it is not counted as a failure itself. Its
 * message is shown to people as it is.
 */
public class SignInRefusedException extends LockedException {

	/** {@code SIGN_IN_LOCKED} or {@code SIGN_IN_SLOWED}, for API clients. */
	private final String code;

	private final Duration retryAfter;

	private SignInRefusedException(String code, String message, Duration retryAfter) {
		super(message);
		this.code = code;
		this.retryAfter = retryAfter;
	}

	static SignInRefusedException locked(Duration retryAfter, boolean address) {
		long minutes = (seconds(retryAfter) + 59) / 60;
		String message = address
				? "此地址登录失败次数过多，已暂时禁止登录，请 %d 分钟后再试 / Too many failed sign-ins from this address: try again in %d minutes"
				: "登录失败次数过多，账号已暂时锁定，请 %d 分钟后再试 / Too many failed sign-ins: the account is locked for now, try again in %d minutes";
		return new SignInRefusedException("SIGN_IN_LOCKED", message.formatted(minutes, minutes), retryAfter);
	}

	static SignInRefusedException slowed(Duration retryAfter) {
		long seconds = seconds(retryAfter);
		return new SignInRefusedException("SIGN_IN_SLOWED",
				"登录失败次数较多，请 %d 秒后再试 / Several failed sign-ins: try again in %d seconds".formatted(seconds, seconds),
				retryAfter);
	}

	String code() {
		return this.code;
	}

	/**
	 * How long until an attempt is checked again, in whole seconds rounded up, as
	 * {@code Retry-After} counts.
	 */
	long retryAfterSeconds() {
		return seconds(this.retryAfter);
	}

	/** Rounded up, and at least one: "try again in 0 seconds" would be refused again. */
	private static long seconds(Duration duration) {
		return Math.max(1, duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0));
	}

}
