package org.partynet.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.partynet.model.RoleKind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in. Accounts live in the graph (账号管理, {@code /admin/accounts}); the
 * configuration holds only the bootstrap administrator, who creates them, and the demo
 * accounts. Passwords are stored hashed, in Spring Security's {@code {id}hash} form
 * ({@code {bcrypt}$2a$10$...}); a hash is made with
 * {@code java -jar partynet.jar hash-password}.
 *
 * @param demoAccounts whether the demo accounts {@code orgdept}, {@code secretary} and
 * {@code viewer} (password {@code demo}) exist; the {@code prod} profile refuses to start
 * while they do
 * @param demoSecretaryPerson the person of the demo secretary (the sample's secretary of
 * 青年社区党委), whose posts decide what it reads
 * @param accounts the bootstrap administrators by user name: organization department
 * accounts only
 * @param secretaryPosts the posts that give a secretary's account the subtree of their
 * organization: {@code SECRETARY} and {@code DEPUTY_SECRETARY} by default, add
 * {@code COMMITTEE_MEMBER} for 委员
 * @param signIn how failed sign-ins are slowed and locked
 * @param password what a password of an account in the graph must be
 */
@ConfigurationProperties("partynet.security")
public record SecurityProperties(@DefaultValue("true") boolean demoAccounts,
		@DefaultValue("RY20001") String demoSecretaryPerson, Map<String, AccountProperties> accounts, @DefaultValue( {
				"SECRETARY", "DEPUTY_SECRETARY" }) List<String> secretaryPosts,
		@DefaultValue SignInProperties signIn, @DefaultValue PasswordProperties password){

	public SecurityProperties {
		accounts = (accounts != null) ? accounts : Map.of();
		secretaryPosts = List.copyOf(secretaryPosts);
		for (String post : secretaryPosts) {
			RoleKind kind = RoleKind.post(post);
			if (kind == null || kind == RoleKind.GROUP_LEADER) {
				throw new IllegalStateException(
						"partynet.security.secretary-posts: '%s' is not a committee post (SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER, PART_TIME_MEMBER)"
							.formatted(post));
			}
		}
	}

	/**
	 * Whether this user name (ignoring case) is an account of the configuration: the
	 * bootstrap administrators, and the demo accounts when they are on. No account of the
	 * graph may take it.
	 */
	public boolean configures(String username) {
		if (username == null) {
			return false;
		}
		String key = Accounts.key(username);
		return (this.demoAccounts && Accounts.DEMO_NAMES.contains(key))
				|| this.accounts.keySet().stream().anyMatch(name -> Accounts.key(name).equals(key));
	}

	/**
	 * @param minLength the fewest characters a password may have
	 */
	public record PasswordProperties(@DefaultValue("10") int minLength) {

		public PasswordProperties {
			if (minLength < 8 || minLength > 64) {
				throw new IllegalStateException("partynet.security.password.min-length must be from 8 to 64");
			}
		}

	}

	/**
	 * @param password the hashed password, {@code {bcrypt}...}
	 * @param role what the account may do: {@link Role#ORG_DEPT}, the only role a
	 * configured account may have
	 */
	public record AccountProperties(String password, Role role) {
	}

	/**
	 * Failed sign-ins, counted per user name and per client address, are slowed in the
	 * second half of the allowed failures and then locked; see {@link SignInThrottle}.
	 *
	 * @param maxFailuresPerAccount failures of one user name that lock it
	 * @param maxFailuresPerAddress failures from one client address, whatever the user
	 * names, that lock the address: higher, as an office may sign in from behind one
	 * address
	 * @param lockDuration how long a lock holds, and how long a failure is remembered
	 * @param delay the first wait between slowed attempts, doubling with each further
	 * failure up to 32 times; {@code 0s} turns the waits off
	 * @param maxEntries user names, and separately addresses, remembered at most
	 */
	public record SignInProperties(@DefaultValue("5") int maxFailuresPerAccount,
			@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration lockDuration,
			@DefaultValue("1s") Duration delay, @DefaultValue("10000") int maxEntries,
			@DefaultValue("false") boolean shared) {

		public SignInProperties {
			require(maxFailuresPerAccount >= 1, "max-failures-per-account", "at least 1");
			require(maxFailuresPerAddress >= 1, "max-failures-per-address", "at least 1");
			require(!lockDuration.isNegative() && !lockDuration.isZero(), "lock-duration", "positive");
			require(!delay.isNegative(), "delay", "zero or positive");
			require(maxEntries >= 1, "max-entries", "at least 1");
		}

		private static void require(boolean valid, String property, String what) {
			if (!valid) {
				throw new IllegalStateException("partynet.security.sign-in.%s must be %s".formatted(property, what));
			}
		}

	}

}
