package org.partynet.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in that a directory or a single sign-on server accepted, refused here: no
 * account of the graph belongs to the user, or the account is disabled. Its message is
 * meant for the person signing in and is shown as it is. An
 * {@link AccountStatusException}, so that the {@code ProviderManager} answers it at once
 * instead of asking a further provider, which could only check the same user again.
 */
public class AccountRefusedException extends AccountStatusException {

	/** {@code NO_ACCOUNT} or {@code ACCOUNT_DISABLED}, for logs and API clients. */
	private final String code;

	/**
	 * Who the directory or the server said signed in (the user name typed, the token's
	 * subject), for the audit trail; never shown.
	 */
	private final String user;

	private AccountRefusedException(String code, String message, String user) {
		super(message);
		this.code = code;
		this.user = user;
	}

	static AccountRefusedException noAccount(AccountSource source, String user) {
		String where = (source == AccountSource.DIRECTORY) ? "目录" : "单点登录";
		String whereEnglish = (source == AccountSource.DIRECTORY) ? "the directory" : "single sign-on";
		return new AccountRefusedException("NO_ACCOUNT",
				"已通过%s验证，但本系统没有您的账号，请联系区委组织部开通 / Signed in through %s, but no account here belongs to you: ask the organization department for one"
					.formatted(where, whereEnglish),
				user);
	}

	static AccountRefusedException disabled(String user) {
		return new AccountRefusedException("ACCOUNT_DISABLED",
				"账号已停用，请联系区委组织部 / The account is disabled: ask the organization department", user);
	}

	public String code() {
		return this.code;
	}

	public String user() {
		return this.user;
	}

}
