package org.partynet.change;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.harness.Neo4j;
import org.partynet.support.GraphDump;
import org.partynet.support.InProcessNeo4j;
import org.partynet.support.ApplicationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutations change the graph, so their tests never touch the shared sample of the other
 * API tests: the whole application over HTTP with a Neo4j of its own, into which the
 * application loads the sample. Tests of one class share it, so each test works on parts
 * of the sample (its own community) that no other test changes.
 */
@ApplicationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "partynet.sample.external=true")
abstract class MutationTestSupport {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString("orgdept:demo".getBytes(StandardCharsets.UTF_8));

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	/**
	 * The class's own database (its tests change data), into which the application loads
	 * the sample.
	 */
	static Neo4j neo4j() {
		return InProcessNeo4j.own("mutations");
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> neo4j().boltURI().toString());
	}

	/**
	 * The whole response of a GraphQL request sent with the organization department's
	 * credentials.
	 */
	Map<String, Object> post(String query, Map<String, Object> variables) {
		try {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", query);
			body.put("variables", variables);
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", AUTHORIZATION)
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			@SuppressWarnings("unchecked")
			Map<String, Object> result = json.readValue(response.body(), Map.class);
			return result;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The data of a request that must not fail with GraphQL errors. */
	@SuppressWarnings("unchecked")
	Map<String, Object> data(String query, Map<String, Object> variables) {
		Map<String, Object> response = post(query, variables);
		assertThat(response.get("errors")).as("GraphQL errors").isNull();
		return (Map<String, Object>) response.get("data");
	}

	/** The payload of a mutation: {@code data.<field>}. */
	@SuppressWarnings("unchecked")
	Map<String, Object> mutate(String field, String query, Map<String, Object> variables) {
		return (Map<String, Object>) data(query, variables).get(field);
	}

	static List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		try (var session = InProcessNeo4j.driver(neo4j()).session()) {
			return session.run(cypher, parameters).list(record -> record.asMap());
		}
	}

	static Object value(String cypher, Map<String, Object> parameters) {
		List<Map<String, Object>> rows = rows(cypher, parameters);
		return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
	}

	static int version(String label, String code) {
		return ((Number) value("MATCH (n:`%s` {code: $code}) RETURN coalesce(n.version, 0)".formatted(label),
				Map.of("code", code)))
			.intValue();
	}

	/**
	 * Everything in the database, sorted: each node with its labels and properties, each
	 * relationship with its type, the labels and properties of both ends and its own
	 * properties.
	 */
	static List<String> dump() {
		return GraphDump.of(InProcessNeo4j.driver(neo4j()));
	}

	/**
	 * A mutation document: {@code field(input: $input)} with the selection of its payload
	 * type.
	 */
	static String mutation(String field, String inputType) {
		String object = switch (field) {
			case "createArea", "updateArea", "transferArea" -> "area { id code name version }";
			case "createPerson", "updatePerson", "assignRole", "endRole", "addMembership", "endMembership" ->
				"person { id code name version }";
			case "addLink", "endLink" -> "from { id } to { id }";
			default -> "organization { id code name version }";
		};
		return "mutation($input: %s!) { %s(input: $input) { %s changeId errors { code field message } } }"
			.formatted(inputType, field, object);
	}

	/** Runs a mutation and answers its payload. */
	Map<String, Object> run(String field, String inputType, Map<String, Object> input) {
		return mutate(field, mutation(field, inputType), Map.of("input", input));
	}

	/** Runs a mutation that must succeed. */
	Map<String, Object> ok(String field, String inputType, Map<String, Object> input) {
		Map<String, Object> payload = run(field, inputType, input);
		assertThat(errors(payload)).as(field + " errors").isEmpty();
		assertThat(payload.get("changeId")).isNotNull();
		return payload;
	}

	/**
	 * Runs a mutation that must be refused with the code on the field, and checks that
	 * nothing at all was written (a full dump of the database before and after).
	 */
	Map<String, Object> refused(String field, String inputType, Map<String, Object> input, String code,
			String... path) {
		List<String> before = dump();
		Map<String, Object> payload = run(field, inputType, input);
		assertThat(errors(payload)).as(field + " errors").isNotEmpty();
		assertThat(errors(payload)).anySatisfy(error -> {
			assertThat(error.get("code")).isEqualTo(code);
			assertThat(error.get("field")).isEqualTo(List.of(path));
			assertThat((String) error.get("message")).contains(" / ");
		});
		assertThat(payload.get("changeId")).isNull();
		assertThat(dump()).as("nothing written").isEqualTo(before);
		return payload;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("errors");
	}

}
