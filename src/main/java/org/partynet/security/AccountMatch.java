package org.partynet.security;

import java.util.Optional;

import org.partynet.security.AccountDirectory.StoredAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a directory user or a single sign-on token finds its account of the graph: by user
 * name, or by the code of the person the account belongs to. Either way the account
 * decides the role and the person, and the account's user name is the one signed in.
 */
public enum AccountMatch {

	/** The directory's user name, or the token's claim, is the account's user name. */
	USERNAME,

	/** The directory's attribute, or the token's claim, is the code of a person. */
	PERSON_CODE;

	private static final Logger logger = LoggerFactory.getLogger(AccountMatch.class);

	/**
	 * The enabled account that {@code value} names; refused with a message for the person
	 * signing in otherwise. For the log: {@code user} is who the directory or the token
	 * says signed in, {@code from} where the value was read (an attribute, a claim).
	 */
	StoredAccount account(AccountDirectory accounts, String value, AccountSource source, String user, String from) {
		// The log lines are the operator's clue: the directory or the server said yes,
		// but the graph has no account for the user.
		if (value == null || value.isBlank()) {
			logger.info("{} user '{}' has no account here: {} is empty", source, printable(user), from);
			throw AccountRefusedException.noAccount(source, user);
		}
		String key = value.strip();
		Optional<StoredAccount> account = (this == USERNAME) ? accounts.byUsername(key) : accounts.byPersonCode(key);
		if (account.isEmpty()) {
			logger.info("{} user '{}' has no account here: no account {} '{}' ({})", source, printable(user),
					(this == USERNAME) ? "named" : "of the person", printable(key), from);
			throw AccountRefusedException.noAccount(source, user);
		}
		if (!account.get().enabled()) {
			logger.info("{} user '{}' signs in as the disabled account '{}': refused", source, printable(user),
					printable(account.get().username()));
			throw AccountRefusedException.disabled(user);
		}
		return account.get();
	}

	/**
	 * A user-supplied text for a log line: control characters escaped, as the throttle
	 * does.
	 */
	private static String printable(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder printable = new StringBuilder();
		text.codePoints()
			.forEach((c) -> printable
				.append(Character.isISOControl(c) ? "\\u%04x".formatted(c) : Character.toString(c)));
		return printable.toString();
	}

}
