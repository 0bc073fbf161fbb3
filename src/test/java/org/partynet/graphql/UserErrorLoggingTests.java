package org.partynet.graphql;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.exceptions.DatabaseException;
import org.partynet.support.FaultInjector;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal or an error the caller caused is an answer, not a warning in the log; an
 * internal error is logged at ERROR with its detail. (Shares its application context with
 * {@link ReadRetryApiTests}.)
 */
@Import(FaultInjector.Configuration.class)
@ExtendWith(OutputCaptureExtension.class)
class UserErrorLoggingTests extends HarnessTestSupport {

	private static final Pattern WARNING_OR_WORSE = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s", Pattern.MULTILINE);

	@Autowired
	FaultInjector faults;

	@AfterEach
	void noMoreFaults() {
		this.faults.reset();
	}

	@Test
	void refusals_and_user_errors_are_answered_without_a_warning_in_the_log(CapturedOutput output) {
		int mark = output.getAll().length();
		// refused by the statement itself, by the scope check, by the role, by method
		// security
		assertThat(codes(post("secretary", "{ node(id: \"CommunityCommittee:GZ-DJ-C02-SQDW\") { id } }")))
			.containsExactly("FORBIDDEN");
		assertThat(codes(post("secretary", "{ organization(code: \"GZ-DJ-DGW\") { name } }")))
			.containsExactly("FORBIDDEN");
		assertThat(codes(post("secretary", "{ coverage(scope: \"Street:GZ-DJ\") { name } }")))
			.containsExactly("FORBIDDEN");
		assertThat(codes(post("viewer", "{ changes(first: 1) { totalCount } }"))).containsExactly("FORBIDDEN");
		assertThat(codes(post("viewer",
				"mutation { updateArea(input: {id: \"Community:GZ-DJ-C02\", version: 0, name: \"x\"}) { changeId } }")))
			.containsExactly("FORBIDDEN");
		// nothing there, a malformed argument, a document that does not validate
		assertThat(codes(post("orgdept", "{ coverage(scope: \"Street:NOPE\") { name } }")))
			.containsExactly("NOT_FOUND");
		assertThat(codes(post("orgdept", "{ node(id: \"no-colon\") { id } }"))).containsExactly("BAD_REQUEST");
		assertThat(codes(post("orgdept", "{ coverage(scope: \"Street:GZ-DJ\", asOf: \"2999-01-01\") { name } }")))
			.containsExactly("BAD_REQUEST");
		assertThat(codes(post("orgdept", "{ nodez }"))).containsExactly("GRAPHQL_VALIDATION_FAILED");
		// a mutation's user error (a stale version) is part of its payload
		assertThat(post("orgdept",
				"mutation { updateArea(input: {id: \"Community:GZ-DJ-C02\", version: 99, name: \"x\"}) { errors { code } } }")
			.toString()).contains("code=CONFLICT");
		// and a download refused
		web("secretary").get().uri("/reports/coverage.xlsx?scope=Street:GZ-DJ").exchange().expectStatus().isForbidden();
		assertThat(WARNING_OR_WORSE.matcher(since(output, mark)).results().map(match -> match.group()).toList())
			.as("log lines at WARN or ERROR")
			.isEmpty();
	}

	@Test
	void an_internal_error_is_logged_at_error_with_its_detail_and_answered_without_it(CapturedOutput output) {
		int mark = output.getAll().length();
		this.faults.failStatements("AS partTimeMembers", 0, 1,
				() -> new DatabaseException("Neo.DatabaseError.General.UnknownError", "injected by a test"));
		Map<String, Object> response = post("orgdept", "{ networkStats { grids } }");
		assertThat(codes(response)).containsExactly("INTERNAL_ERROR");
		assertThat(response.toString()).doesNotContain("injected by a test").doesNotContain("at org.");
		String logged = since(output, mark);
		assertThat(logged).containsPattern("ERROR .* Internal error at /networkStats")
			.contains("Caused by: org.neo4j.driver.exceptions.DatabaseException: injected by a test")
			.contains("\tat ");
	}

	private static String since(CapturedOutput output, int mark) {
		return ReadRetryApiTests.since(output, mark);
	}

}
