package org.partynet.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.neo4j.driver.types.Node;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.neo4j.TransientRetry;
import org.partynet.network.Nodes;
import org.partynet.security.Access;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a mutation as one write transaction: check the input and take the locks (nothing
 * written yet), snapshot what it affects, write, check the invariants, then bump the
 * versions and write the audit record. Any user error rolls the whole transaction back; a
 * transient error runs the whole transaction again ({@link TransientRetry}).
 */
@Component
class Changes {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MutationQueries queries;

	private final TransactionTemplate transactions;

	Changes(MutationQueries queries, PlatformTransactionManager transactionManager) {
		this.queries = queries;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** What a mutation answers: the node, the audit record's id and the user errors. */
	record Outcome(Identified result, String changeId, List<UserError> errors, Identified other) {

		static Outcome refused(List<UserError> errors) {
			return new Outcome(null, null, List.copyOf(errors), null);
		}

	}

	/**
	 * @param input the input as given (the audit record keeps it so, absent fields
	 * absent), while the plan reads its typed record
	 * @param plan checks the input (adding user errors to the work, taking locks) and
	 * answers the writes to make, which run only when it found no error
	 */
	Outcome run(String operation, Map<String, Object> input, Function<Work, Runnable> plan) {
		// Locks are taken in the order each change needs them, so two changes can
		// deadlock; Neo4j then fails one of them with a transient error, rolls it back,
		// and it simply runs again from the start, checks and audit record included.
		try {
			return TransientRetry.run(operation, () -> attempt(operation, input, plan));
		}
		catch (DataIntegrityViolationException ex) {
			// Two changes created the same code at the same moment: the checks of both
			// passed, the uniqueness constraint stopped the second at commit. Nothing of
			// it was written.
			return Outcome.refused(List.of(new UserError(UserErrorCode.CONFLICT, List.of("input", "code"),
					"代码已被同时创建的另一条记录占用 / Another change took this code at the same moment")));
		}
	}

	private Outcome attempt(String operation, Map<String, Object> input, Function<Work, Runnable> plan) {
		return this.transactions.execute(status -> {
			Work work = new Work(operation, this.queries);
			Runnable writes = plan.apply(work);
			if (work.failed() || writes == null) {
				status.setRollbackOnly();
				return Outcome.refused(work.errors);
			}
			Set<String> existing = new LinkedHashSet<>(work.affected);
			Map<String, Object> before = this.queries.snapshot(existing);
			List<String> scopesBefore = this.queries.scopes(existing);
			writes.run();
			Set<String> affected = new LinkedHashSet<>(work.affected);
			affected.addAll(work.created);
			List<String> scopesAfter = this.queries.scopes(affected);
			Set<String> scopes = new LinkedHashSet<>(scopesBefore);
			scopes.addAll(scopesAfter);
			Set<String> checked = new LinkedHashSet<>(affected);
			checked.addAll(scopes);
			List<UserError> broken = new ArrayList<>();
			this.queries.invariants(checked).forEach(b -> {
				List<String> field = work.ruleFields.getOrDefault(b.rule(), Invariants.defaultField(b.rule()));
				broken.add(new UserError(UserErrorCode.VALIDATION, (field != null) ? field : work.field,
						Invariants.message(b)));
			});
			if (!broken.isEmpty()) {
				status.setRollbackOnly();
				return Outcome.refused(broken);
			}
			this.queries.finish(affected);
			Map<String, Object> after = this.queries.snapshot(affected);
			String id = work.changeId;
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("id", id);
			change.put("user", user());
			change.put("operation", operation);
			change.put("summary", work.summary);
			change.put("input", json.writeValueAsString(MutationQueries.plain((input != null) ? input : Map.of())));
			change.put("before", json.writeValueAsString(before));
			change.put("after", json.writeValueAsString(after));
			change.put("scopes", List.copyOf(new TreeSet<>(scopes)));
			this.queries.audit(change, affected);
			return new Outcome(api(work.result), id, List.of(), api(work.other));
		});
	}

	private Identified api(GlobalId id) {
		if (id == null) {
			return null;
		}
		Node node = this.queries.node(id);
		return (node != null) ? Nodes.toApi(node) : null;
	}

	/**
	 * The signed-in user's name, for the audit record; {@code system} for work nobody
	 * asked for over HTTP.
	 */
	static String user() {
		return Access.username();
	}

}
