package org.partynet.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts of the graph over HTTP, on a database of their own: made by the organization
 * department with a one-time password that must be changed first; access that follows the
 * person's posts on the next request; sessions signed out by a reset, a disable and a
 * role change; bad input refused with the field named and nothing written; every change
 * and sign-in in the audit trail.
 */
class AccountApiTests extends HarnessTestSupport {

	/** 青年社区党委's deputy secretary. */
	private static final String DEPUTY = "RY20002";

	/** 东湖社区党委, another community. */
	private static final String OTHER = "CommunityCommittee:GZ-DJ-C02-SQDW";

	private static final String OWN = "CommunityCommittee:GZ-DJ-C01-SQDW";

	/** A third community, whose secretaries get their accounts in one action. */
	private static final String BATCH = "CommunityCommittee:GZ-DJ-C03-SQDW";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "accounts");
	}

	@Test
	void a_secretary_reads_what_their_posts_reach_from_the_next_request_on() {
		String password = created(create("deputy.qn", "SECRETARY", "Person:" + DEPUTY));
		FormSession session = new FormSession(baseUrl());
		assertThat(session.signIn("deputy.qn", password)).endsWith("/");
		// a one-time password must be changed before anything else
		assertThat(session.page("/org-chart").headers().firstValue("Location").orElseThrow())
			.endsWith("/account/password");
		HttpResponse<String> refused = session.graphqlResponse("{ me { username } }");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("PASSWORD_CHANGE_REQUIRED");
		assertThat(session.changePassword(password, "deputy.qn-2026", "deputy.qn-2026").body()).contains("不能包含用户名");
		assertThat(session.changePassword(password, "password123", "password123").body()).contains("过于常见");
		HttpResponse<String> changed = session.changePassword(password, "Lotus-river-82", "Lotus-river-82");
		assertThat(changed.statusCode()).isEqualTo(303);
		assertThat(changed.headers().firstValue("Location").orElseThrow()).contains("/org-chart");

		assertThat(organizations(session)).containsExactly(OWN);
		assertThat(session.graphql("{ organization(id: \"%s\") { name } }".formatted(OTHER)).toString())
			.contains("FORBIDDEN");

		// a second post, in another community: both subtrees, with no change to the
		// account
		post("orgdept", assignRole(DEPUTY, OTHER, "COMMITTEE_MEMBER"));
		assertThat(organizations(session)).containsExactly(OWN);
		post("orgdept", assignRole(DEPUTY, OTHER, "DEPUTY_SECRETARY"));
		assertThat(organizations(session)).containsExactlyInAnyOrder(OWN, OTHER);
		assertThat(session.graphql("{ organization(id: \"%s\") { name } }".formatted(OTHER)).toString())
			.contains("东湖社区党委");

		// every post ends: still signed in, reads nothing, and is told why
		mutate(endRole(DEPUTY, OWN, "DEPUTY_SECRETARY"));
		mutate(endRole(DEPUTY, OTHER, "DEPUTY_SECRETARY"));
		assertThat(organizations(session)).isEmpty();
		Map<String, Object> nothing = session.graphql("{ coverage { grid { covered } } }");
		assertThat(nothing.toString()).contains("没有担任书记或副书记职务").contains("FORBIDDEN");
		assertThat(session.graphql("{ organization(id: \"%s\") { name } }".formatted(OWN)).toString())
			.contains("FORBIDDEN");
	}

	@Test
	void a_reset_a_disable_and_a_role_change_sign_the_sessions_out() {
		String password = signedInWithOwnPassword("viewer.one", "VIEWER", null, "Quiet-harbour-57");
		FormSession session = new FormSession(baseUrl());
		session.signIn("viewer.one", "Quiet-harbour-57");
		assertThat(session.graphqlResponse("{ me { username } }").statusCode()).isEqualTo(200);

		assertThat(created(post("orgdept", "mutation { resetPassword(input: {username: \"viewer.one\"}) "
				+ "{ oneTimePassword errors { message } } }")))
			.hasSize(12);
		assertThat(session.graphqlResponse("{ me { username } }").statusCode()).isEqualTo(401);
		assertThat(password).isNotEmpty();

		String again = signedInWithOwnPassword("viewer.two", "VIEWER", null, "Amber-valley-93");
		FormSession second = new FormSession(baseUrl());
		second.signIn("viewer.two", "Amber-valley-93");
		post("orgdept", "mutation { disableAccount(input: {username: \"viewer.two\"}) { errors { message } } }");
		assertThat(second.graphqlResponse("{ me { username } }").statusCode()).isEqualTo(401);
		assertThat(new FormSession(baseUrl()).signIn("viewer.two", "Amber-valley-93")).contains("/login?error");
		// a reset of a disabled account is refused
		assertThat(errorFields(post("orgdept",
				"mutation { resetPassword(input: {username: \"viewer.two\"}) { oneTimePassword errors { field message } } }")))
			.containsExactly(List.of("input", "username"));
		post("orgdept", "mutation { enableAccount(input: {username: \"viewer.two\"}) { errors { message } } }");
		FormSession third = new FormSession(baseUrl());
		third.signIn("viewer.two", "Amber-valley-93");
		assertThat(third.graphqlResponse("{ me { role } }").body()).contains("VIEWER");
		post("orgdept", "mutation { changeAccountRole(input: {username: \"viewer.two\", role: ORG_DEPT}) "
				+ "{ account { role } errors { message } } }");
		assertThat(third.graphqlResponse("{ me { role } }").statusCode()).isEqualTo(401);
		assertThat(again).isNotEmpty();
	}

	@Test
	void bad_input_names_the_field_and_writes_nothing() {
		create("taken.name", "VIEWER", null);
		long accounts = count("accounts");
		long changes = count("changes");
		assertThat(errorFields(create("Taken.Name", "VIEWER", null))).containsExactly(List.of("input", "username"));
		assertThat(errorFields(create("orgdept", "VIEWER", null))).containsExactly(List.of("input", "username"));
		assertThat(errorFields(create("a", "VIEWER", null))).containsExactly(List.of("input", "username"));
		assertThat(errorFields(create("bad name!", "VIEWER", null))).containsExactly(List.of("input", "username"));
		assertThat(errorFields(create("nobody.here", "VIEWER", "Person:RY99999")))
			.containsExactly(List.of("input", "person"));
		assertThat(errorFields(create("not.a.person", "VIEWER", "Street:GZ-DJ")))
			.containsExactly(List.of("input", "person"));
		// a committee member of a grid branch holds no secretary's post
		assertThat(errorFields(create("no.post", "SECRETARY", "Person:RY10103")))
			.containsExactly(List.of("input", "person"));
		assertThat(errorFields(create("no.person", "SECRETARY", null))).containsExactly(List.of("input", "person"));
		assertThat(errorFields(post("orgdept",
				"mutation { disableAccount(input: {username: \"no.such\"}) { errors { field message } } }")))
			.containsExactly(List.of("input", "username"));
		assertThat(errorFields(post("orgdept",
				"mutation { createSecretaryAccounts(input: {scope: \"Street:NOWHERE\"}) { errors { field message } } }")))
			.containsExactly(List.of("input", "scope"));
		assertThat(count("accounts")).isEqualTo(accounts);
		assertThat(count("changes")).isEqualTo(changes);
		// and only the organization department changes accounts
		assertThat(codes(post("secretary",
				"mutation { resetPassword(input: {username: \"taken.name\"}) " + "{ errors { message } } }")))
			.containsExactly("FORBIDDEN");
		assertThat(codes(post("viewer", "{ accounts { totalCount } }"))).containsExactly("FORBIDDEN");
	}

	@Test
	void the_secretaries_of_a_community_get_their_accounts_in_one_action() {
		Map<String, Object> answer = post("orgdept",
				"mutation { createSecretaryAccounts(input: {scope: \"%s\"}) { created { account { username person { code } "
					.formatted(BATCH)
						+ "organizations { id } } oneTimePassword } workbook changeId errors { message } } }");
		Map<String, Object> payload = payload(answer, "createSecretaryAccounts");
		List<Map<String, Object>> created = list(payload.get("created"));
		// the community's secretary and deputy, and its grid branches' secretaries
		assertThat(created).hasSizeGreaterThanOrEqualTo(4);
		assertThat(created)
			.allSatisfy(c -> assertThat(list(((Map<?, ?>) c.get("account")).get("organizations"))).isNotEmpty());
		assertThat(created).allSatisfy(c -> assertThat((String) c.get("oneTimePassword")).hasSize(12));
		assertThat((String) payload.get("workbook")).isNotBlank();
		assertThat(HandoutWorkbookReader.usernames((String) payload.get("workbook")))
			.containsAll(created.stream().map(c -> (String) ((Map<?, ?>) c.get("account")).get("username")).toList());
		// again: everyone has an account now
		Map<String, Object> again = payload(post("orgdept",
				"mutation { createSecretaryAccounts(input: {scope: \"%s\"}) { created { oneTimePassword account { username } } workbook errors { message } } }"
					.formatted(BATCH)),
				"createSecretaryAccounts");
		assertThat(list(again.get("created"))).as(answer + " then " + again).isEmpty();
		assertThat(again.get("workbook")).isNull();
		assertThat(again.get("errors").toString()).contains("都已有账号");
		// the audit trail has the batch, with no password in it
		String trail = post("orgdept", "{ changes(first: 20) { nodes { operation user input after } } }").toString();
		assertThat(trail).contains("createSecretaryAccounts");
		created.forEach(c -> assertThat(trail).doesNotContain((String) c.get("oneTimePassword")));
	}

	@Test
	void sign_ins_and_failures_are_in_the_audit_trail() {
		String password = created(create("audited", "VIEWER", null));
		new FormSession(baseUrl()).signIn("audited", "wrong-password");
		new FormSession(baseUrl()).signIn("audited", password);
		String trail = post("orgdept", "{ changes(first: 30) { nodes { operation user input } } }").toString();
		assertThat(trail).contains("operation=signInFailed, user=audited").contains("operation=signIn, user=audited");
		assertThat(trail).doesNotContain("wrong-password").doesNotContain(password);
		Map<String, Object> account = list(((Map<?, ?>) data(
				post("orgdept", "{ accounts(search: \"audited\") { nodes { username lastSignInAt } } }"))
			.get("accounts")).get("nodes")).get(0);
		assertThat(account.get("lastSignInAt")).isNotNull();
	}

	// --- helpers ---------------------------------------------------------------------

	private void mutate(String mutation) {
		assertThat(list(payload(post("orgdept", mutation), null).get("errors"))).isEmpty();
	}

	private String signedInWithOwnPassword(String username, String role, String person, String own) {
		String password = created(create(username, role, person));
		FormSession session = new FormSession(baseUrl());
		session.signIn(username, password);
		assertThat(session.changePassword(password, own, own).statusCode()).isEqualTo(303);
		return password;
	}

	private Map<String, Object> create(String username, String role, String person) {
		return post("orgdept",
				"mutation { createAccount(input: {username: \"%s\", role: %s%s}) { account { username } oneTimePassword changeId errors { code field message } } }"
					.formatted(username, role, (person != null) ? ", person: \"" + person + "\"" : ""));
	}

	private static String created(Map<String, Object> answer) {
		Map<String, Object> payload = payload(answer, null);
		assertThat(list(payload.get("errors"))).isEmpty();
		return (String) payload.get("oneTimePassword");
	}

	private List<String> organizations(FormSession session) {
		Map<?, ?> me = (Map<?, ?>) data(session.graphql("{ me { organizations { id } } }")).get("me");
		return list(me.get("organizations")).stream().map(o -> (String) o.get("id")).toList();
	}

	private long count(String what) {
		String query = what.equals("accounts") ? "{ accounts { totalCount } }" : "{ changes { totalCount } }";
		return ((Number) ((Map<?, ?>) data(post("orgdept", query)).get(what)).get("totalCount")).longValue();
	}

	private String assignRole(String person, String organization, String role) {
		return "mutation { assignRole(input: {person: \"Person:%s\", version: %d, organization: \"%s\", role: %s}) { errors { message } } }"
			.formatted(person, version(person), organization, role);
	}

	private String endRole(String person, String organization, String role) {
		return "mutation { endRole(input: {person: \"Person:%s\", version: %d, organization: \"%s\", role: %s}) { errors { message } } }"
			.formatted(person, version(person), organization, role);
	}

	private int version(String person) {
		Map<?, ?> found = (Map<?, ?>) data(post("orgdept", "{ person(code: \"%s\") { version } }".formatted(person)))
			.get("person");
		return ((Number) found.get("version")).intValue();
	}

	@SuppressWarnings("unchecked")
	private static List<List<String>> errorFields(Map<String, Object> answer) {
		return list(payload(answer, null).get("errors")).stream().map(e -> (List<String>) e.get("field")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> answer) {
		assertThat(answer.get("errors")).as(answer.toString()).isNull();
		return (Map<String, Object>) answer.get("data");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> payload(Map<String, Object> answer, String field) {
		Map<String, Object> data = data(answer);
		return (Map<String, Object>) ((field != null) ? data.get(field) : data.values().iterator().next());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
