package org.partynet.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partynet.security.Browser.Visit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory and single sign-on with accounts matched by the person's code: the
 * directory finds the user by a search as its manager and reads the code from
 * {@code employeeNumber}, the token carries it in a claim of its own. The account signed
 * in has its own user name, whatever the directory or the token call the user.
 */
class SignInByPersonCodeTests extends SignInTestSupport {

	private static final String DATABASE = "sign-in-by-person-code";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		servers(registry, DATABASE);
		registry.add("partynet.security.ldap.user-search-base", () -> "ou=people");
		registry.add("partynet.security.ldap.user-search-filter", () -> "(uid={0})");
		registry.add("partynet.security.ldap.manager-dn", () -> SignInServers.MANAGER_DN);
		registry.add("partynet.security.ldap.manager-password", () -> SignInServers.MANAGER_PASSWORD);
		registry.add("partynet.security.ldap.match-by", () -> "person-code");
		registry.add("partynet.security.oidc.match-by", () -> "person-code");
		registry.add("partynet.security.oidc.claim", () -> "person_code");
	}

	@BeforeEach
	void accounts() {
		// the secretary of 青年社区党委 (RY20011 in the sample), under a name of the graph's
		account(DATABASE, "qn-shuji", "RY20011", Role.SECRETARY, true);
	}

	@Test
	void a_directory_user_signs_in_as_the_account_of_their_person() {
		Browser browser = browser();
		Visit visit = browser.signIn("wang", "Dir-pass-4");
		assertThat(visit.refused()).as(visit.locations().toString()).isFalse();
		assertThat(me(browser)).isEqualTo(signedIn("qn-shuji", Role.SECRETARY, AccountSource.DIRECTORY));
		assertThat(meByBasic("wang", "Dir-pass-4")).containsEntry("username", "qn-shuji");
	}

	@Test
	void a_directory_user_whose_person_has_no_account_is_refused() {
		Visit visit = browser().signIn("zhao", "Dir-pass-5");
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(NO_ACCOUNT);
		assertThat(basicStatus("zhao", "Dir-pass-5")).isEqualTo(401);
	}

	@Test
	void a_directory_user_without_a_person_code_is_refused() {
		Visit visit = browser().signIn("qian", "Dir-pass-6");
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(NO_ACCOUNT);
	}

	@Test
	void a_wrong_password_is_refused_by_the_directory() {
		Visit visit = browser().signIn("wang", "Dir-pass-5");
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(WRONG_PASSWORD);
	}

	@Test
	void single_sign_on_signs_the_user_in_as_the_account_of_the_person_the_token_names() {
		Browser browser = browser();
		Visit visit = browser.signInAtIssuer("wang@sso", Map.of("person_code", "RY20011"));
		assertThat(visit.refused()).as(visit.locations().toString()).isFalse();
		assertThat(me(browser)).isEqualTo(signedIn("qn-shuji", Role.SECRETARY, AccountSource.SINGLE_SIGN_ON));
	}

	@Test
	void single_sign_on_for_a_person_without_an_account_is_refused() {
		Visit visit = browser().signInAtIssuer("zhao@sso", Map.of("person_code", "RY30004"));
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(NO_ACCOUNT);
	}

}
