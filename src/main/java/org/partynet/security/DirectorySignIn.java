package org.partynet.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partynet.security.AccountDirectory.StoredAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.LdapUserDetailsMapper;

/**
 * Sign-in through a directory ({@link DirectoryProperties}, switched on by
 * {@code partynet.security.ldap.enabled}): a user name and password of the login form or
 * HTTP Basic that the accounts of the graph do not accept are checked by binding to the
 * directory as that user (Spring Security's {@link BindAuthenticator}, or
 * {@link ActiveDirectoryLdapAuthenticationProvider}); the directory user then signs in as
 * the account of the graph that {@link AccountMatch} finds, with that account's user
 * name, role and person. The directory's groups grant nothing: what an account may do is
 * kept in the graph, where the organization department manages it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("partynet.security.ldap.enabled")
class DirectorySignIn {

	private static final Logger logger = LoggerFactory.getLogger(DirectorySignIn.class);

	@Bean
	SignInMethod directorySignInMethod(DirectoryProperties properties, AccountDirectory accounts,
			ApplicationEventPublisher events) {
		properties.check();
		AbstractLdapAuthenticationProvider provider = properties.activeDirectory() ? activeDirectory(properties)
				: ldap(properties);
		provider.setUserDetailsContextMapper(new AccountOfDirectoryUser(properties, accounts));
		logger.info("Sign-in through the directory at {} ({}), accounts matched by {}", properties.url(),
				properties.activeDirectory() ? "Active Directory " + properties.activeDirectoryDomain() : "LDAP",
				properties.matchBy());
		return new Method(AccountRefusedEvent.reporting(new Unreachable(provider, properties.url()), events));
	}

	private static AbstractLdapAuthenticationProvider ldap(DirectoryProperties properties) {
		DefaultSpringSecurityContextSource directory = new DefaultSpringSecurityContextSource(urls(properties),
				properties.base());
		if (DirectoryProperties.present(properties.managerDn())) {
			directory.setUserDn(properties.managerDn());
			directory.setPassword(properties.managerPassword());
		}
		directory.setBaseEnvironmentProperties(timeouts(properties));
		directory.afterPropertiesSet();
		BindAuthenticator authenticator = new BindAuthenticator(directory);
		if (DirectoryProperties.present(properties.userDnPattern())) {
			authenticator.setUserDnPatterns(new String[] { properties.userDnPattern() });
		}
		if (DirectoryProperties.present(properties.userSearchFilter())) {
			authenticator.setUserSearch(new FilterBasedLdapUserSearch(properties.userSearchBase(),
					properties.userSearchFilter(), directory));
		}
		authenticator.afterPropertiesSet();
		// no authorities populator: the account of the graph has the role
		return new LdapAuthenticationProvider(authenticator);
	}

	private static AbstractLdapAuthenticationProvider activeDirectory(DirectoryProperties properties) {
		ActiveDirectoryLdapAuthenticationProvider provider = new ActiveDirectoryLdapAuthenticationProvider(
				properties.activeDirectoryDomain(), String.join(" ", urls(properties)),
				DirectoryProperties.present(properties.base()) ? properties.base() : null);
		if (DirectoryProperties.present(properties.userSearchFilter())) {
			provider.setSearchFilter(properties.userSearchFilter());
		}
		// a wrong password and an expired or locked directory account are all "wrong
		// user name or password" to the person signing in, as for the graph's accounts
		provider.setConvertSubErrorCodesToExceptions(false);
		provider.setContextEnvironmentProperties(timeouts(properties));
		return provider;
	}

	private static List<String> urls(DirectoryProperties properties) {
		return Arrays.stream(properties.url().strip().split("\\s+")).toList();
	}

	/**
	 * JNDI waits for ever by default: a directory that stops answering would hold every
	 * sign-in, and a request thread with each.
	 */
	private static Map<String, Object> timeouts(DirectoryProperties properties) {
		String millis = Long.toString(properties.timeout().toMillis());
		return Map.of("com.sun.jndi.ldap.connect.timeout", millis, "com.sun.jndi.ldap.read.timeout", millis);
	}

	private record Method(AuthenticationProvider directory) implements SignInMethod {

		@Override
		public AuthenticationProvider provider() {
			return this.directory;
		}

	}

	/**
	 * The directory user, once the directory accepted the password, as the account of the
	 * graph it belongs to. Spring's mapping back into the directory stays Spring's:
	 * nothing here writes to the directory.
	 */
	private static final class AccountOfDirectoryUser extends LdapUserDetailsMapper {

		private final DirectoryProperties properties;

		private final AccountDirectory accounts;

		AccountOfDirectoryUser(DirectoryProperties properties, AccountDirectory accounts) {
			this.properties = properties;
			this.accounts = accounts;
		}

		@Override
		public UserDetails mapUserFromContext(DirContextOperations user, String username,
				Collection<? extends GrantedAuthority> directoryAuthorities) {
			boolean byName = this.properties.matchBy() == AccountMatch.USERNAME;
			String value = byName ? withoutDomain(username)
					: user.getStringAttribute(this.properties.personCodeAttribute());
			StoredAccount account = this.properties.matchBy()
				.account(this.accounts, value, AccountSource.DIRECTORY, username,
						byName ? "the user name" : "the attribute " + this.properties.personCodeAttribute());
			// no password: the directory checked it, and nothing here keeps it
			return User.withUsername(account.username())
				.password("")
				.authorities(AccountAuthorities.of(account, AccountSource.DIRECTORY))
				.build();
		}

		/**
		 * An Active Directory user may type {@code name@domain}, as the directory binds
		 * them; the account is {@code name}.
		 */
		private String withoutDomain(String username) {
			String domain = this.properties.activeDirectoryDomain();
			String suffix = (domain != null) ? "@" + domain.strip().toLowerCase(Locale.ROOT) : null;
			if (suffix != null && username.toLowerCase(Locale.ROOT).endsWith(suffix)) {
				return username.substring(0, username.length() - suffix.length());
			}
			return username;
		}

	}

	/**
	 * Says in the log that the directory did not answer: the person signing in only hears
	 * that the sign-in failed.
	 */
	private static final class Unreachable implements AuthenticationProvider {

		private final AuthenticationProvider delegate;

		private final String url;

		Unreachable(AuthenticationProvider delegate, String url) {
			this.delegate = delegate;
			this.url = url;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			try {
				return this.delegate.authenticate(authentication);
			}
			catch (InternalAuthenticationServiceException ex) {
				logger.warn("The directory at {} could not check a sign-in: {}", this.url, ex.getMessage());
				throw ex;
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.delegate.supports(authentication);
		}

	}

}
