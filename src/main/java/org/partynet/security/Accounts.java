package org.partynet.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts of {@link SecurityProperties}, plus the demo accounts when they are on. A
 * secretary's organization travels with the authentication as the authority
 * {@code ORGANIZATION:<code>}, which {@link Access} reads.
 */
class Accounts implements UserDetailsService {

	static final List<String> DEMO_NAMES = List.of("orgdept", "secretary", "viewer");

	static final String DEMO_PASSWORD = "demo";

	static final String ORGANIZATION = "ORGANIZATION:";

	private final Map<String, UserDetails> accounts = new LinkedHashMap<>();

	Accounts(SecurityProperties properties, PasswordEncoder encoder) {
		if (properties.demoAccounts()) {
			// Hashed like any other password, so that nothing holds it in clear after
			// start-up.
			String hash = encoder.encode(DEMO_PASSWORD);
			add("orgdept", hash, Role.ORG_DEPT, null);
			add("secretary", hash, Role.SECRETARY, properties.demoSecretaryOrganization());
			add("viewer", hash, Role.VIEWER, null);
		}
		properties.accounts().forEach((name, account) -> {
			if (account.role() == null) {
				throw new IllegalStateException(
						"partynet.security.accounts.%s.role is missing (ORG_DEPT, SECRETARY or VIEWER)"
							.formatted(name));
			}
			if (account.role() == Role.SECRETARY
					&& (account.organization() == null || account.organization().isBlank())) {
				throw new IllegalStateException(
						"partynet.security.accounts.%s.organization is missing: a secretary reads the subtree of one organization"
							.formatted(name));
			}
			if (account.password() == null || !account.password().startsWith("{")) {
				throw new IllegalStateException(
						"partynet.security.accounts.%s.password must be a hash such as {bcrypt}$2a$10$..."
							.formatted(name));
			}
			add(name, account.password(), account.role(), account.organization());
		});
	}

	private void add(String name, String hash, Role role, String organization) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(role.authority()));
		if (role == Role.SECRETARY) {
			authorities.add(new SimpleGrantedAuthority(ORGANIZATION + organization));
		}
		this.accounts.put(name, User.withUsername(name).password(hash).authorities(authorities).build());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserDetails account = this.accounts.get(username);
		if (account == null) {
			throw new UsernameNotFoundException(username);
		}
		// a copy: Spring Security erases the password of what it authenticated
		return User.withUserDetails(account).build();
	}

	Map<String, UserDetails> all() {
		return this.accounts;
	}

}
