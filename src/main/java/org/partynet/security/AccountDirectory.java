package org.partynet.security;

import java.util.Optional;

/**
 * The accounts kept in the graph, as sign-in needs them: by user name for the login form,
 * HTTP Basic and a directory user, by the person's code for a directory user or a token
 * mapped that way. Implemented where the graph is read ({@code account}); this package
 * only asks. Every answer is the account's state now, so that a disabled account or a
 * reset password signs its sessions out on their next request.
 */
public interface AccountDirectory {

	/** The account of this user name (compared ignoring case); empty when none. */
	Optional<StoredAccount> byUsername(String username);

	/** The account of the person with this code; empty when none. */
	Optional<StoredAccount> byPersonCode(String personCode);

	/**
	 * Sets the password of an account of the graph, which then is no longer a one-time
	 * password, and records the change in the audit trail; the account's stamp changes,
	 * so that its other sessions are signed out.
	 * @param passwordHash the new password's hash
	 * @return the account as it is now
	 */
	StoredAccount changePassword(String username, String passwordHash);

	/**
	 * An account kept in the graph.
	 *
	 * @param username its user name, as stored
	 * @param passwordHash the hash in Spring Security's {@code {id}hash} form;
	 * {@code null} for an account that signs in only through a directory or single
	 * sign-on
	 * @param role what it may do
	 * @param person the code of the person it belongs to; {@code null} for none
	 * @param enabled whether it may sign in
	 * @param mustChangePassword whether its password is a one-time password
	 * @param stamp changes with every password change, reset, disable and role change: a
	 * session signed in with another stamp is signed out
	 */
	record StoredAccount(String username, String passwordHash, Role role, String person, boolean enabled,
			boolean mustChangePassword, long stamp) {
	}

}
