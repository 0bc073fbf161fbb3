package org.partynet.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as signing in needs one: {@code java.net.http} with its own cookies,
 * following redirects one by one so that a test sees where each went.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String baseUrl;

	Browser(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Where a chain of redirects went, and the page it ended on. */
	record Visit(List<String> locations, HttpResponse<String> page) {

		String last() {
			return this.locations.isEmpty() ? "" : this.locations.get(this.locations.size() - 1);
		}

		/** Whether it went back to the login page, rather than on to the pages. */
		boolean refused() {
			return this.locations.stream()
				.anyMatch((location) -> location.endsWith("/login") || location.contains("/login?"));
		}

	}

	/** The login form filled in and sent, as a person would, with its CSRF token. */
	Visit signIn(String username, String password) {
		HttpResponse<String> login = get(this.baseUrl + "/login");
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		return follow(post(this.baseUrl + "/login",
				Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
	}

	/**
	 * The login page's single sign-on link followed to the issuer, signed in there with
	 * its login form as {@code subject} with the token's {@code claims}, and back.
	 */
	Visit signInAtIssuer(String subject, Map<String, Object> claims) {
		HttpResponse<String> start = get(this.baseUrl + "/oauth2/authorization/" + SignInServers.ISSUER);
		assertThat(start.statusCode()).as("the app sends the browser to the issuer").isEqualTo(302);
		String authorize = location(start);
		assertThat(authorize).startsWith(SignInServers.issuerUri() + "/authorize");
		HttpResponse<String> form = get(authorize);
		assertThat(form.body()).as("the issuer's login form").contains("name=\"username\"");
		HttpResponse<String> signedIn = post(authorize,
				Map.of("username", subject, "claims", json.writeValueAsString(claims)));
		assertThat(signedIn.statusCode()).as("the issuer sends the browser back").isEqualTo(302);
		assertThat(location(signedIn)).startsWith(this.baseUrl + "/login/oauth2/code/" + SignInServers.ISSUER);
		return follow(signedIn);
	}

	/** A GraphQL query over this browser's session, answered with status 200. */
	@SuppressWarnings("unchecked")
	Map<String, Object> graphQl(String query) {
		HttpResponse<String> response = graphQlResponse(query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readValue(response.body(), Map.class);
	}

	/** A GraphQL query over this browser's session, whatever the answer. */
	HttpResponse<String> graphQlResponse(String query) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))));
	}

	/** A GraphQL query with HTTP Basic, and no session: its status and body. */
	HttpResponse<String> basic(String username, String password, String query) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> post(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Redirects followed to the page they end on, at most ten. */
	private Visit follow(HttpResponse<String> response) {
		List<String> locations = new ArrayList<>();
		while (response.statusCode() / 100 == 3) {
			assertThat(locations).as("redirects").hasSizeLessThan(10);
			String location = location(response);
			locations.add(location);
			response = get(location);
		}
		return new Visit(locations, response);
	}

	private String location(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return response.uri().resolve(location).toString();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
