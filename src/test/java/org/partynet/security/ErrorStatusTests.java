package org.partynet.security;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page answers with the status of the error it renders: the error path asked
 * for directly is a page that does not exist (404, never 500), and real errors keep their
 * own status through it, signed in or not.
 */
class ErrorStatusTests extends HarnessTestSupport {

	@Test
	void the_error_path_asked_for_directly_is_not_found() {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
		anonymous.get()
			.uri("/error")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		// (an anonymous POST is refused first for its missing CSRF token, as on any path)
		anonymous.post().uri("/error").exchange().expectStatus().isForbidden();
		web().post().uri("/error").exchange().expectStatus().isNotFound();
		anonymous.get().uri("/error").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
		web().get()
			.uri("/error")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		web("viewer").get().uri("/error?status=500").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
	}

	@Test
	void real_errors_keep_their_status_through_the_error_page() {
		// an unknown page
		web().get()
			.uri("/no-such-page")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.path")
			.isEqualTo("/no-such-page");
		// a method the page does not take
		web().delete()
			.uri("/reports/coverage.xlsx")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(405);
		// an argument that does not convert
		web().post().uri("/import?dryRun=perhaps").exchange().expectStatus().isBadRequest();
		// no account: the API's 401 is rendered by the error page too
		WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.build()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ me { username } }\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
		// outside the secretary's subtree
		web("secretary").get()
			.uri("/reports/coverage.xlsx?scope=Community:GZ-DJ-C02")
			.exchange()
			.expectStatus()
			.isForbidden();
		// a page's form without its token
		String body = WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.build()
			.post()
			.uri("/logout")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("403");
	}

}
