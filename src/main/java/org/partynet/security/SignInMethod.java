package org.partynet.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A further way to sign in, switched on by configuration: a directory (LDAP or Active
 * Directory) checks the passwords of the login form and HTTP Basic, a single sign-on
 * server (OpenID Connect) signs users in from a link on the login page. Either way the
 * user is mapped to an account of the graph ({@link AccountDirectory}), whose role and
 * person decide what they read, and sign-ins are slowed and locked as any other.
 */
public interface SignInMethod {

	/**
	 * Checks the user name and password of the login form and HTTP Basic, after the
	 * accounts' own passwords; {@code null} when this method does not.
	 */
	default AuthenticationProvider provider() {
		return null;
	}

	/** Adds what this method needs to the filter chain (single sign-on's login). */
	default void configure(HttpSecurity http) throws Exception {
	}

	/**
	 * A link for the login page, such as {@code /oauth2/authorization/sso}; {@code null}
	 * for none.
	 */
	default String loginLink() {
		return null;
	}

	/** The link's text, Chinese first. */
	default String loginLinkText() {
		return "单点登录 Single sign-on";
	}

}
