package org.partynet.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through a single sign-on server, OpenID Connect ({@link SingleSignOn}): the
 * login page links to the server, which signs the user in and sends them back with a
 * token; the token's {@code claim} names the account of the graph. The server itself is
 * Spring Boot's client registration,
 * {@code spring.security.oauth2.client.registration.<id>.*} with
 * {@code spring.security.oauth2.client.provider.<id>.issuer-uri}. Off unless
 * {@code enabled}.
 *
 * @param enabled whether the login page offers single sign-on
 * @param registration the id of the client registration to use; may stay empty when there
 * is exactly one
 * @param matchBy whether the claim holds the account's user name or the code of the
 * person the account belongs to
 * @param claim the claim of the ID token (or of the user info) that does
 * @param linkText the text of the login page's link, Chinese first
 */
@ConfigurationProperties("partynet.security.oidc")
public record SingleSignOnProperties(boolean enabled, String registration,
		@DefaultValue("username") AccountMatch matchBy, @DefaultValue("preferred_username") String claim,
		@DefaultValue("单点登录 Single sign-on") String linkText) {

}
