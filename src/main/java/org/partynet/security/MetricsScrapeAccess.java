package org.partynet.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Prometheus read {@code /actuator/prometheus} with a bearer token
 * ({@code partynet.metrics.scrape-token}) instead of a person's account, whose password
 * would sit in the scraper's configuration and whose role would read the whole network.
 * The token grants {@link #AUTHORITY} and nothing else; a wrong token is 401. Empty: no
 * token is accepted.
 */
class MetricsScrapeAccess extends OncePerRequestFilter {

	/** The only thing the token grants: reading the metrics. */
	static final String AUTHORITY = "METRICS_SCRAPE";

	static final String PATH = "/actuator/prometheus";

	private final byte[] token;

	MetricsScrapeAccess(String token) {
		this.token = (token == null) ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return !(request.getContextPath() + PATH).equals(request.getRequestURI()) || authorization == null
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] given = request.getHeader(HttpHeaders.AUTHORIZATION)
			.substring(7)
			.strip()
			.getBytes(StandardCharsets.UTF_8);
		// constant time: the comparison's duration says nothing about the token
		if (this.token.length == 0 || !MessageDigest.isEqual(this.token, given)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"partynet\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
				List.of(new SimpleGrantedAuthority(AUTHORITY)));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
