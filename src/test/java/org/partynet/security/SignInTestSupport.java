package org.partynet.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.partynet.support.HarnessTestSupport;
import org.partynet.support.InProcessNeo4j;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with the directory and single sign-on switched on, against the real
 * servers of {@link SignInServers}, on a database of its own into which a test writes the
 * accounts of the graph as the account package keeps them.
 */
abstract class SignInTestSupport extends HarnessTestSupport {

	static final String ME = "{ me { username role source } }";

	/** What the login page says to a wrong password. */
	static final String WRONG_PASSWORD = "用户名或密码不正确";

	/** What it says to a directory or single sign-on user with no account here. */
	static final String NO_ACCOUNT = "本系统没有您的账号";

	/** What it says to a disabled account. */
	static final String DISABLED = "账号已停用";

	/**
	 * The directory, the issuer and the database, for the {@code @DynamicPropertySource}
	 * of a test class, which adds how accounts are matched.
	 */
	static void servers(DynamicPropertyRegistry registry, String database) {
		ownDatabase(registry, database);
		// the tests sign in wrongly on purpose; no waits between attempts
		registry.add("partynet.security.sign-in.delay", () -> "0s");
		registry.add("partynet.security.ldap.enabled", () -> "true");
		registry.add("partynet.security.ldap.url", SignInServers::directoryUrl);
		registry.add("partynet.security.ldap.base", () -> SignInServers.BASE);
		registry.add("partynet.security.oidc.enabled", () -> "true");
		String client = "spring.security.oauth2.client.registration." + SignInServers.ISSUER;
		registry.add(client + ".client-id", () -> "partynet");
		registry.add(client + ".client-secret", () -> "partynet-secret");
		registry.add(client + ".scope", () -> "openid");
		registry.add("spring.security.oauth2.client.provider." + SignInServers.ISSUER + ".issuer-uri",
				SignInServers::issuerUri);
	}

	/**
	 * An account of the graph, written as the account package keeps it, belonging to the
	 * person of the sample with that code; no password of its own. Each is marked as
	 * having a one-time password, which concerns only a password kept here: a directory
	 * or single sign-on sign-in must never be asked to change it.
	 */
	static void account(String database, String username, String person, Role role, boolean enabled) {
		try (var session = InProcessNeo4j.driver(InProcessNeo4j.own(database)).session()) {
			long written = session.run("""
					MATCH (p:Person {code: $person})
					MERGE (a:Account {key: toLower($username)})
					SET a.username = $username, a.password = null, a.role = $role, a.enabled = $enabled,
					    a.mustChangePassword = true, a.stamp = coalesce(a.stamp, 1),
					    a.createdAt = coalesce(a.createdAt, datetime())
					MERGE (a)-[:OF]->(p)
					RETURN count(a)
					""", Map.of("username", username, "person", person, "role", role.name(), "enabled", enabled))
				.single()
				.get(0)
				.asLong();
			assertThat(written).as("the person " + person + " of the sample").isOne();
		}
	}

	/**
	 * How many records of this operation ({@code signIn}, {@code signInFailed}) the audit
	 * trail holds for this user name.
	 */
	static long audited(String database, String operation, String user) {
		try (var session = InProcessNeo4j.driver(InProcessNeo4j.own(database)).session()) {
			return session
				.run("MATCH (c:Change {operation: $operation, user: $user}) RETURN count(c)",
						Map.of("operation", operation, "user", user))
				.single()
				.get(0)
				.asLong();
		}
	}

	Browser browser() {
		return new Browser(baseUrl());
	}

	/** {@code me} over the browser's session. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> me(Browser browser) {
		Map<String, Object> response = browser.graphQl(ME);
		assertThat(response).doesNotContainKey("errors");
		return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("me");
	}

	/** {@code me} with HTTP Basic. */
	@SuppressWarnings("unchecked")
	Map<String, Object> meByBasic(String username, String password) {
		HttpResponse<String> response = browser().basic(username, password, ME);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> body = Browser.parse(response.body());
		assertThat(body).doesNotContainKey("errors");
		return (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("me");
	}

	int basicStatus(String username, String password) {
		return browser().basic(username, password, ME).statusCode();
	}

	static Map<String, Object> signedIn(String username, Role role, AccountSource source) {
		return Map.of("username", username, "role", role.name(), "source", source.name());
	}

}
