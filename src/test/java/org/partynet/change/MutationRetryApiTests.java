package org.partynet.change;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.TransientException;
import org.partynet.support.FaultInjector;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mutation whose write transaction Neo4j fails with a transient error (a deadlock, an
 * outdated read, a refused commit) runs again from the start in a new transaction, and
 * still writes once: one change, one version step, one audit record. Any other error
 * writes nothing and is not retried. Each test renames a grid branch of its own.
 */
@Import(FaultInjector.Configuration.class)
class MutationRetryApiTests extends MutationTestSupport {

	/**
	 * The audit record, the last statement of a mutation's transaction: everything else
	 * is written by then.
	 */
	private static final String AUDIT = "CREATE (c:Change";

	private static final String RENAME = """
			mutation($input: UpdateOrganizationInput!) {
			  updateOrganization(input: $input) { organization { id name version } changeId errors { code message } }
			}
			""";

	@Autowired
	FaultInjector faults;

	@AfterEach
	void noMoreFaults() {
		this.faults.reset();
	}

	private static TransientException deadlock() {
		return new TransientException("Neo.TransientError.Transaction.DeadlockDetected",
				"ForsetiClient[transactionId=7] can't acquire ExclusiveLock{owner=ForsetiClient[transactionId=8]} (injected by a test)");
	}

	@Test
	void a_mutation_that_met_a_deadlock_runs_again_and_writes_once() {
		String code = "GZ-DJ-C16-ZB01";
		int version = version("GridBranch", code);
		long audits = audits(code);
		this.faults.failStatements(AUDIT, 0, 2, MutationRetryApiTests::deadlock);
		Map<String, Object> payload = rename(code, version, "重试后改名一");
		assertThat(payload.get("errors")).isEqualTo(List.of());
		assertThat(payload.get("organization"))
			.isEqualTo(Map.of("id", "GridBranch:" + code, "name", "重试后改名一", "version", version + 1));
		assertWrittenOnce(code, version, audits, "重试后改名一", payload);
		assertThat(this.faults.matching()).isEqualTo(3);
	}

	@Test
	void a_refused_commit_runs_the_whole_transaction_again_and_writes_once() {
		String code = "GZ-DJ-C16-ZB02";
		int version = version("GridBranch", code);
		long audits = audits(code);
		this.faults.failCommits(1, FaultInjector::outdated);
		Map<String, Object> payload = rename(code, version, "重试后改名二");
		assertThat(payload.get("errors")).isEqualTo(List.of());
		assertWrittenOnce(code, version, audits, "重试后改名二", payload);
	}

	@Test
	void an_error_a_retry_cannot_mend_writes_nothing_and_is_not_retried() {
		String code = "GZ-DJ-C15-ZB01";
		int version = version("GridBranch", code);
		long audits = audits(code);
		String name = name(code);
		this.faults.failStatements(AUDIT, 0, 1,
				() -> new DatabaseException("Neo.DatabaseError.General.UnknownError", "injected by a test"));
		Map<String, Object> response = post(RENAME,
				Map.of("input", Map.of("id", "GridBranch:" + code, "version", version, "name", "不应写入")));
		assertThat(codes(response)).containsExactly("INTERNAL_ERROR");
		assertThat(this.faults.matching()).isEqualTo(1);
		assertNothingWritten(code, version, audits, name);
	}

	@Test
	void a_mutation_that_keeps_failing_transiently_gives_up_after_five_attempts_having_written_nothing() {
		String code = "GZ-DJ-C15-ZB02";
		int version = version("GridBranch", code);
		long audits = audits(code);
		String name = name(code);
		this.faults.failStatements(AUDIT, 0, 100, MutationRetryApiTests::deadlock);
		Map<String, Object> response = post(RENAME,
				Map.of("input", Map.of("id", "GridBranch:" + code, "version", version, "name", "不应写入")));
		assertThat(codes(response)).containsExactly("INTERNAL_ERROR");
		assertThat(this.faults.matching()).isEqualTo(5);
		assertNothingWritten(code, version, audits, name);
	}

	private Map<String, Object> rename(String code, int version, String name) {
		return mutate("updateOrganization", RENAME,
				Map.of("input", Map.of("id", "GridBranch:" + code, "version", version, "name", name)));
	}

	private static void assertWrittenOnce(String code, int version, long audits, String name,
			Map<String, Object> payload) {
		assertThat(version("GridBranch", code)).isEqualTo(version + 1);
		assertThat(name(code)).isEqualTo(name);
		assertThat(audits(code)).isEqualTo(audits + 1);
		// the record the payload names is the one written
		assertThat(value("MATCH (c:Change {id: $id})-[:AFFECTED]->(:GridBranch {code: $code}) RETURN count(c)",
				Map.of("id", payload.get("changeId"), "code", code)))
			.isEqualTo(1L);
	}

	private static void assertNothingWritten(String code, int version, long audits, String name) {
		assertThat(version("GridBranch", code)).isEqualTo(version);
		assertThat(name(code)).isEqualTo(name);
		assertThat(audits(code)).isEqualTo(audits);
	}

	private static long audits(String code) {
		return (Long) value("MATCH (c:Change)-[:AFFECTED]->(:GridBranch {code: $code}) RETURN count(c)",
				Map.of("code", code));
	}

	private static String name(String code) {
		return (String) value("MATCH (n:GridBranch {code: $code}) RETURN n.name", Map.of("code", code));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> codes(Map<String, Object> response) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
		return errors.stream().map(error -> ((Map<String, Object>) error.get("extensions")).get("code")).toList();
	}

}
