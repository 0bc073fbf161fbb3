package org.partynet.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error path renders the error that the container dispatches to it. Asked for
 * directly there is no error to render, and Boot's error controller, finding no status,
 * would answer 500: so a direct request is answered as what it is, a page that does not
 * exist, through the same error page (the container dispatches the 404 to it).
 */
class DirectErrorRequests extends OncePerRequestFilter {

	private final RequestMatcher errorPath;

	DirectErrorRequests(String errorPath) {
		this.errorPath = PathPatternRequestMatcher.withDefaults().matcher(errorPath);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.REQUEST || !this.errorPath.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

}
