package org.partynet.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partynet.PartynetApplication;
import org.partynet.support.InProcessNeo4j;
import org.partynet.support.ApplicationTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile, started for real against the test's Neo4j: it refuses the
 * demo accounts, and once they are replaced it serves without introspection or a schema
 * download.
 */
@ApplicationTest
class ProdProfileTests {

	// as command-line arguments, which (unlike a builder's default properties) override
	// application.yml
	private static ConfigurableApplicationContext prod(String... properties) {
		List<String> args = new ArrayList<>(
				List.of("--spring.neo4j.uri=" + InProcessNeo4j.get().boltURI(), "--server.port=0"));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		return new SpringApplicationBuilder(PartynetApplication.class).profiles("prod")
			.run(args.toArray(String[]::new));
	}

	@Test
	void refuses_to_start_with_the_demo_accounts() {
		assertThatThrownBy(() -> prod().close()).hasStackTraceContaining("demo-accounts=false");
		String demoHash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("demo");
		assertThatThrownBy(() -> prod("partynet.security.demo-accounts=false",
				"partynet.security.accounts.chief.password=" + demoHash,
				"partynet.security.accounts.chief.role=ORG_DEPT")
			.close()).hasStackTraceContaining("demo account name or password of account 'chief'");
	}

	@Test
	void serves_without_introspection_once_real_accounts_replace_them() throws Exception {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a-long-real-secret");
		try (ConfigurableApplicationContext context = prod("partynet.security.demo-accounts=false",
				"partynet.security.accounts.chief.password=" + hash,
				"partynet.security.accounts.chief.role=ORG_DEPT")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			String authorization = "Basic " + Base64.getEncoder().encodeToString("chief:a-long-real-secret".getBytes());
			HttpResponse<String> data = http.send(graphql(port, authorization, "{ dataset { code } }"),
					HttpResponse.BodyHandlers.ofString());
			assertThat(data.statusCode()).isEqualTo(200);
			assertThat(data.body()).contains("\"dataset\"").doesNotContain("errors");
			HttpResponse<String> introspection = http.send(
					graphql(port, authorization, "{ __schema { types { name } } }"),
					HttpResponse.BodyHandlers.ofString());
			assertThat(introspection.body()).contains("errors").doesNotContain("\"types\"");
			HttpResponse<String> demo = http.send(graphql(port,
					"Basic " + Base64.getEncoder().encodeToString("orgdept:demo".getBytes()), "{ dataset { code } }"),
					HttpResponse.BodyHandlers.ofString());
			assertThat(demo.statusCode()).isEqualTo(401);
			HttpResponse<String> schema = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql/schema"))
					.header("Authorization", authorization)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(schema.statusCode()).isNotEqualTo(200);
		}
	}

	private static HttpRequest graphql(int port, String authorization, String query) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"))
			.build();
	}

}
