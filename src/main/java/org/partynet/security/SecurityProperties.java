package org.partynet.security;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in. Passwords are stored hashed, in Spring Security's {@code {id}hash}
 * form ({@code {bcrypt}$2a$10$...}); a hash is made with
 * {@code java -jar partynet.jar hash-password}.
 *
 * @param demoAccounts whether the demo accounts {@code orgdept}, {@code secretary} and
 * {@code viewer} (password {@code demo}) exist; the {@code prod} profile refuses to start
 * while they do
 * @param demoSecretaryOrganization the organization code of the demo secretary (a sample
 * community)
 * @param accounts further accounts by user name
 * @param signIn how failed sign-ins are slowed and locked
 */
@ConfigurationProperties("partynet.security")
public record SecurityProperties(@DefaultValue("true") boolean demoAccounts,
		@DefaultValue("GZ-DJ-C01-SQDW") String demoSecretaryOrganization, Map<String, AccountProperties> accounts,
		@DefaultValue SignInProperties signIn) {

	public SecurityProperties {
		accounts = (accounts != null) ? accounts : Map.of();
	}

	/**
	 * @param password the hashed password, {@code {bcrypt}...}
	 * @param role what the account may do
	 * @param organization for a {@link Role#SECRETARY}, the code of their party
	 * organization
	 */
	public record AccountProperties(String password, Role role, String organization) {
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
			@DefaultValue("1s") Duration delay, @DefaultValue("10000") int maxEntries) {

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
