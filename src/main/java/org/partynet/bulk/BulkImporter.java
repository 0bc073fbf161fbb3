package org.partynet.bulk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.partynet.bulk.ImportReader.Table;
import org.partynet.model.Fields;
import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a filled workbook (or CSV files, one per sheet): reads it as a stream
 * ({@link ImportReader}), maps its rows ({@link RowMapper}, cell by cell with the
 * {@link CellRules}), reads what the database holds of them ({@link ImportSnapshot}),
 * plans the writes ({@link ImportPlan}, which resolves the {@link References}), then
 * writes what differs ({@link ImportWriter}) in batches, each a transaction of its own
 * under an {@link ImportJournal}, which undoes them when anything fails (or at the next
 * start after a crash), so that an import is there completely or not at all without one
 * transaction holding a city in the heap. A dry run plans the same and writes nothing.
 * This service holds the transactions, the progress and the answer to a failure.
 */
@Service
public class BulkImporter {

	private static final Logger logger = LoggerFactory.getLogger(BulkImporter.class);

	/**
	 * Rows per write batch by default ({@code partynet.import.batch-size}); codes per
	 * look-up are 4 times as many.
	 */
	static final int BATCH = 5000;

	private final ImportQueries queries;

	private final ImportJournal journal;

	/**
	 * Whether the database is the embedded one, which no other process can be importing
	 * into.
	 */
	private final boolean embedded;

	private final TransactionTemplate reads;

	private final ImportWriter writer;

	private final ImportLimits limits;

	private final MeterRegistry meters;

	/**
	 * For tests only: fail (as a crash would) once this many write batches have
	 * committed; -1 never.
	 */
	private volatile int failAfterStatements = -1;

	public BulkImporter(ImportQueries queries, ImportJournal journal, PlatformTransactionManager transactionManager,
			ObjectProvider<EmbeddedNeo4jServer> embedded, ImportLimits limits,
			@Value("${partynet.import.batch-size:5000}") int batchSize, ObjectProvider<MeterRegistry> meters) {
		this.limits = limits;
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
		if (batchSize < 1) {
			throw new IllegalArgumentException("partynet.import.batch-size must be at least 1, not " + batchSize);
		}
		this.queries = queries;
		this.journal = journal;
		this.embedded = embedded.getIfAvailable() != null;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.writer = new ImportWriter(queries, journal, new TransactionTemplate(transactionManager), batchSize,
				() -> this.failAfterStatements);
	}

	/**
	 * Test hook: the next imports fail once this many write batches have committed (-1:
	 * never).
	 */
	void failAfterStatements(int statements) {
		this.failAfterStatements = statements;
	}

	/** A file to import: where it is and the name it had (which says what it is). */
	public record Source(Path path, String name) {
	}

	/** Imports one file (a workbook, a CSV file or a ZIP of CSV files). */
	public ImportResult importFile(Path file, String name, boolean dryRun, ImportProgress.Listener listener) {
		return importFiles(List.of(new Source(file, name)), dryRun, listener);
	}

	/**
	 * Imports several files together (CSV files, one per sheet), all or nothing.
	 * @throws ImportFailedException when it fails for a reason that is not the file's
	 * (out of memory, the database): whatever it wrote is undone first
	 */
	public ImportResult importFiles(List<Source> sources, boolean dryRun, ImportProgress.Listener listener) {
		Progress progress = new Progress(listener);
		// The journal of the writes once they began: what to undo when anything fails.
		// Held out here so that the import's own memory is garbage by the time a failure
		// is handled.
		String[] journal = new String[1];
		Timer.Sample sample = Timer.start(this.meters);
		ImportResult result = null;
		try {
			result = importFiles(sources, dryRun, progress, journal);
			return result;
		}
		catch (ImportFailedException ex) {
			throw ex;
		}
		catch (RuntimeException | VirtualMachineError ex) {
			throw failed(ex, dryRun, journal[0], progress);
		}
		finally {
			record(sample, result, dryRun);
		}
	}

	/**
	 * The import's duration, {@code partynet.import} (outcome ok when it was accepted,
	 * error when the file had errors or the import failed), and the rows it compared,
	 * {@code partynet.import.rows}.
	 */
	private void record(Timer.Sample sample, ImportResult result, boolean dryRun) {
		boolean ok = result != null && result.errors().isEmpty() && result.moreErrors() == 0;
		sample.stop(Timer.builder("partynet.import")
			.description("Imports, from upload to answer")
			.tag("outcome", ok ? "ok" : "error")
			.tag("dryRun", String.valueOf(dryRun))
			.register(this.meters));
		if (ok) {
			DistributionSummary.builder("partynet.import.rows")
				.description("Rows of an accepted import: created, updated, ended and unchanged")
				.baseUnit("rows")
				.tag("dryRun", String.valueOf(dryRun))
				.register(this.meters)
				.record(result.created() + result.updated() + result.ended() + result.unchanged());
		}
	}

	private ImportResult importFiles(List<Source> sources, boolean dryRun, Progress progress, String[] journal) {
		ImportErrors errors = new ImportErrors();
		List<Table> tables = new ArrayList<>();
		try {
			progress.phase("reading", 0);
			ImportLimits.Budget budget = new ImportLimits.Budget(this.limits);
			for (Source source : sources) {
				tables.addAll(ImportReader.read(source.path(), source.name(), budget, progress::add));
			}
		}
		catch (ImportException ex) {
			ex.errors().forEach(errors::add);
			return errors.failed(dryRun);
		}
		String name = sources.isEmpty() ? ""
				: sources.size() == 1 ? sources.get(0).name() : sources.get(0).name() + " …（" + sources.size() + "）";
		long rowCount = tables.stream().mapToLong(t -> Math.max(0, t.rows().size() - 1)).sum();
		progress.phase("checking", rowCount);
		ImportRows rows = RowMapper.map(tables, errors, progress::add);
		tables.clear();
		if (!errors.isEmpty()) {
			return errors.failed(dryRun);
		}
		// Reads only, in one read transaction; the writes come after, in transactions of
		// their own (as before, the comparison holds no locks, so a mutation meanwhile is
		// not seen).
		ImportPlan plan = this.reads.execute(status -> {
			progress.phase("resolving", rows.size());
			ImportSnapshot snapshot = ImportSnapshot.load(this.queries, rows);
			progress.phase("comparing", rows.size());
			return ImportPlan.of(rows, snapshot, Fields.today(), errors);
		});
		rows.forget();
		if (!errors.isEmpty()) {
			return errors.failed(dryRun);
		}
		String changeId = null;
		if (!dryRun && plan.changed() > 0) {
			progress.phase("writing", plan.writes());
			changeId = this.writer.write(plan, name, this.embedded, progress, journal);
		}
		ImportResult result = new ImportResult(plan.created, plan.updated, plan.ended, plan.unchanged, dryRun,
				List.of(), 0, List.copyOf(errors.warnings()), changeId);
		progress.phase("done", 0);
		logger.info("Import of {}{}: created {}, updated {}, ended {}, unchanged {}, errors {}", name,
				dryRun ? " (dry run)" : "", result.created(), result.updated(), result.ended(), result.unchanged(),
				result.errors().size() + result.moreErrors());
		return result;
	}

	/**
	 * The answer to a failure that is not the file's, once what was written is undone:
	 * 503 when memory or the database's transient state caused it (trying again may
	 * work), 500 otherwise.
	 */
	private ImportFailedException failed(Throwable ex, boolean dryRun, String journal, Progress progress) {
		String code = neo4jCode(ex);
		boolean memory = causedBy(ex, OutOfMemoryError.class) || (code != null && code.contains("OutOfMemory"));
		boolean transientError = code != null && code.startsWith("Neo.TransientError");
		String cause = (code != null) ? code : ex.getClass().getSimpleName();
		logger.error("Import failed ({}){}", cause, (journal != null) ? ": undoing journal " + journal : "", ex);
		String data;
		if (journal == null) {
			data = "未写入任何数据 / nothing was written";
		}
		else {
			try {
				progress.phase("undoing", 0);
				this.journal.undo(journal, "失败后撤销 / undone after a failure: " + cause);
				data = "已写入的部分已撤销，数据库与导入前相同 / what it had written is undone: the database is as it was before";
			}
			catch (RuntimeException | VirtualMachineError undo) {
				logger.error("Undo of import {} failed; it is undone at the next start", journal, undo);
				data = "撤销未能完成，服务下次启动时会自动撤销，在此之前可能看到部分导入的数据 / the undo did not finish: the service "
						+ "undoes it at its next start, and until then part of the import may show";
			}
		}
		progress.phase("done", 0);
		String[] parts = data.split(" / ", 2);
		if (memory) {
			return new ImportFailedException(503, dryRun, ("导入因内存不足而失败（%s），%s。请稍后再试；仍然失败时，请以更大的堆启动服务（如 -Xmx1g）"
					+ " / The import failed for lack of memory (%s): %s. Try again later; if it fails again, start the service "
					+ "with a larger heap (e.g. -Xmx1g).")
				.formatted(cause, parts[0], cause, parts[1]), ex);
		}
		if (transientError) {
			return new ImportFailedException(503, dryRun,
					"数据库暂时无法完成导入（%s），%s。请稍后再试 / The database could not complete the import for now (%s): %s. Try again later."
						.formatted(cause, parts[0], cause, parts[1]),
					ex);
		}
		return new ImportFailedException(500, dryRun, ("导入因内部错误而失败（%s），%s。请把这条消息和时间告诉管理员，日志中有详情"
				+ " / The import failed on an internal error (%s): %s. Tell the administrator this message and the time: the log "
				+ "holds the details.")
			.formatted(cause, parts[0], cause, parts[1]), ex);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The Neo4j status code of the failure ({@code Neo.TransientError...}), if Neo4j gave
	 * one.
	 */
	private static String neo4jCode(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.neo4j.driver.exceptions.Neo4jException neo4j && neo4j.code() != null) {
				return neo4j.code();
			}
		}
		return null;
	}

}
