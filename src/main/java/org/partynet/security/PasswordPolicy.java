package org.partynet.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password of an account in the graph must be (NIST SP 800-63B's advice, which
 * security reviews here follow): long enough, not the user name, not one of the commonly
 * leaked passwords ({@code security/weak-passwords.txt}), not one character repeated or a
 * run such as {@code 1234567890}; no rules of character classes, which only make
 * passwords harder to remember. Also makes the one-time passwords.
 */
public final class PasswordPolicy {

	/** Longer is refused: BCrypt reads only the first 72 bytes. */
	public static final int MAX_LENGTH = 64;

	// No 0/O, 1/l/I: a one-time password is read off a sheet of paper and typed.
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int ONE_TIME_LENGTH = 12;

	private static final Set<String> WEAK = weak();

	private final SecureRandom random = new SecureRandom();

	private final int minLength;

	public PasswordPolicy(int minLength) {
		this.minLength = minLength;
	}

	/** The fewest characters a password may have. */
	public int minLength() {
		return this.minLength;
	}

	/** Why this password is refused for this user name; empty when it is acceptable. */
	public Optional<String> problem(String username, String password) {
		if (password == null || password.length() < this.minLength) {
			return Optional
				.of("密码至少 %d 个字符 / A password has at least %d characters".formatted(this.minLength, this.minLength));
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("密码最多 %d 个字符 / A password has at most %d characters".formatted(MAX_LENGTH, MAX_LENGTH));
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && username.length() >= 3) {
			String name = username.toLowerCase(Locale.ROOT);
			if (lower.contains(name) || lower.contains(new StringBuilder(name).reverse())) {
				return Optional.of("密码不能包含用户名 / A password must not contain the user name");
			}
		}
		if (WEAK.contains(lower) || repeatedOrRun(lower)) {
			return Optional.of("密码过于常见或有规律，容易被猜中 / This password is too common or too regular to be safe");
		}
		return Optional.empty();
	}

	/** A new one-time password: 12 characters that cannot be mistaken for each other. */
	public String oneTimePassword() {
		StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
		for (int i = 0; i < ONE_TIME_LENGTH; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	// One character throughout, or each the next (or the previous) of the one before.
	private static boolean repeatedOrRun(String password) {
		boolean same = true;
		boolean up = true;
		boolean down = true;
		for (int i = 1; i < password.length(); i++) {
			int step = password.charAt(i) - password.charAt(i - 1);
			same &= step == 0;
			up &= step == 1;
			down &= step == -1;
		}
		return same || up || down;
	}

	private static Set<String> weak() {
		Set<String> weak = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/weak-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("security/weak-passwords.txt is missing");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					weak.add(entry.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(weak);
	}

}
