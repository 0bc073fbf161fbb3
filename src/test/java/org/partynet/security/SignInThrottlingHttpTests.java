package org.partynet.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partynet.security.SignInThrottleTests.MovableClock;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling over HTTP, for HTTP Basic (the API and the downloads) and the login
 * form, with the default limits, on a clock the test moves. A context of its own (the
 * clock makes it one), so that its locks never reach the other tests; each test ends by
 * moving the clock past every lock.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingHttpTests extends HarnessTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String LOCKED = "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试";

	@Autowired
	private Clock clock;

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		Clock clock() {
			return new MovableClock();
		}

	}

	/**
	 * The counts are in the database, on this class's clock: a database of its own, so
	 * that other classes' failures, on the real clock, are not in its future.
	 */
	@org.springframework.test.context.DynamicPropertySource
	static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
		ownDatabase(registry, "sign-in-throttling");
	}

	@AfterEach
	void forget_every_failure() {
		advance(Duration.ofHours(1));
	}

	@Test
	void five_wrong_passwords_lock_the_account_even_for_the_right_one_and_leave_other_accounts_alone(
			CapturedOutput output) {
		// a password that matched is remembered by the encoder: the lock must hold before
		// that
		assertThat(me("secretary", DEMO_PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
		for (int i = 1; i <= 5; i++) {
			assertThat(me("secretary", "wrong-" + i).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
			advance(Duration.ofSeconds(10));
		}
		EntityExchangeResult<String> refused = me("secretary", DEMO_PASSWORD);
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// locked for 15 minutes from the fifth failure, 10 seconds ago
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("890");
		assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(refused.getResponseBody()).contains("\"code\":\"SIGN_IN_LOCKED\"", LOCKED, "try again in 15 minutes",
				"\"retryAfterSeconds\":890");
		// the downloads take Basic too
		basic("secretary", DEMO_PASSWORD).get()
			.uri("/reports/coverage.xlsx")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(me("viewer", DEMO_PASSWORD).getResponseBody()).contains("\"username\":\"viewer\"");

		// one line for each failure (the capture may hold the class's other tests too)
		List<String> failed = lines(output, "Sign-in failed for user 'secretary' from ");
		assertThat(failed).allSatisfy((line) -> assertThat(line).contains(" INFO "));
		for (int i = 1; i <= 5; i++) {
			String count = "from \\S+ \\(failure %d of 5 for the user name, %d of 20 for the address\\)".formatted(i,
					i);
			assertThat(failed).anySatisfy((line) -> assertThat(line).containsPattern(count));
		}
		assertThat(lines(output, "Sign-in locked for user 'secretary' for PT15M after 5 failures, the last from "))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains(" WARN "));
		assertThat(output).doesNotContain("wrong-1", "wrong-5");
	}

	@Test
	void the_login_form_and_basic_count_together_and_the_form_says_the_account_is_locked() {
		Form first = form("viewer", "wrong-1");
		assertThat(first.location()).endsWith("/login?error");
		assertThat(first.page()).contains("用户名或密码不正确");
		advance(Duration.ofSeconds(10));
		form("viewer", "wrong-2");
		advance(Duration.ofSeconds(10));
		form("viewer", "wrong-3");
		advance(Duration.ofSeconds(10));
		me("viewer", "wrong-4");
		advance(Duration.ofSeconds(10));
		me("viewer", "wrong-5");
		advance(Duration.ofSeconds(10));
		Form locked = form("viewer", DEMO_PASSWORD);
		assertThat(locked.location()).endsWith("/login?error");
		assertThat(locked.page()).contains("<p class=\"error\" role=\"alert\">" + LOCKED);
		assertThat(me("viewer", DEMO_PASSWORD).getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// a form that signs in goes on to the pages
		assertThat(form("orgdept", DEMO_PASSWORD).location()).doesNotContain("/login");
	}

	@Test
	void the_lock_ends_after_its_duration() {
		for (int i = 1; i <= 5; i++) {
			me("orgdept", "wrong-" + i);
			advance(Duration.ofSeconds(10));
		}
		assertThat(me("orgdept", DEMO_PASSWORD).getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		advance(Duration.ofMinutes(14));
		assertThat(me("orgdept", DEMO_PASSWORD).getResponseBody()).contains("请 1 分钟后再试");
		advance(Duration.ofMinutes(1));
		assertThat(me("orgdept", DEMO_PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void a_success_clears_the_account_s_failures() {
		for (int round = 0; round < 2; round++) {
			for (int i = 1; i <= 4; i++) {
				assertThat(me("secretary", "wrong-" + i).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
				advance(Duration.ofSeconds(10));
			}
			assertThat(me("secretary", DEMO_PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void repeated_failures_wait_before_the_next_attempt() {
		me("viewer", "wrong-1");
		me("viewer", "wrong-2");
		EntityExchangeResult<String> slowed = me("viewer", DEMO_PASSWORD);
		assertThat(slowed.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(slowed.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(slowed.getResponseBody()).contains("\"code\":\"SIGN_IN_SLOWED\"", "请 1 秒后再试");
		advance(Duration.ofSeconds(1));
		assertThat(me("viewer", DEMO_PASSWORD).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void twenty_failures_from_one_address_lock_it_for_every_account(CapturedOutput output) {
		for (int i = 1; i <= 20; i++) {
			assertThat(me("nobody-" + i, "guess").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
			advance(Duration.ofSeconds(40));
		}
		EntityExchangeResult<String> refused = me("orgdept", DEMO_PASSWORD);
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getResponseBody()).contains("此地址登录失败次数过多，已暂时禁止登录");
		assertThat(lines(output, "Sign-in locked for address ")).isNotEmpty()
			.allSatisfy(
					(line) -> assertThat(line).contains(" WARN ", "after 20 failures, the last for user 'nobody-20'"));
	}

	private void advance(Duration duration) {
		((MovableClock) this.clock).advance(duration);
	}

	private WebTestClient basic(String username, String password) {
		return WebTestClient.bindToServer()
			.responseTimeout(Duration.ofSeconds(60))
			.baseUrl(baseUrl())
			.defaultHeaders((headers) -> headers.setBasicAuth(username, password))
			.build();
	}

	private EntityExchangeResult<String> me(String username, String password) {
		return basic(username, password).post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ me { username } }\"}")
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/** Where the login form sends the browser, and the login page it then shows. */
	private Form form(String username, String password) {
		WebTestClient browser = WebTestClient.bindToServer()
			.responseTimeout(Duration.ofSeconds(60))
			.baseUrl(baseUrl())
			.build();
		EntityExchangeResult<String> login = browser.get()
			.uri("/login")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		ResponseCookie session = login.getResponseCookies().getFirst("JSESSIONID");
		Matcher csrf = CSRF.matcher(login.getResponseBody());
		assertThat(csrf.find()).isTrue();
		EntityExchangeResult<Void> posted = browser.post()
			.uri("/login")
			.cookie(session.getName(), session.getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("username", username)
				.with("password", password)
				.with("_csrf", csrf.group(1)))
			.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.isEmpty();
		String location = posted.getResponseHeaders().getLocation().toString();
		ResponseCookie next = posted.getResponseCookies().getFirst("JSESSIONID");
		String cookie = ((next != null) ? next : session).getValue();
		String page = browser.get()
			.uri(location)
			.cookie("JSESSIONID", cookie)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new Form(location, page);
	}

	private static List<String> lines(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).toList();
	}

	record Form(String location, String page) {
	}

}
