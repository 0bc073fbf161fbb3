package org.partynet.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt is slow on purpose (about 80 ms here), and HTTP Basic checks the password on
 * every request: uncached, it would be most of each API call's time. This remembers the
 * passwords that matched, as SHA-256 digests only, so a repeated request costs a hash
 * instead. Failed attempts are never cached, so guessing stays as slow as BCrypt makes
 * it.
 */
class CachingPasswordEncoder implements PasswordEncoder {

	private static final int MAX_ENTRIES = 1000;

	private final PasswordEncoder delegate;

	private final Map<String, Boolean> matched = new ConcurrentHashMap<>();

	CachingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		String key = sha256(encodedPassword + '\u0000' + rawPassword);
		if (this.matched.containsKey(key)) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (this.matched.size() >= MAX_ENTRIES) {
				this.matched.clear();
			}
			this.matched.put(key, Boolean.TRUE);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
