package org.partynet.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through a directory, LDAP or Active Directory: the login form and HTTP Basic
 * check a password the accounts of the graph do not know with the directory, then sign
 * the user in as the account of the graph that belongs to the directory user
 * ({@link DirectorySignIn}). Off unless {@code enabled}.
 *
 * @param enabled whether the directory checks passwords
 * @param url the server, {@code ldap://host:389} or {@code ldaps://host:636}; several
 * separated by spaces are tried in turn
 * @param base the base DN every DN below is relative to, {@code dc=example,dc=org}; for
 * Active Directory the root DN, by default derived from the domain
 * @param userDnPattern where a user's entry is, {@code uid={0},ou=people}, {@code {0}}
 * being the user name typed
 * @param userSearchBase where to search for a user's entry when there is no pattern,
 * {@code ou=people}; empty for the base itself
 * @param userSearchFilter the search, {@code (uid={0})}; for Active Directory, replaces
 * its default {@code (&(objectClass=user)(userPrincipalName={0}))}
 * @param managerDn who searches; empty: an anonymous search
 * @param managerPassword the manager's password
 * @param matchBy whether the account of the graph has the directory user's user name or
 * belongs to the person whose code is in {@code personCodeAttribute}
 * @param personCodeAttribute the directory attribute that holds the person's code
 * @param activeDirectoryDomain set for Active Directory, {@code corp.example.org}: users
 * sign in with their user name, bound as {@code name@domain}
 * @param timeout how long to wait for the directory to connect, and then to answer
 */
@ConfigurationProperties("partynet.security.ldap")
public record DirectoryProperties(boolean enabled, String url, String base, String userDnPattern,
		@DefaultValue("") String userSearchBase, String userSearchFilter, String managerDn, String managerPassword,
		@DefaultValue("username") AccountMatch matchBy, @DefaultValue("employeeNumber") String personCodeAttribute,
		String activeDirectoryDomain, @DefaultValue("10s") Duration timeout) {

	/**
	 * Refuses to start with a directory that cannot work, naming the property; only when
	 * it is switched on, so that the properties of a directory switched off may stay.
	 */
	void check() {
		require(present(this.url), "url", "the server, ldap://host:389");
		require(this.matchBy != AccountMatch.PERSON_CODE || present(this.personCodeAttribute), "person-code-attribute",
				"the attribute holding the person's code");
		require(!this.timeout.isNegative() && !this.timeout.isZero(), "timeout", "positive");
		if (activeDirectory()) {
			// Active Directory finds the user by the name it binds with, in the domain
			return;
		}
		require(present(this.base), "base", "the base DN, dc=example,dc=org");
		require(present(this.userDnPattern) || present(this.userSearchFilter), "user-dn-pattern",
				"uid={0},ou=people (or user-search-filter, (uid={0}))");
		require(!present(this.managerDn) || this.managerPassword != null, "manager-password",
				"the password of manager-dn");
	}

	boolean activeDirectory() {
		return present(this.activeDirectoryDomain);
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean valid, String property, String what) {
		if (!valid) {
			throw new IllegalStateException(
					"partynet.security.ldap.%s is needed with partynet.security.ldap.enabled=true: %s"
						.formatted(property, what));
		}
	}

}
