package org.partynet.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partynet.security.SecurityProperties.SignInProperties;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The counting of {@link SignInThrottle} without HTTP, on a clock the test moves: the
 * waits, the locks, their end, and the bound on what it remembers however many user names
 * are sprayed.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTests {

	private final MovableClock clock = new MovableClock();

	private SignInThrottle throttle(int maxEntries) {
		return new SignInThrottle(
				new SignInProperties(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(1), maxEntries, false),
				this.clock, new InMemorySignInFailures());
	}

	@Test
	void the_second_half_of_the_failures_waits_longer_each_time_then_the_name_is_locked() {
		SignInThrottle throttle = throttle(100);
		fail(throttle, "secretary", "10.0.0.1");
		assertThatNoException().isThrownBy(() -> throttle.check("secretary", "10.0.0.1"));
		fail(throttle, "secretary", "10.0.0.1");
		assertThatThrownBy(() -> throttle.check("secretary", "10.0.0.1")).isInstanceOf(SignInRefusedException.class)
			.hasMessageContaining("请 1 秒后再试")
			.satisfies((ex) -> assertThat(((SignInRefusedException) ex).code()).isEqualTo("SIGN_IN_SLOWED"));
		this.clock.advance(Duration.ofSeconds(1));
		assertThatNoException().isThrownBy(() -> throttle.check("secretary", "10.0.0.1"));
		fail(throttle, "secretary", "10.0.0.1");
		this.clock.advance(Duration.ofSeconds(1));
		assertThatThrownBy(() -> throttle.check("secretary", "10.0.0.1")).hasMessageContaining("请 1 秒后再试");
		this.clock.advance(Duration.ofSeconds(1));
		fail(throttle, "secretary", "10.0.0.1");
		this.clock.advance(Duration.ofSeconds(3));
		assertThatThrownBy(() -> throttle.check("secretary", "10.0.0.1")).hasMessageContaining("请 1 秒后再试");
		this.clock.advance(Duration.ofSeconds(1));
		fail(throttle, "secretary", "10.0.0.1");
		assertThatThrownBy(() -> throttle.check("secretary", "10.0.0.2")).isInstanceOf(SignInRefusedException.class)
			.hasMessageContaining("账号已暂时锁定，请 15 分钟后再试")
			.satisfies((ex) -> assertThat(((SignInRefusedException) ex).retryAfterSeconds()).isEqualTo(900));
		// another name from the same address is not locked
		assertThatNoException().isThrownBy(() -> throttle.check("viewer", "10.0.0.1"));
		this.clock.advance(Duration.ofMinutes(14));
		assertThatThrownBy(() -> throttle.check("secretary", "10.0.0.2")).hasMessageContaining("请 1 分钟后再试");
		this.clock.advance(Duration.ofMinutes(1));
		assertThatNoException().isThrownBy(() -> throttle.check("secretary", "10.0.0.1"));
		// a lock that ended starts the count afresh
		fail(throttle, "secretary", "10.0.0.1");
		assertThatNoException().isThrownBy(() -> throttle.check("secretary", "10.0.0.1"));
	}

	@Test
	void a_success_clears_the_name_but_not_the_address() {
		SignInThrottle throttle = throttle(100);
		for (int i = 0; i < 4; i++) {
			fail(throttle, "orgdept", "10.0.0.1");
			this.clock.advance(Duration.ofMinutes(1));
		}
		throttle.succeeded(new AuthenticationSuccessEvent(token("orgdept", "10.0.0.1")));
		for (int i = 0; i < 4; i++) {
			fail(throttle, "orgdept", "10.0.0.1");
			this.clock.advance(Duration.ofMinutes(1));
		}
		assertThatNoException().isThrownBy(() -> throttle.check("orgdept", "10.0.0.1"));
		// the address has counted all eight, and its waits begin at ten
		fail(throttle, "viewer", "10.0.0.1");
		fail(throttle, "secretary", "10.0.0.1");
		assertThatThrownBy(() -> throttle.check("someone", "10.0.0.1")).hasMessageContaining("请 1 秒后再试");
		assertThatNoException().isThrownBy(() -> throttle.check("someone", "10.0.0.9"));
	}

	@Test
	void failures_are_forgotten_a_lock_duration_after_the_last() {
		SignInThrottle throttle = throttle(100);
		for (int i = 0; i < 4; i++) {
			fail(throttle, "viewer", "10.0.0.1");
			this.clock.advance(Duration.ofMinutes(1));
		}
		this.clock.advance(Duration.ofMinutes(15));
		fail(throttle, "viewer", "10.0.0.1");
		assertThatNoException().isThrownBy(() -> throttle.check("viewer", "10.0.0.1"));
		assertThat(throttle.rememberedUserNames()).isEqualTo(1);
	}

	@Test
	void an_address_is_locked_after_twenty_failures_whatever_the_names(CapturedOutput output) {
		SignInThrottle throttle = throttle(100);
		for (int i = 1; i <= 20; i++) {
			fail(throttle, "guess-" + i, "10.0.0.7");
			this.clock.advance(Duration.ofSeconds(40));
		}
		assertThatThrownBy(() -> throttle.check("orgdept", "10.0.0.7")).isInstanceOf(SignInRefusedException.class)
			.hasMessageContaining("此地址登录失败次数过多")
			.satisfies((ex) -> assertThat(((SignInRefusedException) ex).code()).isEqualTo("SIGN_IN_LOCKED"));
		assertThatNoException().isThrownBy(() -> throttle.check("orgdept", "10.0.0.8"));
		assertThat(output)
			.contains("Sign-in locked for address 10.0.0.7 for PT15M after 20 failures, the last for user 'guess-20'");
	}

	@Test
	void spraying_user_names_keeps_the_tables_bounded_and_the_locks_in_place() {
		SignInThrottle throttle = throttle(100);
		for (int i = 0; i < 5; i++) {
			fail(throttle, "secretary", "10.0.0.1");
			this.clock.advance(Duration.ofSeconds(10));
		}
		for (int i = 0; i < 5000; i++) {
			fail(throttle, "spray-" + i, "10.1.%d.%d".formatted(i / 250, i % 250));
		}
		assertThat(throttle.rememberedUserNames()).isLessThanOrEqualTo(100);
		assertThat(throttle.rememberedAddresses()).isLessThanOrEqualTo(100);
		assertThatThrownBy(() -> throttle.check("secretary", "10.0.0.2")).hasMessageContaining("账号已暂时锁定");
		// a name of a megabyte is remembered by its beginning
		fail(throttle, "x".repeat(1_000_000), "10.0.0.3");
		assertThat(throttle.rememberedUserNames()).isLessThanOrEqualTo(100);
	}

	@Test
	void the_log_names_the_user_and_address_never_the_password_and_cannot_be_forged(CapturedOutput output) {
		SignInThrottle throttle = throttle(100);
		throttle.failed(new AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated("eve\nINFO forged line", "hunter2-secret"),
				new BadCredentialsException("bad")));
		assertThat(output).contains("Sign-in failed for user 'eve\\u000aINFO forged line' from unknown (failure 1 of 5")
			.doesNotContain("hunter2-secret");
	}

	private static void fail(SignInThrottle throttle, String username, String address) {
		throttle.failed(new AuthenticationFailureBadCredentialsEvent(token(username, address),
				new BadCredentialsException("bad")));
	}

	private static UsernamePasswordAuthenticationToken token(String username, String address) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
				"wrong");
		token.setDetails(new WebAuthenticationDetails(address, null));
		return token;
	}

	/** A clock that moves only when told. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-12-01T08:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
