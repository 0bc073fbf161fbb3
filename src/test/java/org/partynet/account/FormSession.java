package org.partynet.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's session without the browser: cookies, the login form with its CSRF token,
 * the password form, and GraphQL with the session cookie, as the pages send it.
 */
final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http;

	FormSession(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** Signs in through the login form; answers where the form sends the browser. */
	String signIn(String username, String password) {
		HttpResponse<String> answer = form("/login", "username", username, "password", password);
		return answer.headers().firstValue("Location").orElse("");
	}

	/** Posts the password form; answers the response. */
	HttpResponse<String> changePassword(String current, String password, String repeat) {
		return form("/account/password", "current", current, "password", password, "repeat", repeat);
	}

	/** A page, as a browser asks for it. */
	HttpResponse<String> page(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
	}

	/** A GraphQL query with the session: status and body. */
	HttpResponse<String> graphqlResponse(String query) {
		return send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))))
			.build());
	}

	/** A GraphQL query with the session, which must answer 200. */
	@SuppressWarnings("unchecked")
	Map<String, Object> graphql(String query) {
		HttpResponse<String> answer = graphqlResponse(query);
		if (answer.statusCode() != 200) {
			throw new AssertionError("HTTP " + answer.statusCode() + ": " + answer.body());
		}
		return json.readValue(answer.body(), Map.class);
	}

	private HttpResponse<String> form(String path, String... namesAndValues) {
		Matcher token = CSRF.matcher(page(path).body());
		if (!token.find()) {
			throw new AssertionError("No CSRF token on " + path);
		}
		StringBuilder body = new StringBuilder("_csrf=" + encode(token.group(1)));
		for (int i = 0; i < namesAndValues.length; i += 2) {
			body.append('&').append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
		}
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
