package org.partynet.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.partynet.security.AccountDirectory.StoredAccount;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who signs in with a password of ours: the bootstrap administrators of
 * {@link SecurityProperties} and the demo accounts when they are on, then the accounts of
 * the graph ({@link AccountDirectory}). What an account carries is
 * {@link AccountAuthorities}: a secretary reads what the posts of its person reach, a
 * demo secretary too.
 */
class Accounts implements UserDetailsService {

	static final List<String> DEMO_NAMES = List.of("orgdept", "secretary", "viewer");

	static final String DEMO_PASSWORD = "demo";

	private final Map<String, UserDetails> configured = new LinkedHashMap<>();

	private final ObjectProvider<AccountDirectory> directory;

	Accounts(SecurityProperties properties, PasswordEncoder encoder, ObjectProvider<AccountDirectory> directory) {
		this.directory = directory;
		if (properties.demoAccounts()) {
			// Hashed like any other password, so that nothing holds it in clear after
			// start-up.
			String hash = encoder.encode(DEMO_PASSWORD);
			add("orgdept", hash, Role.ORG_DEPT, null);
			add("secretary", hash, Role.SECRETARY, properties.demoSecretaryPerson());
			add("viewer", hash, Role.VIEWER, null);
		}
		properties.accounts().forEach((name, account) -> {
			if (account.role() != Role.ORG_DEPT) {
				throw new IllegalStateException(
						"""
								partynet.security.accounts.%s.role 必须是 ORG_DEPT：其他账号请在账号管理页面 /admin/accounts 中建立。
								partynet.security.accounts.%s.role must be ORG_DEPT: the configuration holds only the bootstrap administrator; \
								create other accounts on the accounts page, /admin/accounts"""
							.formatted(name, name));
			}
			if (account.password() == null || !account.password().startsWith("{")) {
				throw new IllegalStateException(
						"partynet.security.accounts.%s.password must be a hash such as {bcrypt}$2a$10$..."
							.formatted(name));
			}
			add(name, account.password(), account.role(), null);
		});
	}

	private void add(String name, String hash, Role role, String person) {
		this.configured.put(key(name),
				User.withUsername(name)
					.password(hash)
					.authorities(AccountAuthorities.of(role, person, AccountSource.CONFIGURATION, null))
					.build());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserDetails account = this.configured.get(key(username));
		if (account != null) {
			// a copy: Spring Security erases the password of what it authenticated
			return User.withUserDetails(account).build();
		}
		StoredAccount stored = stored(username).orElseThrow(() -> new UsernameNotFoundException(username));
		if (stored.passwordHash() == null) {
			// signs in only through a directory or single sign-on
			throw new UsernameNotFoundException(username);
		}
		return User.withUsername(stored.username())
			.password(stored.passwordHash())
			.disabled(!stored.enabled())
			.authorities(AccountAuthorities.of(stored, AccountSource.LOCAL))
			.build();
	}

	/** Whether the account of this user name is one of the configuration's. */
	boolean configured(String username) {
		return this.configured.containsKey(key(username));
	}

	/** The graph's account of this user name, if there is one and no configured one. */
	Optional<StoredAccount> stored(String username) {
		AccountDirectory accounts = this.directory.getIfAvailable();
		if (accounts == null || username == null || configured(username)) {
			return Optional.empty();
		}
		return accounts.byUsername(username);
	}

	static String key(String username) {
		return (username != null) ? username.toLowerCase(Locale.ROOT) : null;
	}

}
