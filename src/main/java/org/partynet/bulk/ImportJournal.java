package org.partynet.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal under which an import writes its batches, each in a transaction of its own,
 * so that no transaction holds a whole city in the service's heap and "all or nothing"
 * still holds.
 *
 * <p>
 * One {@code (:ImportJournal {id, state, startedAt, heartbeatAt, user, file, batches})}
 * per real import: {@code RUNNING} while it writes, then {@code DONE} (in the transaction
 * that writes its audit record, the import's commit point) or {@code UNDONE}. Each batch
 * writes, in its own transaction, {@code (:ImportJournalEntry {_journal, _seq, _kind,
 * ...})} nodes saying how to undo it: {@code createdNodes} and
 * {@code createdRelationships} list the element ids created; {@code node} and
 * {@code relationship} hold the whole property map of what the batch changed, as it was
 * before; {@code version} the version a bump replaced. Undo walks the batches newest
 * first, each batch's undo and the deletion of its entries in one transaction, so that an
 * undo cut short by a crash resumes where it stopped. A finished journal's entries are
 * deleted; the journal node stays as a record.
 */
@Component
class ImportJournal {

	private static final Logger logger = LoggerFactory.getLogger(ImportJournal.class);

	/**
	 * A running import whose journal has not been written to for this long is taken to be
	 * dead.
	 */
	static final Duration ABANDONED = Duration.ofMinutes(2);

	private final ImportJournalQueries queries;

	private final TransactionTemplate transactions;

	ImportJournal(ImportJournalQueries queries, PlatformTransactionManager transactionManager) {
		this.queries = queries;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Undoes what dead imports left (a crash or a kill in the middle), so that a new
	 * import or the service's readers see the graph as it was before them.
	 * @param all whether every running journal is dead (no other process can be
	 * importing: the embedded store is locked by this one), or only those not written to
	 * for {@link #ABANDONED}
	 * @return the ids of the journals still running (in another process)
	 */
	List<String> recover(boolean all) {
		List<String> alive = new ArrayList<>();
		for (Map<String, Object> journal : this.transactions
			.execute(s -> this.queries.running(ABANDONED.toSeconds()))) {
			String id = (String) journal.get("id");
			if (!all && !Boolean.TRUE.equals(journal.get("abandoned"))) {
				alive.add(id);
				continue;
			}
			logger.warn("Undoing the import {} of {} by {}, cut short by a crash", id, journal.get("file"),
					journal.get("user"));
			undo(id, "中断（服务崩溃或被终止），启动时撤销 / cut short (the service crashed or was killed), undone at start");
		}
		for (String journal : this.transactions.execute(s -> this.queries.finishedWithEntries())) {
			forget(journal);
		}
		return alive;
	}

	/** Starts a journal; nothing written under it yet. */
	void begin(String id, String user, String file) {
		this.transactions.executeWithoutResult(status -> this.queries.begin(id, user, file));
	}

	/**
	 * Inside a batch's transaction: fails unless the journal is still running, so that a
	 * batch never lands after its import was undone.
	 */
	void heartbeat(String journal, int seq) {
		if (!this.queries.heartbeat(journal, seq)) {
			throw new IllegalStateException("The import journal " + journal + " is no longer running");
		}
	}

	/** Inside the audit record's transaction: the import is complete. */
	void finish(String journal) {
		if (!this.queries.finish(journal)) {
			throw new IllegalStateException("The import journal " + journal + " is no longer running");
		}
	}

	/**
	 * Deletes the entries of a finished journal, in bounded transactions; the journal
	 * node stays.
	 */
	void forget(String journal) {
		while (this.transactions.execute(status -> this.queries.forgetSome(journal)) > 0) {
			// the next ten thousand
		}
	}

	/**
	 * Undoes every batch of a journal, newest first, one transaction per batch (its undo
	 * with the deletion of its entries), and marks it {@code UNDONE}.
	 * @return the number of batches undone
	 */
	int undo(String journal, String reason) {
		long begin = System.nanoTime();
		List<Map<String, Object>> batches = this.transactions.execute(status -> this.queries.batches(journal));
		for (Map<String, Object> batch : batches) {
			this.transactions.executeWithoutResult(
					status -> this.queries.undo(journal, (Number) batch.get("seq"), (String) batch.get("kind")));
		}
		this.transactions.executeWithoutResult(status -> this.queries.undone(journal, reason));
		logger.info("Import {} undone: {} batches in {} ms", journal, batches.size(),
				(System.nanoTime() - begin) / 1_000_000);
		return batches.size();
	}

}
