package org.partynet.support;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application over HTTP on a random port, against the in-process Neo4j of
 * {@link InProcessNeo4j}, into which the application loads the sample network. Every test
 * class extending this shares one application context, so the application starts once per
 * run.
 */
@ApplicationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "partynet.sample.external=true", "partynet.backup.directory=target/test-backups",
				"partynet.backup.schedule=-" })
@Import(StatementCounter.Configuration.class)
public abstract class HarnessTestSupport {

	/** Set by a test class with a database of its own ({@link #ownDatabase}). */
	private static final String OWN_NEO4J_URI = "partynet.test.own-neo4j-uri";

	@LocalServerPort
	protected int port;

	@Autowired
	protected StatementCounter statements;

	/**
	 * Tests that call the query services directly do so as the organization department:
	 * the statement executor reads nothing for a thread with no signed-in account.
	 */
	@BeforeEach
	void signInAsOrgDept() {
		signInAs("orgdept", "ROLE_ORG_DEPT");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** Signs the test's thread in, for calls to the services that do not go over HTTP. */
	public static void signInAs(String username, String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
					java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
	}

	/**
	 * The shared in-process Neo4j, unless the test class named one of its own. A
	 * placeholder, resolved when the context reads {@code spring.neo4j.uri}, so that the
	 * class's own value wins whatever order Spring calls the two
	 * {@code @DynamicPropertySource} methods in.
	 */
	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> "${" + OWN_NEO4J_URI + ":" + InProcessNeo4j.get().boltURI() + "}");
	}

	/**
	 * For the {@code @DynamicPropertySource} of a test class that changes data: its
	 * application context (a context of its own, since the class declares that method)
	 * runs on the empty {@link InProcessNeo4j#own own} database of that name, into which
	 * the application loads the sample.
	 */
	protected static void ownDatabase(DynamicPropertyRegistry registry, String name) {
		registry.add(OWN_NEO4J_URI, () -> InProcessNeo4j.own(name).boltURI().toString());
	}

	/**
	 * The password of the demo accounts {@code orgdept}, {@code secretary} and
	 * {@code viewer}.
	 */
	public static final String DEMO_PASSWORD = "demo";

	/** GraphQL over HTTP as {@code orgdept}, who reads everything. */
	public HttpGraphQlTester graphQl() {
		return graphQl("orgdept");
	}

	/** GraphQL over HTTP as one of the demo accounts. */
	public HttpGraphQlTester graphQl(String username) {
		return graphQl(baseUrl(), username);
	}

	/** Plain HTTP as {@code orgdept}, for downloads and pages. */
	public WebTestClient web() {
		return web("orgdept");
	}

	/** Plain HTTP with HTTP Basic as one of the demo accounts. */
	public WebTestClient web(String username) {
		return web(baseUrl(), username);
	}

	/**
	 * The tests' one GraphQL client: GraphQL over HTTP to the application at that
	 * address, as one of the demo accounts; also for test classes that start the
	 * application another way.
	 */
	public static HttpGraphQlTester graphQl(String baseUrl, String username) {
		return HttpGraphQlTester.create(web(baseUrl, username).mutate().baseUrl(baseUrl + "/graphql").build());
	}

	/**
	 * Plain HTTP with HTTP Basic as one of the demo accounts, to the application at that
	 * address.
	 */
	public static WebTestClient web(String baseUrl, String username) {
		// A statement's first run includes planning it, which on a loaded 2-core machine
		// can pass the client's default of 5 s.
		return WebTestClient.bindToServer()
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.baseUrl(baseUrl)
			.defaultHeaders(headers -> headers.setBasicAuth(username, DEMO_PASSWORD))
			.build();
	}

	/**
	 * A query posted as plain JSON, for tests of what the HTTP layer answers: the whole
	 * answer, data and errors, which must come with status 200.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> post(String username, String query) {
		return web(username).post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** The {@code extensions.code} of each error of an answer of {@link #post}. */
	@SuppressWarnings("unchecked")
	public static List<Object> codes(Map<String, Object> response) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
		return errors.stream().map(error -> ((Map<String, Object>) error.get("extensions")).get("code")).toList();
	}

	/**
	 * The {@code Authorization} header of a demo account, for {@code java.net.http}
	 * requests.
	 */
	public static String basic(String username) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((username + ":" + DEMO_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	public StatementCounter statements() {
		return this.statements;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
