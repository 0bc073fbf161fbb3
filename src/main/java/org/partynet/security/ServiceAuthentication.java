package org.partynet.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The service's own work (start-up, the command line, schedules), declared with
 * {@link Access#asService(java.util.function.Supplier)}. It carries no role, so no URL or
 * method rule grants it anything; only the statement executor recognises it.
 */
final class ServiceAuthentication extends AbstractAuthenticationToken {

	static final ServiceAuthentication INSTANCE = new ServiceAuthentication();

	private ServiceAuthentication() {
		super(List.of());
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return "system";
	}

}
