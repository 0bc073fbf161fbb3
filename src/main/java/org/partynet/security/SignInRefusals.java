package org.partynet.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * What an HTTP Basic client hears when its sign-in fails: a throttled one
 * {@code 429 Too Many
 * Requests} with {@code Retry-After} and a JSON message, so that a script backs off
 * instead of retrying; any other failure the usual {@code 401} with the Basic challenge.
 */
class SignInRefusals implements AuthenticationEntryPoint {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final AuthenticationEntryPoint otherwise;

	SignInRefusals(AuthenticationEntryPoint otherwise) {
		this.otherwise = otherwise;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		if (!(exception instanceof SignInRefusedException refused)) {
			this.otherwise.commence(request, response, exception);
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
		body.put("code", refused.code());
		body.put("message", refused.getMessage());
		body.put("retryAfterSeconds", refused.retryAfterSeconds());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json.writeValueAsString(body));
	}

}
