package org.partynet.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Everything needs an account. The API ({@code /graphql}) takes HTTP Basic, or the session of a
 * signed-in page, and answers 401 rather than a redirect; pages send the browser to the login
 * form. CSRF tokens protect the page forms (login, logout, uploads). {@code /graphql} needs none:
 * it accepts only JSON bodies, which a cross-site form cannot send and a cross-site script cannot
 * send without a CORS preflight that this service never grants; the session cookie is also
 * {@code SameSite=Lax}. See docs/adr/0010-access-control.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("partynet");
		basic.afterPropertiesSet();
		PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/graphql/**");
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/error").permitAll()
			.anyRequest()
			.authenticated())
			.httpBasic(Customizer.withDefaults())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(basic, api))
			.csrf(csrf -> csrf.ignoringRequestMatchers(api));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Bean
	Accounts accounts(SecurityProperties properties, PasswordEncoder encoder, Environment environment) {
		if (environment.matchesProfiles("prod")) {
			DemoAccountsGuard.check(properties, encoder);
		}
		return new Accounts(properties, encoder);
	}

}
