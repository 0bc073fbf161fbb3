package org.partynet.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.summary.ResultSummary;
import org.partynet.graphql.ForbiddenException;
import org.partynet.security.Access;
import org.partynet.security.Access.Reader;
import org.partynet.security.SecurityProperties;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to the database: every statement runs here, and what it returns reaches the
 * caller only as the signed-in account may read it ({@link Disclosure}). Confinement is
 * built into how statements run, not remembered per query, and fails closed: without a
 * signed-in account a statement runs only as the service's own work
 * ({@link Access#asService}); a secretary's statements return only what lies in their
 * {@link Reach}; writes and privileged reads are the organization department's.
 * Statements join the caller's transaction (Spring's), as {@link Neo4jClient} does.
 * <p>
 * Every transaction that writes the network passes the backup gate before its first
 * write: it locks the one {@code (:BackupGate)} node and holds the lock to its end. A
 * backup holds the same lock while it reads ({@link #closeGate()}), so that it sees no
 * write half done and no write commits while it reads; writes wait meanwhile.
 */
@Component
public class Graph {

	// MERGE under the gate's uniqueness constraint (V0008): created once, never twice.
	private static final String GATE = """
			MERGE (g:BackupGate {name: 'network'})
			SET g._lock = true
			REMOVE g._lock
			""";

	private final Neo4jClient neo4j;

	private final Reach reach;

	private final List<String> secretaryPosts;

	@Autowired
	public Graph(Neo4jClient neo4j, SecurityProperties security) {
		this(neo4j, security.secretaryPosts());
	}

	/**
	 * @param secretaryPosts the posts whose organizations a secretary's account reads
	 */
	public Graph(Neo4jClient neo4j, List<String> secretaryPosts) {
		this.neo4j = neo4j;
		this.secretaryPosts = List.copyOf(secretaryPosts);
		this.reach = new Reach(neo4j, this.secretaryPosts);
	}

	/** The posts whose organizations a secretary's account reads, as {@code $posts}. */
	public List<String> secretaryPosts() {
		return this.secretaryPosts;
	}

	/**
	 * Parameters from name-value pairs; values may be {@code null}, which {@link Map#of}
	 * refuses.
	 */
	public static Map<String, Object> parameters(Object... namesAndValues) {
		Map<String, Object> parameters = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return parameters;
	}

	/** Every row the reader may receive. */
	public List<Record> rows(Statement statement, Map<String, Object> parameters) {
		return query(statement, parameters).rows();
	}

	/** The first row the reader may receive, if any. */
	public Optional<Record> one(Statement statement, Map<String, Object> parameters) {
		return rows(statement, parameters).stream().findFirst();
	}

	/** The rows the reader may receive, and how many were withheld from them. */
	public Rows query(Statement statement, Map<String, Object> parameters) {
		Reader reader = admit(statement, parameters);
		passGate(statement);
		StatementCount.add();
		Collection<Record> all = this.neo4j.query(statement.cypher())
			.bindAll(parameters)
			.fetchAs(Record.class)
			.mappedBy((types, row) -> row)
			.all();
		if (statement.kind() == Statement.Kind.WRITE) {
			written();
		}
		if (!Disclosure.needed(reader, statement)) {
			return new Rows(List.copyOf(all), 0);
		}
		if (reader.viewer() && statement.kind() == Statement.Kind.PERSONAL) {
			return new Rows(List.of(), all.size());
		}
		Disclosure disclosure = new Disclosure(reader, reader.confined() ? reachOf(reader) : null, statement);
		List<Record> rows = new ArrayList<>(all.size());
		for (Record row : all) {
			Record disclosed = disclosure.row(row);
			if (disclosed != null) {
				rows.add(disclosed);
			}
		}
		return new Rows(rows, disclosure.withheld());
	}

	/** Runs a write (or a privileged statement) whose rows nobody needs. */
	public ResultSummary run(Statement statement, Map<String, Object> parameters) {
		admit(statement, parameters);
		if (!statement.kind().restrictedToOrgDept()) {
			throw new IllegalArgumentException(
					"Only writes and privileged reads run without rows: " + statement.name());
		}
		passGate(statement);
		StatementCount.add();
		ResultSummary summary = this.neo4j.query(statement.cypher()).bindAll(parameters).run();
		if (statement.kind() == Statement.Kind.WRITE) {
			written();
		}
		return summary;
	}

	/**
	 * Streams the rows of a privileged read (the export), never holding them all: only
	 * the organization department and the service run these, and nothing of them is
	 * filtered.
	 */
	public <T> T stream(Statement statement, Map<String, Object> parameters, Function<Stream<Record>, T> reader) {
		admit(statement, parameters);
		if (!statement.kind().restrictedToOrgDept()) {
			throw new IllegalArgumentException("Only privileged statements stream: " + statement.name());
		}
		StatementCount.add();
		return this.neo4j.delegateTo(runner -> {
			Result result = runner.run(statement.cypher(), parameters);
			return Optional.ofNullable(reader.apply(result.stream()));
		}).run().orElse(null);
	}

	/**
	 * Locks the backup gate for the current transaction, which must be a writing one, and
	 * holds it to the transaction's end: from now on no transaction writes the network
	 * until this one ends. The backup does this before it reads. Only the organization
	 * department and the service may.
	 */
	public void closeGate() {
		Reader reader = Access.reader();
		if (!reader.unrestricted()) {
			throw new AccessDeniedException("Only the organization department closes the backup gate");
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The backup gate is closed inside a transaction");
		}
		StatementCount.add();
		this.neo4j.query(GATE).run();
	}

	// Once per transaction, before its first write; a transaction of its own
	// (REQUIRES_NEW) has synchronizations of its own, so it passes for itself. Only
	// bookkeeping (leases, counters), which the backup leaves out, never waits.
	private void passGate(Statement statement) {
		if (statement.kind() != Statement.Kind.WRITE) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Statement " + statement.name() + " writes outside a transaction");
		}
		if (TransactionSynchronizationManager.getSynchronizations().contains(GatePassed.INSTANCE)) {
			return;
		}
		StatementCount.add();
		this.neo4j.query(GATE).run();
		TransactionSynchronizationManager.registerSynchronization(GatePassed.INSTANCE);
	}

	/** Marks a transaction that has passed the gate. */
	private static final class GatePassed implements TransactionSynchronization {

		static final GatePassed INSTANCE = new GatePassed();

	}

	private Reader admit(Statement statement, Map<String, Object> parameters) {
		Reader reader = Access.reader();
		if (reader.nobody()) {
			throw new AccessDeniedException("No signed-in account for statement " + statement.name());
		}
		if (statement.kind().restrictedToOrgDept() && !reader.unrestricted()) {
			throw new AccessDeniedException("Statement " + statement.name() + " is the organization department's");
		}
		if (statement.kind() == Statement.Kind.SCOPED && reader.confined()) {
			Object scope = parameters.get("scope");
			if (!(scope instanceof String code) || !reachOf(reader).places().contains(code)) {
				throw new ForbiddenException("scope", String.valueOf(scope));
			}
		}
		return reader;
	}

	private Reach.Of reachOf(Reader reader) {
		return this.reach.of(reader.person());
	}

	/**
	 * For a secretary, the codes of the organizations whose subtrees they read today
	 * (where their person holds a post), highest level first; {@code null} for every
	 * other reader.
	 */
	public List<String> roots() {
		Reader reader = Access.reader();
		return reader.confined() ? reachOf(reader).roots() : null;
	}

	// Every reach may change with a write: forget them now and again once it is committed
	// or rolled back, so that no reach read meanwhile outlives it.
	private void written() {
		this.reach.changed();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					Graph.this.reach.changed();
				}
			});
		}
	}

	/**
	 * What a statement returned to its reader.
	 *
	 * @param rows the rows the reader may receive
	 * @param withheld how many rows were withheld from them
	 */
	public record Rows(List<Record> rows, int withheld) {
	}

}
