package org.partynet.graphql;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.partynet.support.FaultInjector;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query whose read transaction Neo4j fails with a transient error runs again in a new
 * one, as a whole, wherever the error arose (a root field, a batch loader three levels
 * down, the transaction's begin); the caller sees the answer, not the error. Any other
 * error, and every user error, is answered at once, after one attempt.
 */
@Import(FaultInjector.Configuration.class)
@ExtendWith(OutputCaptureExtension.class)
class ReadRetryApiTests extends HarnessTestSupport {

	/** A text of the networkStats statement only. */
	private static final String STATS = "AS partTimeMembers";

	/** Every batch statement (one per level of a tree) takes the parents' codes. */
	private static final String BATCH = "$codes";

	private static final String NETWORK_STATS = "{ networkStats { streetCommittees communityCommittees grids gridBranches buildingHeads partTimeMembers } }";

	private static final String ORG_TREE = """
			{ organization(code: "GZ-DJ-C01-SQDW") { name secretary { name }
			    children { name secretary { name } children { name secretary { name } buildingHeads { name } } } } }
			""";

	@Autowired
	FaultInjector faults;

	@AfterEach
	void noMoreFaults() {
		this.faults.reset();
	}

	@Test
	void a_query_whose_read_is_outdated_runs_again_and_answers_without_error(CapturedOutput output) {
		int mark = output.getAll().length();
		Map<String, Object> expected = post("orgdept", NETWORK_STATS);
		this.faults.failStatements(STATS, 0, 1, FaultInjector::outdated);
		Map<String, Object> retried = post("orgdept", NETWORK_STATS);
		assertThat(retried).doesNotContainKey("errors").isEqualTo(expected);
		assertThat(this.faults.matching()).isEqualTo(2);
		assertThat(this.faults.transactions()).isEqualTo(2);
		assertThat(since(output, mark)).doesNotContain("Internal error").doesNotContain("ERROR");
	}

	@Test
	void a_transient_error_in_a_batch_loader_deep_in_the_tree_retries_the_whole_request(CapturedOutput output) {
		int mark = output.getAll().length();
		Map<String, Object> expected = post("orgdept", ORG_TREE);
		assertThat(expected).doesNotContainKey("errors");
		// three levels down, building heads and all
		assertThat(expected.toString()).contains("buildingHeads=[{name=");
		// the third batch statement, after the committee's secretary and the one
		// statement
		// of both levels of children: the secretaries of both levels below; the rest
		// fails
		// with it
		this.faults.failStatements(BATCH, 2, 1, FaultInjector::outdated);
		Map<String, Object> retried = post("orgdept", ORG_TREE);
		assertThat(retried).doesNotContainKey("errors").isEqualTo(expected);
		assertThat(this.faults.transactions()).isEqualTo(2);
		assertThat(since(output, mark)).doesNotContain("Internal error").doesNotContain("ERROR");
	}

	@Test
	void a_cluster_member_gone_is_transient_too() {
		Map<String, Object> expected = post("secretary", NETWORK_STATS);
		this.faults.failStatements(STATS, 0, 2, () -> new SessionExpiredException(
				"Server at localhost:7687 is no longer available (injected by a test)"));
		assertThat(post("secretary", NETWORK_STATS)).doesNotContainKey("errors").isEqualTo(expected);
		assertThat(this.faults.transactions()).isEqualTo(3);
	}

	@Test
	void an_error_a_retry_cannot_mend_is_answered_after_one_attempt(CapturedOutput output) {
		int mark = output.getAll().length();
		this.faults.failStatements(STATS, 0, 1,
				() -> new DatabaseException("Neo.DatabaseError.General.UnknownError", "injected by a test"));
		Map<String, Object> response = post("orgdept", NETWORK_STATS);
		assertThat(codes(response)).containsExactly("INTERNAL_ERROR");
		assertThat(this.faults.matching()).isEqualTo(1);
		assertThat(this.faults.transactions()).isEqualTo(1);
		// logged with its detail
		assertThat(since(output, mark)).contains("ERROR")
			.contains("Internal error at /networkStats")
			.contains("injected by a test");
	}

	@Test
	void user_errors_are_answered_after_one_attempt() {
		// a secretary asking for another community's committee, an id that is not one,
		// nothing by that id
		this.faults.reset();
		assertThat(codes(post("secretary", "{ node(id: \"CommunityCommittee:GZ-DJ-C02-SQDW\") { id } }")))
			.containsExactly("FORBIDDEN");
		assertThat(this.faults.transactions()).isEqualTo(1);
		this.faults.reset();
		assertThat(codes(post("orgdept", "{ node(id: \"no-colon\") { id } }"))).containsExactly("BAD_REQUEST");
		assertThat(this.faults.transactions()).isEqualTo(1);
		this.faults.reset();
		assertThat(codes(post("orgdept", "{ coverage(scope: \"Street:NOPE\") { name } }")))
			.containsExactly("NOT_FOUND");
		assertThat(this.faults.transactions()).isEqualTo(1);
	}

	@Test
	void retries_are_bounded_and_the_last_failure_is_logged_as_an_error(CapturedOutput output) {
		int mark = output.getAll().length();
		this.faults.failStatements(STATS, 0, 100, FaultInjector::outdated);
		Map<String, Object> response = post("orgdept", NETWORK_STATS);
		assertThat(codes(response)).containsExactly("INTERNAL_ERROR");
		assertThat(this.faults.matching()).isEqualTo(5);
		assertThat(this.faults.transactions()).isEqualTo(5);
		assertThat(since(output, mark)).contains("Transient error in every attempt of query")
			.contains("Neo.TransientError.Transaction.Outdated");
	}

	/**
	 * What was logged since {@code mark}. The capture of the class holds the output of
	 * its earlier tests too.
	 */
	static String since(CapturedOutput output, int mark) {
		return output.getAll().substring(mark);
	}

}
