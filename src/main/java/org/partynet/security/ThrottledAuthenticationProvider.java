package org.partynet.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Asks {@link SignInThrottle} before the password is checked, for the login form and HTTP
 * Basic alike (both put the request's {@link WebAuthenticationDetails} on the token): a
 * refused attempt never reaches the password encoder, neither BCrypt nor the cache of
 * passwords that matched.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		this.throttle.check(authentication.getName(), SignInThrottle.address(authentication));
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
