package org.partynet.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * Sign-in through a single sign-on server ({@link SingleSignOnProperties}, switched on by
 * {@code partynet.security.oidc.enabled}): Spring Security's OpenID Connect login
 * ({@code oauth2Login}) on the client registration Spring Boot makes of
 * {@code spring.security.oauth2.client.*}. The login page links to
 * {@code /oauth2/authorization/<id>}; the server sends the user back to
 * {@code /login/oauth2/code/<id>}, where {@link AccountOidcUserService} signs them in as
 * the account of the graph that the token names. A refusal (no account, a disabled one, a
 * failed exchange) goes back to {@code /login?error}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("partynet.security.oidc.enabled")
class SingleSignOn {

	private static final Logger logger = LoggerFactory.getLogger(SingleSignOn.class);

	@Bean
	SignInMethod singleSignOnMethod(SingleSignOnProperties properties,
			ObjectProvider<ClientRegistrationRepository> clients, AccountDirectory accounts,
			AuthenticationEventPublisher events, ApplicationEventPublisher refusals) {
		ClientRegistrationRepository registrations = clients.getIfAvailable();
		if (registrations == null) {
			throw new IllegalStateException(
					"partynet.security.oidc.enabled=true needs a client registration: spring.security.oauth2.client.registration.<id>.client-id, client-secret and scope (openid), and spring.security.oauth2.client.provider.<id>.issuer-uri");
		}
		ClientRegistration registration = registration(properties, registrations);
		AccountOidcUserService users = new AccountOidcUserService(properties, accounts);
		// The chain's authentication manager is the form's and HTTP Basic's, without the
		// providers oauth2Login registers; the login filter gets a manager of its own,
		// publishing the same events (audit, throttle) as the form's, and a refused
		// account's under the token's subject.
		ProviderManager login = new ProviderManager(
				AccountRefusedEvent.reporting(new OidcAuthorizationCodeAuthenticationProvider(
						new RestClientAuthorizationCodeTokenResponseClient(), users), refusals));
		login.setAuthenticationEventPublisher(events);
		logger.info("Single sign-on through {} (registration '{}'), accounts matched by {} from the claim '{}'",
				registration.getProviderDetails().getIssuerUri(), registration.getRegistrationId(),
				properties.matchBy(), properties.claim());
		return new Method(properties, registrations, registration, users, login);
	}

	private static ClientRegistration registration(SingleSignOnProperties properties,
			ClientRegistrationRepository registrations) {
		ClientRegistration registration;
		if (DirectoryProperties.present(properties.registration())) {
			registration = registrations.findByRegistrationId(properties.registration());
			if (registration == null) {
				throw new IllegalStateException(
						"partynet.security.oidc.registration '%s' is not among spring.security.oauth2.client.registration.*"
							.formatted(properties.registration()));
			}
		}
		else {
			List<ClientRegistration> all = new ArrayList<>();
			if (registrations instanceof Iterable<?> iterable) {
				iterable.forEach((each) -> all.add((ClientRegistration) each));
			}
			if (all.size() != 1) {
				throw new IllegalStateException(
						"partynet.security.oidc.registration must name one of the %d client registrations"
							.formatted(all.size()));
			}
			registration = all.get(0);
		}
		if (!registration.getScopes().contains(OidcScopes.OPENID)) {
			throw new IllegalStateException(
					"spring.security.oauth2.client.registration.%s.scope must include openid: single sign-on is OpenID Connect"
						.formatted(registration.getRegistrationId()));
		}
		return registration;
	}

	private record Method(SingleSignOnProperties properties, ClientRegistrationRepository registrations,
			ClientRegistration registration, AccountOidcUserService users,
			ProviderManager login) implements SignInMethod {

		@Override
		public void configure(HttpSecurity http) throws Exception {
			http.oauth2Login((oauth2) -> oauth2.loginPage("/login")
				.clientRegistrationRepository(this.registrations)
				// the token stays in the session it signed in, and goes with it; nothing
				// here calls the server with it again
				.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this.users))
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {

					@Override
					public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationManager(Method.this.login);
						return filter;
					}

				}));
		}

		@Override
		public String loginLink() {
			return "/oauth2/authorization/" + this.registration.getRegistrationId();
		}

		@Override
		public String loginLinkText() {
			return this.properties.linkText();
		}

	}

}
