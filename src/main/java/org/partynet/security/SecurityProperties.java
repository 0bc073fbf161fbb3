package org.partynet.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in. Passwords are stored hashed, in Spring Security's {@code {id}hash} form
 * ({@code {bcrypt}$2a$10$...}); a hash is made with {@code java -jar partynet.jar hash-password}.
 *
 * @param demoAccounts whether the demo accounts {@code orgdept}, {@code secretary} and
 * {@code viewer} (password {@code demo}) exist; the {@code prod} profile refuses to start while
 * they do
 * @param demoSecretaryOrganization the organization code of the demo secretary (a sample community)
 * @param accounts further accounts by user name
 */
@ConfigurationProperties("partynet.security")
public record SecurityProperties(@DefaultValue("true") boolean demoAccounts,
		@DefaultValue("GZ-DJ-C01-SQDW") String demoSecretaryOrganization, Map<String, AccountProperties> accounts) {

	public SecurityProperties {
		accounts = (accounts != null) ? accounts : Map.of();
	}

	/**
	 * @param password the hashed password, {@code {bcrypt}...}
	 * @param role what the account may do
	 * @param organization for a {@link Role#SECRETARY}, the code of their party organization
	 */
	public record AccountProperties(String password, Role role, String organization) {
	}

}
