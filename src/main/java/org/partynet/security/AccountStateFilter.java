package org.partynet.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.partynet.security.AccountDirectory.StoredAccount;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of a signed-in account of the graph compares the session with the account
 * as it is now: disabled, deleted, its password reset or changed elsewhere, or its role
 * changed (each changes the account's stamp), and the session is signed out at once, on
 * this instance or any other, so that the request goes on as nobody's (the login form for
 * a page, 401 for the API). An account signed in with a one-time password may only change
 * it: pages are sent to {@link PasswordPage}, which then returns to the page first asked
 * for, and the API answers 403 saying so.
 */
class AccountStateFilter extends OncePerRequestFilter {

	private final Accounts accounts;

	private final RequestCache requests = new HttpSessionRequestCache();

	AccountStateFilter(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Optional<String> stamp = (authentication != null) ? stamp(authentication) : Optional.empty();
		if (stamp.isPresent()) {
			Optional<StoredAccount> account = this.accounts.stored(authentication.getName());
			if (account.isEmpty() || !current(account.get(), stamp.get(), authentication)) {
				signOut(request);
			}
			// the stamp matched, so the session's one-time password is still the
			// account's
			else if (Access.mustChangePassword() && !PasswordPage.allowedBeforeChange(request.getRequestURI())) {
				refuseUntilChanged(request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean current(StoredAccount account, String stamp, Authentication authentication) {
		return account.enabled() && String.valueOf(account.stamp()).equals(stamp)
				&& authentication.getAuthorities()
					.stream()
					.anyMatch(authority -> authority.getAuthority().equals(account.role().authority()));
	}

	private static Optional<String> stamp(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(AccountAuthorities.STAMP))
			.map(authority -> authority.substring(AccountAuthorities.STAMP.length()))
			.findFirst();
	}

	private static void signOut(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private void refuseUntilChanged(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String accept = request.getHeader("Accept");
		if (HttpMethod.GET.matches(request.getMethod()) && accept != null
				&& accept.contains(MediaType.TEXT_HTML_VALUE)) {
			this.requests.saveRequest(request, response);
			response.sendRedirect(request.getContextPath() + PasswordPage.PATH);
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"请先修改一次性密码（" + PasswordPage.PATH
					+ "） / Change your one-time password first\",\"extensions\":{\"classification\":\"PASSWORD_CHANGE_REQUIRED\"}}]}");
	}

}
