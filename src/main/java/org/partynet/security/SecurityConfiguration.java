package org.partynet.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything needs an account. The API ({@code /graphql}) takes HTTP Basic, or the
 * session of a signed-in page, and answers 401 rather than a redirect; pages send the
 * browser to the login form. CSRF tokens protect the page forms (login, logout, uploads).
 * {@code /graphql} needs none: it accepts only JSON bodies, which a cross-site form
 * cannot send and a cross-site script cannot send without a CORS preflight that this
 * service never grants; the session cookie is also {@code SameSite=Lax}. Nor does a
 * request that brings its own HTTP Basic header: a browser never has Basic credentials
 * for this site to attach by itself, because it is never asked for them. Failed sign-ins,
 * by the form or by Basic, are slowed and then locked by {@link SignInThrottle}. Every
 * request of an account of the graph is checked against the account as it is now
 * ({@link AccountStateFilter}). Directories and single sign-on join as
 * {@link SignInMethod}s. A page asked for without a session is kept and returned to,
 * query and all, after signing in; a refused or unknown page is answered by the Chinese
 * {@code static/error/403.html} and {@code 404.html} for browsers and by JSON for
 * everyone else (Boot's error view resolution). The Actuator is read by machines: its
 * health answers anyone (details only for the organization department), its metrics the
 * organization department or Prometheus with the scrape token
 * ({@link MetricsScrapeAccess}), and neither ever redirects to the login form. See
 * docs/adr/0010-access-control.md and docs/adr/0015-accounts.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts, PasswordEncoder encoder,
			SignInThrottle throttle, AuthenticationEventPublisher events, List<SignInMethod> methods,
			@Value("${server.error.path:/error}") String errorPath,
			@Value("${partynet.metrics.scrape-token:}") String scrapeToken) throws Exception {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("partynet");
		basic.afterPropertiesSet();
		PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/graphql/**");
		// A browser navigating to the API is sent to the login form, never shown a Basic
		// prompt: so a browser never holds Basic credentials for this site that it could
		// attach to a forged request.
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL)); // curl's */* is not a browser
		RequestMatcher apiClient = new AndRequestMatcher(api, new NegatedRequestMatcher(html));
		// Health and metrics are read by machines: a 401, never the login form.
		PathPatternRequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
		// An API client (curl, scripts, the tests) sends HTTP Basic itself, with no
		// cookie to forge.
		RequestMatcher basicClient = (request) -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		// The only authentication manager of the chain, without the global one as a
		// parent, which would check the password again after a refusal.
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		List<AuthenticationProvider> providers = new ArrayList<>();
		providers.add(new ThrottledAuthenticationProvider(passwords, throttle));
		for (SignInMethod method : methods) {
			if (method.provider() != null) {
				providers.add(new ThrottledAuthenticationProvider(method.provider(), throttle));
			}
			method.configure(http);
		}
		// The page a browser asked for without a session, kept for after signing in: a
		// GET
		// of a page (never the API, never a download asked for by a script), saved with
		// its
		// query. It is this request's own URL, so the way back never leads to another
		// host.
		// No "?continue" is added to the way back: the user lands on exactly the URL they
		// left.
		HttpSessionRequestCache pages = new HttpSessionRequestCache();
		pages.setRequestMatcher(
				new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"), html,
						new NegatedRequestMatcher(api)));
		pages.setMatchingRequestParameterName(null);
		ProviderManager authentication = new ProviderManager(providers);
		authentication.setAuthenticationEventPublisher(events);
		// Error pages render whatever error the container dispatches, for anyone; the
		// error path asked for directly has no error to show and answers 404.
		http.authenticationManager(authentication)
			.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/login")
				.permitAll()
				// A load balancer asks without an account; it gets the status only, the
				// details go to the organization department
				// (management.endpoint.health.*).
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
				.permitAll()
				// The organization department, or Prometheus with the scrape token.
				.requestMatchers(HttpMethod.GET, MetricsScrapeAccess.PATH)
				.hasAnyAuthority(Role.ORG_DEPT.authority(), MetricsScrapeAccess.AUTHORITY)
				// The import page is the organization department's, as every import is:
				// anyone else gets the 403 page, not a form they could not use.
				.requestMatchers(HttpMethod.GET, "/import")
				.hasRole(Role.ORG_DEPT.name())
				// So are backups, which hold everything: their page too
				.requestMatchers("/admin/backups", "/admin/backups.html", "/admin/backups/**")
				.hasRole(Role.ORG_DEPT.name())
				.anyRequest()
				.authenticated())
			.addFilterBefore(new DirectErrorRequests(errorPath), AuthorizationFilter.class)
			.addFilterBefore(new AccountStateFilter(accounts), AuthorizationFilter.class)
			.addFilterBefore(new MetricsScrapeAccess(scrapeToken), BasicAuthenticationFilter.class)
			.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(new SignInRefusals(basic)))
			.requestCache(cache -> cache.requestCache(pages))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(basic, apiClient)
				.defaultAuthenticationEntryPointFor(basic, actuator))
			.csrf(csrf -> csrf.ignoringRequestMatchers(api, basicClient));
		return http.build();
	}

	@Bean
	SignInThrottle signInThrottle(SecurityProperties properties, ObjectProvider<Clock> clock, SignInFailures failures) {
		// Shared in the database only when asked: behind a load balancer the counts must
		// hold across instances, but there each attempt costs database transactions.
		return new SignInThrottle(properties.signIn(), clock.getIfAvailable(Clock::systemUTC),
				properties.signIn().shared() ? failures : new InMemorySignInFailures());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Bean
	Accounts accounts(SecurityProperties properties, PasswordEncoder encoder, Environment environment,
			ObjectProvider<AccountDirectory> directory) {
		if (environment.matchesProfiles("prod")) {
			DemoAccountsGuard.check(properties, encoder);
		}
		return new Accounts(properties, encoder, directory);
	}

	@Bean
	PasswordPolicy passwordPolicy(SecurityProperties properties) {
		return new PasswordPolicy(properties.password().minLength());
	}

}
