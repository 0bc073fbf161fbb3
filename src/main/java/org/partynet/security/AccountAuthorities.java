package org.partynet.security;

import java.util.ArrayList;
import java.util.List;

import org.partynet.security.AccountDirectory.StoredAccount;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a signed-in account carries in its authentication, however it signed in (form,
 * HTTP Basic, directory, single sign-on): its role, its person, where it signed in, the
 * stamp of its account and whether it must change its password. {@link Access} reads
 * them; {@link AccountStateFilter} compares the stamp with the account's current one.
 */
public final class AccountAuthorities {

	static final String PERSON = "PERSON:";

	static final String STAMP = "STAMP:";

	static final String SOURCE = "SOURCE:";

	static final String MUST_CHANGE_PASSWORD = "MUST_CHANGE_PASSWORD";

	private AccountAuthorities() {
	}

	/** The authorities of an account of the graph, signed in through {@code source}. */
	public static List<GrantedAuthority> of(StoredAccount account, AccountSource source) {
		List<GrantedAuthority> authorities = new ArrayList<>(
				of(account.role(), account.person(), source, account.stamp()));
		// a directory or single sign-on checked the password: no password of ours to
		// change
		if (account.mustChangePassword() && source == AccountSource.LOCAL) {
			authorities.add(new SimpleGrantedAuthority(MUST_CHANGE_PASSWORD));
		}
		return authorities;
	}

	/**
	 * The authorities of an account; {@code stamp} {@code null} for an account of the
	 * configuration, which no stamp check concerns.
	 */
	static List<GrantedAuthority> of(Role role, String person, AccountSource source, Long stamp) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(role.authority()));
		authorities.add(new SimpleGrantedAuthority(SOURCE + source.name()));
		if (person != null) {
			authorities.add(new SimpleGrantedAuthority(PERSON + person));
		}
		if (stamp != null) {
			authorities.add(new SimpleGrantedAuthority(STAMP + stamp));
		}
		return authorities;
	}

}
