package org.partynet.security;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The {@code prod} profile refuses to start while the demo accounts exist or any account
 * still has the demo password: they are published in the README.
 */
final class DemoAccountsGuard {

	private DemoAccountsGuard() {
	}

	static void check(SecurityProperties properties, PasswordEncoder encoder) {
		if (properties.demoAccounts()) {
			throw new IllegalStateException(
					"""
							生产环境（prod）不能使用演示账号 orgdept/secretary/viewer：请设置 partynet.security.demo-accounts=false 并在 partynet.security.accounts 中配置账号。
							The prod profile refuses to start with the demo accounts orgdept/secretary/viewer: set \
							partynet.security.demo-accounts=false and configure partynet.security.accounts (see README).""");
		}
		if (properties.accounts().isEmpty()) {
			throw new IllegalStateException("""
					生产环境（prod）没有任何账号：请在 partynet.security.accounts 中配置。
					The prod profile has no accounts: configure partynet.security.accounts (see README).""");
		}
		properties.accounts().forEach((name, account) -> {
			if (Accounts.DEMO_NAMES.contains(name) || (account.password() != null && account.password().startsWith("{")
					&& encoder.matches(Accounts.DEMO_PASSWORD, account.password()))) {
				throw new IllegalStateException("""
						生产环境（prod）不能使用演示账号或演示密码：%s
						The prod profile refuses the demo account name or password of account '%s'.""".formatted(name,
						name));
			}
		});
	}

}
