package org.partynet.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partynet.security.Browser.Visit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory and single sign-on with accounts matched by user name (the default): the
 * directory binds the user by a DN pattern, the token's {@code preferred_username} names
 * the account. Through the real login form, HTTP Basic and the redirects of OpenID
 * Connect.
 */
class SignInByUsernameTests extends SignInTestSupport {

	private static final String DATABASE = "sign-in-by-username";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		servers(registry, DATABASE);
		registry.add("partynet.security.ldap.user-dn-pattern", () -> "uid={0},ou=people");
	}

	@BeforeEach
	void accounts() {
		account(DATABASE, "dir.orgdept", "RY30001", Role.ORG_DEPT, true);
		account(DATABASE, "dir.disabled", "RY30002", Role.VIEWER, false);
		account(DATABASE, "sso.viewer", "RY30003", Role.VIEWER, true);
	}

	@Test
	void a_directory_user_signs_in_by_the_login_form_as_the_account_of_that_name() {
		long before = audited(DATABASE, "signIn", "dir.orgdept");
		Browser browser = browser();
		Visit visit = browser.signIn("dir.orgdept", "Dir-pass-1");
		assertThat(visit.refused()).as(visit.locations().toString()).isFalse();
		assertThat(me(browser)).isEqualTo(signedIn("dir.orgdept", Role.ORG_DEPT, AccountSource.DIRECTORY));
		assertThat(audited(DATABASE, "signIn", "dir.orgdept")).isEqualTo(before + 1);
	}

	@Test
	void http_basic_with_the_directory_s_password_reads_the_api_as_the_account_whatever_the_case_typed() {
		assertThat(meByBasic("dir.orgdept", "Dir-pass-1"))
			.isEqualTo(signedIn("dir.orgdept", Role.ORG_DEPT, AccountSource.DIRECTORY));
		assertThat(meByBasic("Dir.OrgDept", "Dir-pass-1")).containsEntry("username", "dir.orgdept");
	}

	@Test
	void a_wrong_directory_password_is_refused() {
		Visit visit = browser().signIn("dir.orgdept", "Dir-pass-2");
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(WRONG_PASSWORD);
		assertThat(basicStatus("dir.orgdept", "wrong")).isEqualTo(401);
		assertThat(basicStatus("nobody-at-all", "Dir-pass-1")).isEqualTo(401);
	}

	@Test
	void a_directory_user_without_an_account_is_refused_with_a_message() {
		long before = audited(DATABASE, "signInFailed", "dir.nobody");
		Visit visit = browser().signIn("dir.nobody", "Dir-pass-2");
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(NO_ACCOUNT);
		assertThat(basicStatus("dir.nobody", "Dir-pass-2")).isEqualTo(401);
		assertThat(audited(DATABASE, "signInFailed", "dir.nobody")).as("the form's and Basic's refusal")
			.isEqualTo(before + 2);
	}

	@Test
	void a_directory_user_whose_account_is_disabled_is_refused_with_a_message() {
		Visit visit = browser().signIn("dir.disabled", "Dir-pass-3");
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(DISABLED);
		assertThat(basicStatus("dir.disabled", "Dir-pass-3")).isEqualTo(401);
	}

	@Test
	void the_accounts_of_the_configuration_still_sign_in_as_before() {
		assertThat(meByBasic("viewer", DEMO_PASSWORD)).containsEntry("username", "viewer");
	}

	@Test
	void single_sign_on_signs_the_user_in_as_the_account_the_token_names() {
		Browser browser = browser();
		long before = audited(DATABASE, "signIn", "sso.viewer");
		Visit visit = browser.signInAtIssuer("0f3c9a-subject", Map.of("preferred_username", "sso.viewer"));
		assertThat(visit.refused()).as(visit.locations().toString()).isFalse();
		assertThat(visit.page().statusCode()).isEqualTo(200);
		assertThat(me(browser)).isEqualTo(signedIn("sso.viewer", Role.VIEWER, AccountSource.SINGLE_SIGN_ON));
		assertThat(audited(DATABASE, "signIn", "sso.viewer")).isEqualTo(before + 1);
	}

	@Test
	void single_sign_on_without_an_account_goes_back_to_the_login_page_with_a_message() {
		long before = audited(DATABASE, "signInFailed", "sso.nobody");
		Browser browser = browser();
		Visit visit = browser.signInAtIssuer("sso.nobody", Map.of("preferred_username", "sso.nobody"));
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(NO_ACCOUNT);
		assertThat(audited(DATABASE, "signInFailed", "sso.nobody")).as("under the token's subject")
			.isEqualTo(before + 1);
		assertThat(browser.graphQlResponse(ME).statusCode()).isEqualTo(401);
	}

	@Test
	void single_sign_on_of_a_disabled_account_goes_back_to_the_login_page_with_a_message() {
		Visit visit = browser().signInAtIssuer("dir.disabled", Map.of("preferred_username", "dir.disabled"));
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(DISABLED);
	}

	@Test
	void a_token_without_the_claim_is_refused() {
		Visit visit = browser().signInAtIssuer("sso.viewer", Map.of("name", "sso.viewer"));
		assertThat(visit.last()).endsWith("/login?error");
		assertThat(visit.page().body()).contains(NO_ACCOUNT);
	}

	@Test
	void the_login_page_links_to_single_sign_on() {
		assertThat(browser().get(baseUrl() + "/login").body()).contains("/oauth2/authorization/" + SignInServers.ISSUER,
				"单点登录 Single sign-on");
	}

}
