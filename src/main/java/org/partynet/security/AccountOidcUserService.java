package org.partynet.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partynet.security.AccountDirectory.StoredAccount;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The user a single sign-on server signed in, as the account of the graph its token
 * names: Spring Security's {@link OidcUserService} reads the ID token (and the user info,
 * when the scopes ask for it), {@link AccountMatch} finds the account by the configured
 * claim. The signed-in name is the account's user name, not the token's subject, and the
 * authorities are the account's, not the token's scopes.
 */
class AccountOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService tokens = new OidcUserService();

	private final SingleSignOnProperties properties;

	private final AccountDirectory accounts;

	AccountOidcUserService(SingleSignOnProperties properties, AccountDirectory accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.tokens.loadUser(request);
		Object claim = user.getClaims().get(this.properties.claim());
		StoredAccount account = this.properties.matchBy()
			.account(this.accounts, (claim != null) ? claim.toString() : null, AccountSource.SINGLE_SIGN_ON,
					user.getSubject(), "the claim " + this.properties.claim());
		return new AccountOidcUser(user, account.username(),
				List.copyOf(AccountAuthorities.of(account, AccountSource.SINGLE_SIGN_ON)));
	}

	/** The server's user under the name and with the authorities of its account. */
	record AccountOidcUser(OidcUser user, String username,
			List<GrantedAuthority> authorities) implements OidcUser, Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		@Override
		public String getName() {
			return this.username;
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.authorities;
		}

		@Override
		public Map<String, Object> getClaims() {
			return this.user.getClaims();
		}

		@Override
		public OidcUserInfo getUserInfo() {
			return this.user.getUserInfo();
		}

		@Override
		public OidcIdToken getIdToken() {
			return this.user.getIdToken();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.user.getAttributes();
		}

	}

}
