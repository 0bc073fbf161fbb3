package org.partynet.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;

/**
 * A failed sign-in of a directory or single sign-on user with no enabled account here
 * ({@link AccountRefusedException}), for the audit trail's listener of
 * {@link AbstractAuthenticationFailureEvent}s. Spring Security's event publisher maps
 * exceptions to events by their exact class and publishes nothing for this one, so
 * {@link #reporting} publishes it. Not a bad-credentials event: the password or the token
 * was right, and the throttle does not count it.
 */
public class AccountRefusedEvent extends AbstractAuthenticationFailureEvent {

	AccountRefusedEvent(Authentication authentication, AccountRefusedException refusal) {
		super(authentication, refusal);
	}

	/**
	 * {@code provider}, publishing this event for each refusal, under the name of the
	 * user the directory or the server signed in (a token's request has no name yet) and
	 * with the request's details (the client's address).
	 */
	static AuthenticationProvider reporting(AuthenticationProvider provider, ApplicationEventPublisher events) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				try {
					return provider.authenticate(authentication);
				}
				catch (AccountRefusedException refusal) {
					UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
						.unauthenticated((refusal.user() != null) ? refusal.user() : authentication.getName(), null);
					attempt.setDetails(authentication.getDetails());
					events.publishEvent(new AccountRefusedEvent(attempt, refusal));
					throw refusal;
				}
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return provider.supports(authentication);
			}

		};
	}

}
