package org.partynet.security;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a password must be, and the one-time passwords made for a new account. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(10);

	@Test
	void long_enough_and_not_the_user_name_nor_a_common_or_regular_one() {
		assertThat(this.policy.problem("zhang.wei", "Lotus-river-82")).isEmpty();
		assertThat(this.policy.problem("zhang.wei", "这是一个足够长的中文密码")).isEmpty();
		assertThat(this.policy.problem("zhang.wei", "short1")).get().asString().contains("至少 10 个字符");
		assertThat(this.policy.problem("zhang.wei", "x".repeat(PasswordPolicy.MAX_LENGTH + 1))).get()
			.asString()
			.contains("最多");
		assertThat(this.policy.problem("zhang.wei", "my-ZHANG.WEI-pass")).get().asString().contains("用户名");
		assertThat(this.policy.problem("zhang.wei", "iew.gnahz-2026")).get().asString().contains("用户名");
		assertThat(this.policy.problem("zhang.wei", "Password123")).get().asString().contains("常见");
		assertThat(this.policy.problem("zhang.wei", "woaini1314")).get().asString().contains("常见");
		assertThat(this.policy.problem("zhang.wei", "aaaaaaaaaaaa")).get().asString().contains("规律");
		assertThat(this.policy.problem("zhang.wei", "1234567890")).get().asString().contains("规律");
		assertThat(this.policy.problem("zhang.wei", "9876543210")).isPresent();
		assertThat(this.policy.problem("zhang.wei", "abcdefghijklm")).isPresent();
		assertThat(this.policy.problem("zhang.wei", null)).isPresent();
	}

	@Test
	void one_time_passwords_are_long_unambiguous_and_different() {
		Set<String> made = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String password = this.policy.oneTimePassword();
			assertThat(password).hasSize(12).doesNotContainPattern("[0O1lI]");
			made.add(password);
		}
		assertThat(made).hasSize(1000);
	}

}
