package org.partynet.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.partynet.security.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writer: runs a plan's writes, creates, then updates, then relationships, then
 * versions, in batches, each a transaction of its own under the import's
 * {@link ImportJournal}; then the audit record, which commits the import; then the
 * journal's entries go.
 */
final class ImportWriter {

	private static final Logger logger = LoggerFactory.getLogger(ImportWriter.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ImportQueries queries;

	private final ImportJournal journal;

	private final TransactionTemplate writes;

	private final int batchSize;

	/**
	 * For tests only: fail (as a crash would) once this many write batches have
	 * committed; -1 never.
	 */
	private final IntSupplier failAfterStatements;

	ImportWriter(ImportQueries queries, ImportJournal journal, TransactionTemplate writes, int batchSize,
			IntSupplier failAfterStatements) {
		this.queries = queries;
		this.journal = journal;
		this.writes = writes;
		this.batchSize = batchSize;
		this.failAfterStatements = failAfterStatements;
	}

	/**
	 * Writes a plan under a new journal, whose id goes to {@code journalOut} as soon as
	 * it begins (what to undo when anything fails) and is taken back once the import is
	 * committed.
	 * @param embedded whether the database is the embedded one, which no other process
	 * can be importing into
	 * @return the id of the import's audit record
	 */
	String write(ImportPlan plan, String name, boolean embedded, Progress progress, String[] journalOut) {
		if (!this.journal.recover(embedded).isEmpty()) {
			throw new ImportFailedException(409, false,
					"另一个导入正在进行（另一个服务实例），请稍后再试 / Another import is running (in another instance of the service): try again later",
					null);
		}
		String id = UUID.randomUUID().toString();
		this.journal.begin(id, Access.username(), name);
		journalOut[0] = id;
		Batches batches = new Batches(id, progress);
		plan.createNodes.forEach((label, rows) -> batches.run(rows, batch -> this.queries.createNodes(label, batch)));
		plan.updateNodes.forEach((family, rows) -> batches.run(rows, batch -> this.queries.updateNodes(family, batch)));
		batches.run(plan.updateRelationships, this.queries::updateRelationships);
		plan.createRelationships.forEach((ends, rows) -> batches.run(rows,
				batch -> this.queries.createRelationships(ends.fromFamily(), ends.type(), ends.toFamily(), batch)));
		plan.touched.forEach((family, codes) -> {
			List<Map<String, Object>> rows = codes.stream().map(code -> Map.<String, Object>of("code", code)).toList();
			batches.run(rows, batch -> this.queries.bumpVersions(family, batch));
		});
		Map<String, Object> change = change(plan, id, name);
		batches.check();
		this.writes.executeWithoutResult(status -> {
			this.journal.finish(id);
			this.queries.audit(change);
		});
		// Committed: from here on nothing undoes it. Its entries go now, or at the next
		// start.
		journalOut[0] = null;
		try {
			this.journal.forget(id);
		}
		catch (RuntimeException ex) {
			logger.warn("The entries of import journal {} stay until the next start", id, ex);
		}
		return id;
	}

	/** The audit record of an import: no AFFECTED links, the counts in its input. */
	private static Map<String, Object> change(ImportPlan plan, String id, String name) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("file", name);
		input.put("created", plan.created);
		input.put("updated", plan.updated);
		input.put("ended", plan.ended);
		input.put("unchanged", plan.unchanged);
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("id", id);
		change.put("user", Access.username());
		change.put("operation", "importNetwork");
		change.put("summary", "导入 %s：新增 %d，更新 %d，终止 %d".formatted(name, plan.created, plan.updated, plan.ended));
		change.put("input", json.writeValueAsString(input));
		change.put("before", "{}");
		change.put("after", "{}");
		change.put("scopes", List.copyOf(plan.scopes));
		return change;
	}

	/**
	 * The write batches of one import, numbered in the order they commit (the undo's is
	 * the reverse).
	 */
	private final class Batches {

		private final String journal;

		private final Progress progress;

		private int statements;

		Batches(String journal, Progress progress) {
			this.journal = journal;
			this.progress = progress;
		}

		void run(List<Map<String, Object>> rows, Consumer<ImportQueries.Batch> statement) {
			int size = ImportWriter.this.batchSize;
			for (int from = 0; from < rows.size(); from += size) {
				List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + size));
				check();
				int seq = ++this.statements;
				ImportWriter.this.writes.executeWithoutResult(status -> {
					ImportWriter.this.journal.heartbeat(this.journal, seq);
					statement.accept(new ImportQueries.Batch(this.journal, seq, batch));
				});
				this.progress.add(batch.size());
			}
		}

		/**
		 * The test hook: fails (as a crash would) once that many batches have committed.
		 */
		void check() {
			int failAfter = ImportWriter.this.failAfterStatements.getAsInt();
			if (failAfter >= 0 && this.statements >= failAfter) {
				throw new IllegalStateException("test: import fails after " + this.statements + " statements");
			}
		}

	}

}
