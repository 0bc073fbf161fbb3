package org.partynet.bulk;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;

import org.springframework.stereotype.Component;

/**
 * The Cypher of the import journal (see {@link ImportJournal}): the journal node's
 * states, and the undo of each kind of journal entry, one batch ({@code _seq}) at a time.
 * Each method runs in the caller's transaction.
 */
@Component
class ImportJournalQueries {

	static final Statement BEGIN = statement("begin", """
			CREATE (:ImportJournal {id: $id, state: 'RUNNING', startedAt: datetime({timezone: 'UTC'}),
			                        heartbeatAt: datetime({timezone: 'UTC'}), user: $user, file: $file, batches: 0})
			""");

	/**
	 * In every batch's transaction: the journal is alive, and still running (nobody undid
	 * it meanwhile).
	 */
	static final Statement HEARTBEAT = statement("heartbeat", """
			MATCH (j:ImportJournal {id: $journal})
			WHERE j.state = 'RUNNING'
			SET j.heartbeatAt = datetime({timezone: 'UTC'}), j.batches = $seq
			RETURN count(j) AS running
			""");

	/**
	 * In the audit record's transaction: from here on the import is there, whatever
	 * happens next.
	 */
	static final Statement FINISH = statement("finish", """
			MATCH (j:ImportJournal {id: $journal})
			WHERE j.state = 'RUNNING'
			SET j.state = 'DONE', j.endedAt = datetime({timezone: 'UTC'}), j.changeId = $journal
			RETURN count(j) AS finished
			""");

	static final Statement UNDONE_STATE = statement("undone", """
			MATCH (j:ImportJournal {id: $journal})
			SET j.state = 'UNDONE', j.endedAt = datetime({timezone: 'UTC'}), j.reason = $reason
			""");

	static final Statement RUNNING_JOURNALS = statement("running", """
			MATCH (j:ImportJournal)
			WHERE j.state = 'RUNNING'
			RETURN j.id AS id, j.file AS file, j.user AS user,
			       j.heartbeatAt < datetime({timezone: 'UTC'}) - duration({seconds: $abandoned}) AS abandoned
			ORDER BY j.startedAt
			""");

	/**
	 * Journals that are over but whose entries were not all deleted (a crash during the
	 * clean-up).
	 */
	static final Statement FINISHED_WITH_ENTRIES = statement("finishedWithEntries", """
			MATCH (e:ImportJournalEntry)
			WITH DISTINCT e._journal AS journal
			OPTIONAL MATCH (j:ImportJournal {id: journal})
			WITH journal, j
			WHERE j IS NULL OR j.state <> 'RUNNING'
			RETURN journal
			""");

	static final Statement BATCHES = statement("batches", """
			MATCH (e:ImportJournalEntry {_journal: $journal})
			RETURN DISTINCT e._seq AS seq, e._kind AS kind
			ORDER BY seq DESC
			""");

	static final Statement UNDO_CREATED_RELATIONSHIPS = statement("undo.createdRelationships", """
			MATCH (e:ImportJournalEntry {_journal: $journal, _seq: $seq})
			UNWIND e._ids AS id
			MATCH ()-[r]->()
			WHERE elementId(r) = id
			DELETE r
			""");

	static final Statement UNDO_CREATED_NODES = statement("undo.createdNodes", """
			MATCH (e:ImportJournalEntry {_journal: $journal, _seq: $seq})
			UNWIND e._ids AS id
			MATCH (n)
			WHERE elementId(n) = id
			DETACH DELETE n
			""");

	static final Statement UNDO_NODES = statement("undo.node", """
			MATCH (e:ImportJournalEntry {_journal: $journal, _seq: $seq})
			MATCH (n)
			WHERE elementId(n) = e._id
			SET n = properties(e)
			REMOVE n._journal, n._seq, n._kind, n._id
			""");

	static final Statement UNDO_VERSIONS = statement("undo.version", """
			MATCH (e:ImportJournalEntry {_journal: $journal, _seq: $seq})
			MATCH (n)
			WHERE elementId(n) = e._id
			SET n.version = e.version
			""");

	static final Statement UNDO_RELATIONSHIPS = statement("undo.relationship", """
			MATCH (e:ImportJournalEntry {_journal: $journal, _seq: $seq})
			MATCH ()-[r]->()
			WHERE elementId(r) = e._id
			SET r = properties(e)
			REMOVE r._journal, r._seq, r._kind, r._id
			""");

	static final Statement DELETE_BATCH = statement("deleteBatch", """
			MATCH (e:ImportJournalEntry {_journal: $journal, _seq: $seq})
			DELETE e
			""");

	static final Statement FORGET_ENTRIES = statement("forget", """
			MATCH (e:ImportJournalEntry {_journal: $journal})
			WITH e LIMIT 10000
			DELETE e
			RETURN count(*) AS deleted
			""");

	private static final Map<String, Statement> UNDO = Map.of("createdRelationships", UNDO_CREATED_RELATIONSHIPS,
			"createdNodes", UNDO_CREATED_NODES, "node", UNDO_NODES, "version", UNDO_VERSIONS, "relationship",
			UNDO_RELATIONSHIPS);

	private final Graph graph;

	ImportJournalQueries(Graph graph) {
		this.graph = graph;
	}

	// The journal is the import's own bookkeeping: the organization department's or the
	// service's.
	private static Statement statement(String name, String cypher) {
		return Statement.write("import.journal." + name, cypher).passing("ImportJournal", "ImportJournalEntry");
	}

	private long count(Statement statement, Map<String, Object> parameters) {
		return this.graph.one(statement, parameters).map(row -> row.get(0).asLong(0)).orElse(0L);
	}

	void begin(String id, String user, String file) {
		this.graph.run(BEGIN, Graph.parameters("id", id, "user", user, "file", file));
	}

	/**
	 * Whether the journal is still running; if so, its heartbeat is now and it counts
	 * this batch.
	 */
	boolean heartbeat(String journal, int seq) {
		return count(HEARTBEAT, Graph.parameters("journal", journal, "seq", seq)) == 1;
	}

	/** Marks a running journal done; false when it is not running (any more). */
	boolean finish(String journal) {
		return count(FINISH, Graph.parameters("journal", journal)) == 1;
	}

	void undone(String journal, String reason) {
		this.graph.run(UNDONE_STATE, Graph.parameters("journal", journal, "reason", reason));
	}

	/**
	 * The running journals: id, file, user, and whether it has not been written to for
	 * this long.
	 */
	List<Map<String, Object>> running(long abandonedSeconds) {
		return this.graph.rows(RUNNING_JOURNALS, Graph.parameters("abandoned", abandonedSeconds))
			.stream()
			.map(Record::asMap)
			.toList();
	}

	List<String> finishedWithEntries() {
		return this.graph.rows(FINISHED_WITH_ENTRIES, Graph.parameters())
			.stream()
			.map(row -> row.get(0).asString())
			.toList();
	}

	/**
	 * The batches of a journal still to undo, newest first: {@code seq} and {@code kind}.
	 */
	List<Map<String, Object>> batches(String journal) {
		return this.graph.rows(BATCHES, Graph.parameters("journal", journal)).stream().map(Record::asMap).toList();
	}

	/** Undoes one batch and deletes its entries. */
	void undo(String journal, Number seq, String kind) {
		Map<String, Object> parameters = Graph.parameters("journal", journal, "seq", seq);
		this.graph.run(UNDO.get(kind), parameters);
		this.graph.run(DELETE_BATCH, parameters);
	}

	/** Deletes up to 10,000 entries of a journal; how many it deleted. */
	long forgetSome(String journal) {
		return count(FORGET_ENTRIES, Graph.parameters("journal", journal));
	}

}
