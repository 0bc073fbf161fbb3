package org.partynet.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.partynet.security.AccountDirectory.StoredAccount;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the directory and single sign-on refuse before any server is asked: a
 * configuration that cannot work stops the start naming the property, and a user the
 * graph has no enabled account for is refused with a message for people. The sign-ins
 * themselves, against real servers, are {@link SignInByUsernameTests} and
 * {@link SignInByPersonCodeTests}.
 */
class SignInConfigurationTests {

	private static final StoredAccount ENABLED = new StoredAccount("qn-shuji", null, Role.SECRETARY, "RY20011", true,
			false, 3);

	private static final StoredAccount DISABLED = new StoredAccount("old", null, Role.VIEWER, "RY30002", false, false,
			1);

	/**
	 * The graph's accounts as sign-in asks for them: two accounts, by name and by person.
	 * The matching itself is the subject here; the sign-in tests run it on the graph.
	 */
	private static final AccountDirectory accounts = new AccountDirectory() {

		private final Map<String, StoredAccount> byName = Map.of("qn-shuji", ENABLED, "old", DISABLED);

		@Override
		public Optional<StoredAccount> byUsername(String username) {
			return Optional.ofNullable(this.byName.get(username.toLowerCase(Locale.ROOT)));
		}

		@Override
		public Optional<StoredAccount> byPersonCode(String personCode) {
			return this.byName.values().stream().filter(a -> personCode.equals(a.person())).findFirst();
		}

		@Override
		public StoredAccount changePassword(String username, String passwordHash) {
			StoredAccount a = byUsername(username).orElseThrow();
			return new StoredAccount(a.username(), passwordHash, a.role(), a.person(), a.enabled(), false,
					a.stamp() + 1);
		}

	};

	@Test
	void a_directory_switched_on_needs_a_server_a_base_and_where_users_are() {
		assertThatIllegalStateException().isThrownBy(() -> directory(null, "dc=x", "uid={0}", null, null).check())
			.withMessageContaining("partynet.security.ldap.url");
		assertThatIllegalStateException()
			.isThrownBy(() -> directory("ldap://localhost:389", null, "uid={0}", null, null).check())
			.withMessageContaining("partynet.security.ldap.base");
		assertThatIllegalStateException()
			.isThrownBy(() -> directory("ldap://localhost:389", "dc=x", null, null, null).check())
			.withMessageContaining("partynet.security.ldap.user-dn-pattern");
		directory("ldap://localhost:389", "dc=x", null, "(uid={0})", null).check();
		// Active Directory finds users in its domain
		directory("ldap://dc.corp.example:389", null, null, null, "corp.example").check();
	}

	@Test
	void an_account_is_matched_by_name_or_by_person_and_must_be_enabled() {
		assertThat(AccountMatch.USERNAME.account(accounts, " QN-Shuji ", AccountSource.DIRECTORY, "u", "name"))
			.isEqualTo(ENABLED);
		assertThat(AccountMatch.PERSON_CODE.account(accounts, "RY20011", AccountSource.SINGLE_SIGN_ON, "u", "claim"))
			.isEqualTo(ENABLED);
		assertThatThrownBy(
				() -> AccountMatch.PERSON_CODE.account(accounts, "RY99999", AccountSource.DIRECTORY, "u", "attribute"))
			.isInstanceOf(AccountRefusedException.class)
			.hasMessageStartingWith("已通过目录验证，但本系统没有您的账号")
			.extracting((refusal) -> ((AccountRefusedException) refusal).code())
			.isEqualTo("NO_ACCOUNT");
		assertThatThrownBy(
				() -> AccountMatch.USERNAME.account(accounts, null, AccountSource.SINGLE_SIGN_ON, "u", "the claim"))
			.hasMessageStartingWith("已通过单点登录验证，但本系统没有您的账号");
		assertThatThrownBy(() -> AccountMatch.USERNAME.account(accounts, "old", AccountSource.DIRECTORY, "u", "name"))
			.isInstanceOf(AccountRefusedException.class)
			.hasMessage("账号已停用，请联系区委组织部 / The account is disabled: ask the organization department");
	}

	@Test
	void single_sign_on_needs_one_openid_connect_registration() {
		SingleSignOnProperties properties = new SingleSignOnProperties(true, null, AccountMatch.USERNAME,
				"preferred_username", "单点登录 Single sign-on");
		assertThatIllegalStateException().isThrownBy(() -> singleSignOn(properties, null))
			.withMessageContaining("spring.security.oauth2.client.registration.<id>.client-id");
		assertThatIllegalStateException()
			.isThrownBy(() -> singleSignOn(properties,
					new InMemoryClientRegistrationRepository(registration("a", "openid"), registration("b", "openid"))))
			.withMessageContaining("partynet.security.oidc.registration must name one of the 2");
		assertThatIllegalStateException().isThrownBy(
				() -> singleSignOn(properties, new InMemoryClientRegistrationRepository(registration("a", "profile"))))
			.withMessageContaining("registration.a.scope must include openid");
		SignInMethod method = singleSignOn(properties,
				new InMemoryClientRegistrationRepository(registration("corp", "openid", "profile")));
		assertThat(method.loginLink()).isEqualTo("/oauth2/authorization/corp");
		assertThat(method.provider()).as("the login form's passwords are none of its business").isNull();
	}

	private static DirectoryProperties directory(String url, String base, String pattern, String filter,
			String domain) {
		return new DirectoryProperties(true, url, base, pattern, "", filter, null, null, AccountMatch.USERNAME,
				"employeeNumber", domain, Duration.ofSeconds(10));
	}

	private static SignInMethod singleSignOn(SingleSignOnProperties properties,
			ClientRegistrationRepository registrations) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (registrations != null) {
			beans.addBean("registrations", registrations);
		}
		return new SingleSignOn().singleSignOnMethod(properties,
				beans.getBeanProvider(ClientRegistrationRepository.class), accounts,
				new DefaultAuthenticationEventPublisher(new StaticApplicationContext()),
				new StaticApplicationContext());
	}

	private static ClientRegistration registration(String id, String... scopes) {
		return ClientRegistration.withRegistrationId(id)
			.clientId("partynet")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://sso.example/authorize")
			.tokenUri("https://sso.example/token")
			.jwkSetUri("https://sso.example/jwks")
			.scope(scopes)
			.build();
	}

}
