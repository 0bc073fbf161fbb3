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

	@Test
	void browsers_get_the_chinese_error_pages_and_api_clients_keep_json() {
		// a page the role may not use: the import page is the organization department's
		web("viewer").get()
			.uri("/import")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("无权访问", "您的账号不能使用这个页面", "区委组织部", "href=\"/\""));
		web("viewer").get()
			.uri("/import")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403);
		web("secretary").get().uri("/import").accept(MediaType.TEXT_HTML).exchange().expectStatus().isForbidden();
		web().get().uri("/import").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
		// a page that does not exist
		web("viewer").get()
			.uri("/no-such-page")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("找不到页面", "没有这个页面", "href=\"/\""));
		web("viewer").get()
			.uri("/no-such-page")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		// the API answers JSON, whatever the page's error view
		web("viewer").post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ changes { totalCount } }\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void signing_in_returns_to_the_page_asked_for_with_its_query_and_never_to_another_host() {
		WebTestClient browser = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
		var asked = browser.get()
			.uri("/reports/coverage?scope=Community:GZ-DJ-C01&metric=BUILDING_HEAD")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.returnResult();
		assertThat(asked.getResponseHeaders().getLocation()).hasPath("/login");
		String cookie = asked.getResponseHeaders().getFirst("Set-Cookie").split(";", 2)[0];
		// the API is never kept as the way back, nor is a page asked for by a script
		browser.post()
			.uri("/graphql")
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML)
			.bodyValue("{\"query\":\"{ me { username } }\"}")
			.exchange()
			.expectStatus()
			.isFound();
		String login = browser.get()
			.uri("/login")
			.header("Cookie", cookie)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
			.matcher(login);
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		var signedIn = browser.post()
			.uri("/login")
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("username=orgdept&password=" + DEMO_PASSWORD + "&_csrf=" + csrf.group(1))
			.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.returnResult();
		// the very URL, query and all: no "continue" added, and on this host
		java.net.URI back = signedIn.getResponseHeaders().getLocation();
		assertThat(back).hasPath("/reports/coverage").hasQuery("scope=Community:GZ-DJ-C01&metric=BUILDING_HEAD");
		assertThat(back.getHost()).isIn(null, "localhost");
	}

}
