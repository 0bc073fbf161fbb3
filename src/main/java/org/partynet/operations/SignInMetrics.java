package org.partynet.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts failed sign-ins, {@code partynet.sign.in.failures}, by how they came: the login
 * form, HTTP Basic, or single sign-on. A rise is a forgotten password or a password
 * sprayer; the log and the audit trail say which user names.
 */
@Component
class SignInMetrics {

	private final MeterRegistry meters;

	SignInMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Counter.builder("partynet.sign.in.failures")
			.description("Failed sign-ins, by method (form, basic, sso)")
			.tag("method", method())
			.register(this.meters)
			.increment();
	}

	private static String method() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "other";
		}
		HttpServletRequest request = attributes.getRequest();
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return "basic";
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/login/oauth2/")) {
			return "sso";
		}
		return "form";
	}

}
