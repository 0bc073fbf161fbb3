package org.partynet.bulk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.partynet.bulk.Format.Column;
import org.partynet.bulk.Format.Sheet;
import org.partynet.bulk.ImportQueries.Existing;
import org.partynet.bulk.ImportQueries.ExistingRelationship;
import org.partynet.bulk.ImportReader.Row;
import org.partynet.bulk.ImportReader.Table;
import org.partynet.graphql.GlobalId;
import org.partynet.model.AreaKind;
import org.partynet.model.Fields;
import org.partynet.model.NodeLabel;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RelationshipKind;
import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.partynet.security.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a filled workbook (or CSV files, one per sheet): reads it as a stream, checks every row
 * before anything is written, compares it with the database, then writes what differs in batches,
 * each a transaction of its own under an {@link ImportJournal}, which undoes them when anything
 * fails (or at the next start after a crash), so that an import is there completely or not at all
 * without one transaction holding a city in the heap. A dry run runs the same comparison and
 * writes nothing.
 *
 * <p>Rows are upserted: nodes by {@code code} within their label family (Area, PartyOrganization,
 * Alliance, Unit, Person); relationships by their two ends, type and role, plus {@code since}.
 * Nothing is deleted, rows absent from the file are left alone, and an empty optional cell leaves
 * the value as it is.
 */
@Service
public class BulkImporter {

	private static final Logger logger = LoggerFactory.getLogger(BulkImporter.class);

	static final int MAX_ERRORS = 1000;

	/** Rows per write batch by default ({@code partynet.import.batch-size}); codes per look-up are 4 times as many. */
	static final int BATCH = 5000;

	static final int MAX_TEXT = Fields.MAX_NAME;

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Each data sheet's node labels by kind, for the sheets that hold nodes. */
	private static final Map<String, String> SHEET_LABEL = Map.of("districts", "District", "streets", "Street",
			"communities", "Community", "grids", "Grid", "buildings", "Building", "units", "Unit", "people", "Person");

	/** The labels a reference to a sheet's rows may name. */
	private static final Map<String, Set<String>> SHEET_LABELS = Map.of("districts", Set.of("District"), "streets",
			Set.of("Street"), "communities", Set.of("Community"), "grids", Set.of("Grid"), "buildings", Set.of("Building"),
			"sites", labels(OrganizationKind.ALLIANCE_AREAS.stream().map(AreaKind::label)), "organizations",
			labels(Stream.concat(OrganizationKind.LABELS.stream(), Stream.of("Alliance"))), "units", Set.of("Unit"),
			"people", Set.of("Person"));

	private static final List<String> FAMILIES = List.of("Area", "PartyOrganization", "Alliance", "Unit", "Person");

	/** Each kind of link: from labels, relationship type, to labels. */
	private record LinkKind(Set<String> from, String type, Set<String> to) {
	}

	/** The model's link kinds, and party memberships beside them (a person's MEMBER_OF an organization). */
	private static final Map<String, LinkKind> LINKS = links();

	private static Map<String, LinkKind> links() {
		Map<String, LinkKind> links = new LinkedHashMap<>();
		links.put("MEMBER_OF", new LinkKind(Set.of("Person"), "MEMBER_OF", OrganizationKind.LABELS));
		for (RelationshipKind kind : RelationshipKind.values()) {
			links.put(kind.name(), new LinkKind(kind.from(), kind.type(), kind.to()));
		}
		return Map.copyOf(links);
	}

	private static Set<String> labels(Stream<String> labels) {
		return labels.collect(Collectors.toUnmodifiableSet());
	}

	/** The parent of an organization's kind (an alliance's too); {@code null} at the top. */
	private static String organizationParent(String label) {
		if (label.equals("Alliance")) {
			return OrganizationKind.ALLIANCE_PARENT.label();
		}
		OrganizationKind parent = OrganizationKind.ofLabel(label).parent();
		return (parent != null) ? parent.label() : null;
	}

	/** The area labels an organization (or an alliance) of this label may cover by this relationship. */
	private static Set<String> coverage(String type, String label) {
		if (label.equals("Alliance")) {
			return type.equals("COVERS") ? SHEET_LABELS.get("sites") : null;
		}
		OrganizationKind kind = OrganizationKind.ofLabel(label);
		return (kind != null && kind.areaRelationship().equals(type)) ? Set.of(kind.area().label()) : null;
	}

	private final ImportQueries queries;

	private final ImportJournal journal;

	/** Whether the database is the embedded one, which no other process can be importing into. */
	private final boolean embedded;

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	/** Rows per write batch, each a transaction of its own. */
	private final int batchSize;

	private final ImportLimits limits;

	/** For tests only: fail (as a crash would) once this many write batches have committed; -1 never. */
	private volatile int failAfterStatements = -1;

	public BulkImporter(ImportQueries queries, ImportJournal journal, PlatformTransactionManager transactionManager,
			ObjectProvider<EmbeddedNeo4jServer> embedded, ImportLimits limits,
			@Value("${partynet.import.batch-size:5000}") int batchSize) {
		this.limits = limits;
		if (batchSize < 1) {
			throw new IllegalArgumentException("partynet.import.batch-size must be at least 1, not " + batchSize);
		}
		this.batchSize = batchSize;
		this.queries = queries;
		this.journal = journal;
		this.embedded = embedded.getIfAvailable() != null;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.writes = new TransactionTemplate(transactionManager);
	}

	/** Test hook: the next imports fail once this many write batches have committed (-1: never). */
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
	 * @throws ImportFailedException when it fails for a reason that is not the file's (out of
	 * memory, the database): whatever it wrote is undone first
	 */
	public ImportResult importFiles(List<Source> sources, boolean dryRun, ImportProgress.Listener listener) {
		Progress progress = new Progress(listener);
		// The journal of the writes once they began: what to undo when anything fails. Held out here
		// so that the import's own memory is garbage by the time a failure is handled.
		String[] journal = new String[1];
		try {
			return importFiles(sources, dryRun, progress, journal);
		}
		catch (ImportFailedException ex) {
			throw ex;
		}
		catch (RuntimeException | VirtualMachineError ex) {
			throw failed(ex, dryRun, journal[0], progress);
		}
	}

	private ImportResult importFiles(List<Source> sources, boolean dryRun, Progress progress, String[] journal) {
		Run run = new Run(dryRun);
		List<Table> tables = new ArrayList<>();
		try {
			progress.phase("reading", 0);
			ImportLimits.Budget budget = new ImportLimits.Budget(this.limits);
			for (Source source : sources) {
				tables.addAll(ImportReader.read(source.path(), source.name(), budget, progress::add));
			}
		}
		catch (ImportException ex) {
			ex.errors().forEach(run::error);
			return run.failed();
		}
		String name = sources.isEmpty() ? "" : sources.size() == 1 ? sources.get(0).name()
				: sources.get(0).name() + " …（" + sources.size() + "）";
		long rows = tables.stream().mapToLong(t -> Math.max(0, t.rows().size() - 1)).sum();
		progress.phase("checking", rows);
		run.parse(tables, progress);
		tables.clear();
		if (!run.errors.isEmpty()) {
			return run.failed();
		}
		// Reads only, in one read transaction; the writes come after, in transactions of their own
		// (as before, the comparison holds no locks, so a mutation meanwhile is not seen).
		this.reads.executeWithoutResult(status -> {
			run.resolve(progress);
			if (run.errors.isEmpty()) {
				run.compare();
			}
		});
		if (!run.errors.isEmpty()) {
			return run.failed();
		}
		String changeId = null;
		if (!dryRun && run.changed() > 0) {
			run.forgetRows();
			progress.phase("writing", run.writes());
			changeId = write(run, name, progress, journal);
		}
		ImportResult result = new ImportResult(run.created, run.updated, run.ended, run.unchanged, dryRun, List.of(), 0,
				List.copyOf(run.warnings), changeId);
		progress.phase("done", 0);
		logger.info("Import of {}{}: created {}, updated {}, ended {}, unchanged {}, errors {}", name,
				dryRun ? " (dry run)" : "", result.created(), result.updated(), result.ended(), result.unchanged(),
				result.errors().size() + result.moreErrors());
		return result;
	}

	/**
	 * The answer to a failure that is not the file's, once what was written is undone: 503 when
	 * memory or the database's transient state caused it (trying again may work), 500 otherwise.
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
					+ "with a larger heap (e.g. -Xmx1g).").formatted(cause, parts[0], cause, parts[1]), ex);
		}
		if (transientError) {
			return new ImportFailedException(503, dryRun, "数据库暂时无法完成导入（%s），%s。请稍后再试 / The database could not complete the import for now (%s): %s. Try again later."
				.formatted(cause, parts[0], cause, parts[1]), ex);
		}
		return new ImportFailedException(500, dryRun, ("导入因内部错误而失败（%s），%s。请把这条消息和时间告诉管理员，日志中有详情"
				+ " / The import failed on an internal error (%s): %s. Tell the administrator this message and the time: the log "
				+ "holds the details.").formatted(cause, parts[0], cause, parts[1]), ex);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** The Neo4j status code of the failure ({@code Neo.TransientError...}), if Neo4j gave one. */
	private static String neo4jCode(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.neo4j.driver.exceptions.Neo4jException neo4j && neo4j.code() != null) {
				return neo4j.code();
			}
		}
		return null;
	}

	// ------------------------------------------------------------------------------------------
	// Writing: creates, then updates, then relationships, then versions, each batch in a
	// transaction of its own under the import's journal; then the audit record, which commits the
	// import; then the journal's entries go.

	private String write(Run run, String name, Progress progress, String[] journalOut) {
		if (!this.journal.recover(this.embedded).isEmpty()) {
			throw new ImportFailedException(409, false,
					"另一个导入正在进行（另一个服务实例），请稍后再试 / Another import is running (in another instance of the service): try again later",
					null);
		}
		String id = UUID.randomUUID().toString();
		this.journal.begin(id, Access.username(), name);
		journalOut[0] = id;
		Writer writer = new Writer(id, progress);
		run.createNodes.forEach((labels, rows) -> writer.batches(rows, batch -> this.queries.createNodes(labels, batch)));
		run.updateNodes.forEach((family, rows) -> writer.batches(rows, batch -> this.queries.updateNodes(family, batch)));
		writer.batches(run.updateRelationships, this.queries::updateRelationships);
		run.createRelationships.forEach((key, rows) -> {
			String[] parts = key.split("\\|");
			writer.batches(rows, batch -> this.queries.createRelationships(parts[0], parts[1], parts[2], batch));
		});
		run.touched.forEach((family, codes) -> {
			List<Map<String, Object>> rows = codes.stream().map(code -> Map.<String, Object>of("code", code)).toList();
			writer.batches(rows, batch -> this.queries.bumpVersions(family, batch));
		});
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("file", name);
		input.put("created", run.created);
		input.put("updated", run.updated);
		input.put("ended", run.ended);
		input.put("unchanged", run.unchanged);
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("id", id);
		change.put("user", Access.username());
		change.put("operation", "importNetwork");
		change.put("summary", "导入 %s：新增 %d，更新 %d，终止 %d".formatted(name, run.created, run.updated, run.ended));
		change.put("input", json.writeValueAsString(input));
		change.put("before", "{}");
		change.put("after", "{}");
		change.put("scopes", List.copyOf(run.scopes));
		writer.check();
		this.writes.executeWithoutResult(status -> {
			this.journal.finish(id);
			this.queries.audit(change);
		});
		// Committed: from here on nothing undoes it. Its entries go now, or at the next start.
		journalOut[0] = null;
		try {
			this.journal.forget(id);
		}
		catch (RuntimeException ex) {
			logger.warn("The entries of import journal {} stay until the next start", id, ex);
		}
		return id;
	}

	private final class Writer {

		private final String journal;

		private final Progress progress;

		private int statements;

		Writer(String journal, Progress progress) {
			this.journal = journal;
			this.progress = progress;
		}

		void batches(List<Map<String, Object>> rows, java.util.function.Consumer<ImportQueries.Batch> statement) {
			int size = BulkImporter.this.batchSize;
			for (int from = 0; from < rows.size(); from += size) {
				List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + size));
				check();
				int seq = ++this.statements;
				BulkImporter.this.writes.executeWithoutResult(status -> {
					BulkImporter.this.journal.heartbeat(this.journal, seq);
					statement.accept(new ImportQueries.Batch(this.journal, seq, batch));
				});
				this.progress.add(batch.size());
			}
		}

		/** The test hook: fails (as a crash would) once that many batches have committed. */
		void check() {
			int failAfter = BulkImporter.this.failAfterStatements;
			if (failAfter >= 0 && this.statements >= failAfter) {
				throw new IllegalStateException("test: import fails after " + this.statements + " statements");
			}
		}

	}

	// ------------------------------------------------------------------------------------------
	// One import: its rows, what they name, and what it will write.

	/** A node row: the node's family, label, properties, and its parent (HAS or LEADS). */
	private record NodeRow(Sheet sheet, int row, String code, String family, String label, Map<String, Object> props,
			String parent, String parentColumn, Set<String> parentLabels, LocalDate since) {
	}

	/** A relationship row. */
	private static final class RelRow {

		Sheet sheet;

		int row;

		String fromCode;

		String fromColumn;

		Set<String> fromLabels;

		String fromFamily;

		String type;

		String toCode;

		String toColumn;

		Set<String> toLabels;

		String toFamily;

		String toLabel;

		String fromLabel;

		String role;

		String kind;

		final Map<String, Object> values = new LinkedHashMap<>();

		LocalDate since;

		LocalDate until;

		String identity() {
			return this.fromFamily + ":" + this.fromCode + "|" + this.type + "|" + this.toFamily + ":" + this.toCode + "|"
					+ this.role;
		}

	}

	private final class Run {

		final boolean dryRun;

		final List<ImportError> errors = new ArrayList<>();

		int moreErrors;

		final List<String> warnings = new ArrayList<>();

		final List<NodeRow> nodeRows = new ArrayList<>();

		final List<RelRow> relRows = new ArrayList<>();

		/** Codes of the file's nodes: family → code → label. */
		final Map<String, Map<String, String>> fileNodes = new HashMap<>();

		/** Nodes in the database: family → code → node. */
		final Map<String, Map<String, Existing>> dbNodes = new HashMap<>();

		final LocalDate today = Fields.today();

		int created;

		int updated;

		int ended;

		int unchanged;

		final Map<List<String>, List<Map<String, Object>>> createNodes = new LinkedHashMap<>();

		final Map<String, List<Map<String, Object>>> updateNodes = new LinkedHashMap<>();

		final List<Map<String, Object>> updateRelationships = new ArrayList<>();

		final Map<String, List<Map<String, Object>>> createRelationships = new LinkedHashMap<>();

		final Map<String, Set<String>> touched = new LinkedHashMap<>();

		final Set<String> scopes = new java.util.TreeSet<>();

		Run(boolean dryRun) {
			this.dryRun = dryRun;
		}

		void error(ImportError error) {
			if (this.errors.size() < MAX_ERRORS) {
				this.errors.add(error);
			}
			else {
				this.moreErrors++;
			}
		}

		void error(Sheet sheet, int row, String column, String message) {
			error(new ImportError(sheet.title(), row, column, message));
		}

		ImportResult failed() {
			return ImportResult.failed(this.dryRun, this.errors, this.moreErrors, this.warnings);
		}

		int changed() {
			return this.created + this.updated + this.ended;
		}

		/** Once compared, only the writes are needed: the rows and what they named can go. */
		void forgetRows() {
			this.nodeRows.clear();
			this.relRows.clear();
			this.fileNodes.clear();
			this.dbNodes.clear();
		}

		long writes() {
			long writes = this.updateRelationships.size();
			for (List<Map<String, Object>> rows : this.createNodes.values()) {
				writes += rows.size();
			}
			for (List<Map<String, Object>> rows : this.updateNodes.values()) {
				writes += rows.size();
			}
			for (List<Map<String, Object>> rows : this.createRelationships.values()) {
				writes += rows.size();
			}
			for (Set<String> codes : this.touched.values()) {
				writes += codes.size();
			}
			return writes;
		}

		// -- 1. headers and cells ----------------------------------------------------------------

		void parse(List<Table> tables, Progress progress) {
			Map<String, Table> bySheet = new LinkedHashMap<>();
			for (Table table : tables) {
				Sheet sheet = sheetNamed(table.name());
				if (sheet == null) {
					this.warnings.add(ImportReader.INSTRUCTIONS.equals(table.name())
							? "已忽略说明工作表 / The instructions sheet was ignored: " + table.name()
							: "已忽略未知的工作表或文件 / Unknown sheet or file ignored: " + table.name());
					continue;
				}
				if (bySheet.containsKey(sheet.key())) {
					error(sheet, 0, "", "工作表重复：%s / The sheet is given twice: %s".formatted(table.name(), table.name()));
					continue;
				}
				bySheet.put(sheet.key(), table);
			}
			if (bySheet.isEmpty() && this.errors.isEmpty()) {
				this.errors.add(ImportError.file("文件中没有可导入的工作表 / The file holds no sheet to import (expected sheets: "
						+ String.join(", ", Format.SHEETS.stream().map(Sheet::title).toList()) + ")"));
				return;
			}
			// in the format's order, so that references to earlier sheets are known
			for (Sheet sheet : Format.SHEETS) {
				Table table = bySheet.get(sheet.key());
				if (table != null) {
					parse(sheet, table, progress);
				}
			}
		}

		private Sheet sheetNamed(String name) {
			String trimmed = name.strip();
			for (Sheet sheet : Format.SHEETS) {
				if (sheet.title().equalsIgnoreCase(trimmed) || sheet.key().equalsIgnoreCase(trimmed)) {
					return sheet;
				}
			}
			return null;
		}

		private void parse(Sheet sheet, Table table, Progress progress) {
			if (table.rows().isEmpty()) {
				this.warnings.add("工作表为空 / The sheet is empty: " + sheet.title());
				return;
			}
			Row header = table.rows().get(0);
			Column[] columns = new Column[header.cells().length];
			Set<String> seen = new HashSet<>();
			boolean bad = false;
			for (int i = 0; i < header.cells().length; i++) {
				String text = header.cell(i);
				if (text == null) {
					continue;
				}
				Column column = columnNamed(sheet, text);
				if (column == null) {
					error(sheet, header.number(), text, "未知的列“%s”，应为：%s / Unknown column '%s'; expected: %s".formatted(text,
							headers(sheet), text, headers(sheet)));
					bad = true;
				}
				else if (!seen.add(column.key())) {
					error(sheet, header.number(), text, "列重复：%s / The column is given twice: %s".formatted(text, text));
					bad = true;
				}
				else {
					columns[i] = column;
				}
			}
			for (Column column : sheet.columns()) {
				if (column.required() && !seen.contains(column.key())) {
					error(sheet, header.number(), column.header(), "缺少必填列“%s” / The required column '%s' is missing"
						.formatted(column.header(), column.header()));
					bad = true;
				}
			}
			if (bad) {
				return;
			}
			Set<String> codes = new HashSet<>();
			for (int r = 1; r < table.rows().size(); r++) {
				Row row = table.rows().get(r);
				Map<String, Object> values = new HashMap<>();
				boolean rowOk = true;
				for (int i = 0; i < columns.length; i++) {
					if (columns[i] != null) {
						String text = row.cell(i);
						if (text == null) {
							continue;
						}
						Object value = value(sheet, row.number(), columns[i], text);
						if (value == null) {
							rowOk = false;
						}
						else {
							values.put(columns[i].key(), value);
						}
					}
				}
				for (Column column : sheet.columns()) {
					if (column.required() && !values.containsKey(column.key()) && row.cell(indexOf(columns, column)) == null) {
						error(sheet, row.number(), column.header(),
								"必填 / Required: %s".formatted(column.header()));
						rowOk = false;
					}
				}
				if (values.get("since") instanceof LocalDate since && values.get("until") instanceof LocalDate until
						&& until.isBefore(since)) {
					error(sheet, row.number(), sheet.column("until").header(),
							"终止日期 %s 早于起始日期 %s / Until %s is before since %s".formatted(until, since, until, since));
					rowOk = false;
				}
				if (values.get("code") instanceof String code && !codes.add(code)) {
					error(sheet, row.number(), sheet.column("code").header(),
							"代码重复：%s / Duplicate code %s".formatted(code, code));
					rowOk = false;
				}
				if (rowOk) {
					row(sheet, row.number(), values);
				}
				progress.add(1);
			}
		}

		private static int indexOf(Column[] columns, Column column) {
			for (int i = 0; i < columns.length; i++) {
				if (columns[i] == column) {
					return i;
				}
			}
			return Integer.MAX_VALUE;
		}

		private static Column columnNamed(Sheet sheet, String text) {
			String trimmed = text.strip();
			for (Column column : sheet.columns()) {
				if (column.header().equalsIgnoreCase(trimmed) || column.key().equalsIgnoreCase(trimmed)) {
					return column;
				}
			}
			return null;
		}

		private static String headers(Sheet sheet) {
			return String.join(", ", sheet.columns().stream().map(Column::header).toList());
		}

		/** A cell's value by its column's type: the text, a day or a choice's stored value; {@code null} (and an error) when wrong. */
		private Object value(Sheet sheet, int row, Column column, String text) {
			switch (column.type()) {
				case CODE, REFERENCE:
					if (!GlobalId.isWellFormedCode(text)) {
						error(sheet, row, column.header(), "代码“%s”格式不正确：只能包含字母、数字、“-”“_”“.”，最长 64 个字符 / Code '%s' must be 1 to 64 letters, digits, '-', '_' or '.'"
							.formatted(text, text));
						return null;
					}
					return text;
				case TEXT:
					if (text.length() > MAX_TEXT) {
						error(sheet, row, column.header(), "最长 %d 个字符，实为 %d / At most %d characters, was %d".formatted(MAX_TEXT,
								text.length(), MAX_TEXT, text.length()));
						return null;
					}
					return text;
				case DATE:
					try {
						if (Fields.looksLikeDay(text)) {
							return LocalDate.parse(text);
						}
					}
					catch (DateTimeParseException ex) {
						// below
					}
					error(sheet, row, column.header(),
							"日期“%s”不正确，应为 yyyy-MM-dd / Date '%s' is not a day yyyy-MM-dd".formatted(text, text));
					return null;
				case CHOICE:
					for (Map.Entry<String, String> choice : column.values().entrySet()) {
						if (choice.getKey().equals(text) || choice.getValue().equalsIgnoreCase(text)) {
							return choice.getValue();
						}
					}
					error(sheet, row, column.header(), "“%s”不是可选值：%s / '%s' is not one of %s".formatted(text,
							String.join("、", column.values().keySet()), text, String.join(", ", column.values().values())));
					return null;
				case PHONE:
					if (!Fields.isPhone(text)) {
						error(sheet, row, column.header(), "电话号码“%s”格式不正确 / Phone number '%s' must be 3 to 20 digits, spaces, '+' or '-'"
							.formatted(text, text));
						return null;
					}
					return text;
				case ID_NUMBER:
					if (!Fields.isIdNumber(text)) {
						error(sheet, row, column.header(), "身份证号“%s”应为 17 位数字加一位数字或 X / ID number '%s' must be 17 digits and a digit or X"
							.formatted(text, text));
						return null;
					}
					return text;
				default:
					return text;
			}
		}

		// -- 2. rows into nodes and relationships -----------------------------------------------------

		private void row(Sheet sheet, int row, Map<String, Object> values) {
			String key = sheet.key();
			String code = (String) values.get("code");
			switch (key) {
				case "districts", "streets", "communities", "grids", "buildings", "sites" -> {
					String label = key.equals("sites") ? (String) values.get("kind") : SHEET_LABEL.get(key);
					String parentColumn = switch (key) {
						case "streets" -> "district";
						case "communities" -> "street";
						case "grids" -> "community";
						case "buildings", "sites" -> "grid";
						default -> null;
					};
					Map<String, Object> props = new LinkedHashMap<>();
					props.put("name", values.get("name"));
					node(new NodeRow(sheet, row, code, "Area", label, props,
							(parentColumn != null) ? (String) values.get(parentColumn) : null, parentColumn,
							(parentColumn != null) ? SHEET_LABELS.get(sheet.column(parentColumn).refers().get(0)) : Set.of(),
							(LocalDate) values.get("since")));
				}
				case "organizations" -> {
					String label = (String) values.get("kind");
					Map<String, Object> props = new LinkedHashMap<>();
					props.put("name", values.get("name"));
					putIfGiven(props, "electedOn", values);
					String parentLabel = organizationParent(label);
					String parent = (String) values.get("parent");
					if (parentLabel == null && parent != null) {
						error(sheet, row, sheet.column("parent").header(),
								"街道党工委没有上级组织 / A street working committee has no parent organization");
						return;
					}
					if (parentLabel != null && parent == null) {
						error(sheet, row, sheet.column("parent").header(), "必填 / Required: " + sheet.column("parent").header());
						return;
					}
					node(new NodeRow(sheet, row, code, label.equals("Alliance") ? "Alliance" : "PartyOrganization", label,
							props, parent, "parent", (parentLabel != null) ? Set.of(parentLabel) : Set.of(),
							(LocalDate) values.get("since")));
				}
				case "units" -> {
					Map<String, Object> props = new LinkedHashMap<>();
					props.put("name", values.get("name"));
					props.put("category", values.get("category"));
					node(new NodeRow(sheet, row, code, "Unit", "Unit", props, null, null, Set.of(), null));
				}
				case "people" -> {
					Map<String, Object> props = new LinkedHashMap<>();
					props.put("name", values.get("name"));
					putIfGiven(props, "gender", values);
					putIfGiven(props, "phone", values);
					putIfGiven(props, "idNumber", values);
					node(new NodeRow(sheet, row, code, "Person", "Person", props, null, null, Set.of(), null));
				}
				case "roles" -> {
					RelRow rel = rel(sheet, row, values, "person", Set.of("Person"), "HOLDS", "organization",
							SHEET_LABELS.get("organizations"));
					rel.role = (String) values.get("role");
					putIfGiven(rel.values, "title", values);
					this.relRows.add(rel);
				}
				case "coverage" -> {
					RelRow rel = rel(sheet, row, values, "organization", SHEET_LABELS.get("organizations"),
							(String) values.get("relation"), "area",
							Set.of("District", "Street", "Community", "Grid", "Building", "CommercialBuilding", "Market"));
					this.relRows.add(rel);
				}
				case "links" -> {
					String kind = (String) values.get("kind");
					LinkKind link = LINKS.get(kind);
					RelRow rel = rel(sheet, row, values, "from", link.from(), link.type(), "to", link.to());
					rel.kind = kind;
					putIfGiven(rel.values, "title", values);
					if (kind.equals("MEMBER_OF")) {
						putIfGiven(rel.values, "status", values);
					}
					else if (values.containsKey("status")) {
						error(sheet, row, sheet.column("status").header(),
								"只有党员关系有党籍 / Only a party membership has a status");
						return;
					}
					this.relRows.add(rel);
				}
				default -> {
				}
			}
		}

		private static void putIfGiven(Map<String, Object> props, String key, Map<String, Object> values) {
			if (values.get(key) != null) {
				props.put(key, values.get(key));
			}
		}

		private RelRow rel(Sheet sheet, int row, Map<String, Object> values, String fromColumn, Set<String> fromLabels,
				String type, String toColumn, Set<String> toLabels) {
			RelRow rel = new RelRow();
			rel.sheet = sheet;
			rel.row = row;
			rel.fromCode = (String) values.get(fromColumn);
			rel.fromColumn = fromColumn;
			rel.fromLabels = fromLabels;
			rel.type = type;
			rel.toCode = (String) values.get(toColumn);
			rel.toColumn = toColumn;
			rel.toLabels = toLabels;
			rel.since = (LocalDate) values.get("since");
			rel.until = (LocalDate) values.get("until");
			return rel;
		}

		private void node(NodeRow node) {
			String other = this.fileNodes.computeIfAbsent(node.family(), f -> new HashMap<>()).putIfAbsent(node.code(), node.label());
			if (other != null) {
				error(node.sheet(), node.row(), node.sheet().column("code").header(),
						"代码 %s 已在文件中用于另一行 / Code %s is already used by another row of the file".formatted(node.code(),
								node.code()));
				return;
			}
			this.nodeRows.add(node);
		}

		// -- 3. references, against the file and the database ----------------------------------------

		void resolve(Progress progress) {
			progress.phase("resolving", this.nodeRows.size() + this.relRows.size());
			Map<String, Set<String>> wanted = new HashMap<>();
			for (NodeRow node : this.nodeRows) {
				wanted.computeIfAbsent(node.family(), f -> new LinkedHashSet<>()).add(node.code());
				if (node.parent() != null) {
					families(node.parentLabels()).forEach(f -> wanted.computeIfAbsent(f, x -> new LinkedHashSet<>()).add(node.parent()));
				}
			}
			for (RelRow rel : this.relRows) {
				families(rel.fromLabels).forEach(f -> wanted.computeIfAbsent(f, x -> new LinkedHashSet<>()).add(rel.fromCode));
				families(rel.toLabels).forEach(f -> wanted.computeIfAbsent(f, x -> new LinkedHashSet<>()).add(rel.toCode));
			}
			for (String family : FAMILIES) {
				Set<String> codes = wanted.get(family);
				Map<String, Existing> found = new HashMap<>();
				if (codes != null) {
					List<String> list = List.copyOf(codes);
					for (int from = 0; from < list.size(); from += BATCH * 4) {
						found.putAll(BulkImporter.this.queries.nodes(family, parentType(family),
								list.subList(from, Math.min(list.size(), from + BATCH * 4))));
					}
				}
				this.dbNodes.put(family, found);
			}
			for (NodeRow node : this.nodeRows) {
				Existing existing = this.dbNodes.get(node.family()).get(node.code());
				if (existing != null && !existing.labels().contains(node.label())) {
					error(node.sheet(), node.row(), node.sheet().column("code").header(),
							"代码 %s 已用于 %s，不能改为 %s / Code %s already belongs to a %s, not a %s".formatted(node.code(),
									kind(existing.labels()), node.label(), node.code(), kind(existing.labels()), node.label()));
					continue;
				}
				if (node.parent() != null) {
					String label = label(node.parent(), node.parentLabels(), node.sheet(), node.row(),
							node.sheet().column(node.parentColumn()).header());
					if (label != null && node.parent().equals(node.code())) {
						error(node.sheet(), node.row(), node.sheet().column(node.parentColumn()).header(),
								"不能是自己的上级 / A node cannot be its own parent");
					}
					// An organization that ended (merged or dissolved) takes nothing new under it: an old
					// workbook would otherwise put back what a merge moved away.
					Existing parent = (label != null) ? this.dbNodes.get(family(label)).get(node.parent()) : null;
					boolean parentNow = existing != null && node.parent().equals(existing.parent());
					if (parent != null && parent.properties().get("until") != null && !parentNow) {
						error(node.sheet(), node.row(), node.sheet().column(node.parentColumn()).header(),
								"上级 %s 已于 %s 终止（合并或撤销） / Parent %s ended on %s (merged or dissolved)".formatted(
										node.parent(), parent.properties().get("until"), node.parent(), parent.properties().get("until")));
					}
				}
			}
			for (RelRow rel : this.relRows) {
				rel.fromLabel = label(rel.fromCode, rel.fromLabels, rel.sheet, rel.row, rel.sheet.column(rel.fromColumn).header());
				rel.toLabel = label(rel.toCode, rel.toLabels, rel.sheet, rel.row, rel.sheet.column(rel.toColumn).header());
				if (rel.fromLabel == null || rel.toLabel == null) {
					continue;
				}
				rel.fromFamily = family(rel.fromLabel);
				rel.toFamily = family(rel.toLabel);
				if (rel.sheet.key().equals("coverage")) {
					Set<String> fits = coverage(rel.type, rel.fromLabel);
					if (fits == null || !fits.contains(rel.toLabel)) {
						error(rel.sheet, rel.row, rel.sheet.column("area").header(),
								"%s 不能%s %s / A %s cannot %s a %s".formatted(rel.fromLabel, rel.type.equals("GOVERNS") ? "管辖" : "覆盖",
										rel.toLabel, rel.fromLabel, rel.type.equals("GOVERNS") ? "govern" : "cover", rel.toLabel));
					}
				}
			}
			progress.phase("comparing", this.nodeRows.size() + this.relRows.size());
		}

		/** The label of the node a reference names, from the file or the database; {@code null} and an error when none fits. */
		private String label(String code, Set<String> labels, Sheet sheet, int row, String column) {
			String wrong = null;
			for (String family : families(labels)) {
				String label = this.fileNodes.getOrDefault(family, Map.of()).get(code);
				if (label == null) {
					Existing existing = this.dbNodes.get(family).get(code);
					label = (existing != null) ? kind(existing.labels()) : null;
				}
				if (label != null && labels.contains(label)) {
					return label;
				}
				if (label != null) {
					wrong = label;
				}
			}
			if (wrong != null) {
				error(sheet, row, column, "%s 是 %s，应为 %s / %s is a %s, not a %s".formatted(code, wrong,
						String.join("/", new java.util.TreeSet<>(labels)), code, wrong, String.join(" or ", new java.util.TreeSet<>(labels))));
			}
			else {
				error(sheet, row, column, "%s 在文件和数据库中都不存在 / %s is neither in the file nor in the database".formatted(code, code));
			}
			return null;
		}

		// -- 4. the comparison ----------------------------------------------------------------------

		void compare() {
			for (NodeRow node : this.nodeRows) {
				compare(node);
			}
			Map<String, List<ExistingRelationship>> existing = existingRelationships();
			Set<String> matched = new HashSet<>();
			Set<String> created = new HashSet<>();
			for (RelRow rel : this.relRows) {
				compare(rel, existing.getOrDefault(rel.identity(), List.of()), matched, created);
			}
		}

		private void compare(NodeRow node) {
			Existing existing = this.dbNodes.get(node.family()).get(node.code());
			String parentType = parentType(node.family());
			if (existing == null) {
				Map<String, Object> props = new LinkedHashMap<>(node.props());
				props.put("code", node.code());
				this.createNodes.computeIfAbsent(labels(node.family(), node.label()), l -> new ArrayList<>()).add(props);
				if (node.parent() != null) {
					createRelationship(family(label(node.parent(), node.parentLabels())), node.parent(), parentType,
							node.family(), node.code(), props(node.since() != null ? node.since() : this.today, null));
				}
				if (node.label().equals("Street") || node.label().equals("Community")) {
					this.scopes.add(node.code());
				}
				this.created++;
				return;
			}
			boolean changed = false;
			Map<String, Object> set = new LinkedHashMap<>();
			node.props().forEach((key, value) -> {
				if (!Objects.equals(existing.properties().get(key), value)) {
					set.put(key, value);
				}
			});
			if (!set.isEmpty()) {
				this.updateNodes.computeIfAbsent(node.family(), f -> new ArrayList<>()).add(Map.of("code", node.code(), "props", set));
				changed = true;
			}
			if (node.parent() != null) {
				String parentFamily = family(label(node.parent(), node.parentLabels()));
				// the same parent as the current one, or as the last one when it has ended (an export
				// gives an ended area or organization its last parent): nothing to change
				if (!node.parent().equals(existing.parent())) {
					if (existing.parentRelationship() != null && existing.parentUntil() == null) {
						this.updateRelationships.add(Map.of("id", existing.parentRelationship(), "props", Map.of("until", this.today)));
						touch(parentFamily, existing.parent());
					}
					createRelationship(parentFamily, node.parent(), parentType, node.family(), node.code(),
							props(node.since() != null ? node.since() : this.today, null));
					changed = true;
				}
				else if (node.since() != null && !node.since().equals(existing.parentSince())) {
					this.updateRelationships.add(Map.of("id", existing.parentRelationship(), "props", Map.of("since", node.since())));
					touch(parentFamily, node.parent());
					changed = true;
				}
			}
			if (changed) {
				touch(node.family(), node.code());
				if (node.label().equals("Street") || node.label().equals("Community")) {
					this.scopes.add(node.code());
				}
				this.updated++;
			}
			else {
				this.unchanged++;
			}
		}

		private String label(String code, Set<String> labels) {
			for (String family : families(labels)) {
				String label = this.fileNodes.getOrDefault(family, Map.of()).get(code);
				if (label == null && this.dbNodes.get(family).get(code) != null) {
					label = kind(this.dbNodes.get(family).get(code).labels());
				}
				if (label != null && labels.contains(label)) {
					return label;
				}
			}
			throw new IllegalStateException("unresolved " + code);
		}

		private Map<String, List<ExistingRelationship>> existingRelationships() {
			Map<String, Set<String>> froms = new LinkedHashMap<>();
			for (RelRow rel : this.relRows) {
				if (this.dbNodes.get(rel.fromFamily).containsKey(rel.fromCode)) {
					froms.computeIfAbsent(rel.fromFamily + "|" + rel.type, k -> new LinkedHashSet<>()).add(rel.fromCode);
				}
			}
			Map<String, List<ExistingRelationship>> existing = new HashMap<>();
			froms.forEach((key, codes) -> {
				String[] parts = key.split("\\|");
				List<String> list = List.copyOf(codes);
				for (int from = 0; from < list.size(); from += BATCH * 4) {
					for (ExistingRelationship r : BulkImporter.this.queries.relationships(parts[0], parts[1],
							list.subList(from, Math.min(list.size(), from + BATCH * 4)))) {
						if (r.to() == null) {
							continue;
						}
						String identity = parts[0] + ":" + r.from() + "|" + parts[1] + "|" + family(kind(r.toLabels())) + ":"
								+ r.to() + "|" + r.role();
						existing.computeIfAbsent(identity, k -> new ArrayList<>()).add(r);
					}
				}
			});
			return existing;
		}

		private void compare(RelRow rel, List<ExistingRelationship> candidates, Set<String> matched, Set<String> created) {
			ExistingRelationship match = null;
			if (rel.since != null) {
				match = candidates.stream().filter(c -> rel.since.equals(c.since())).findFirst().orElse(null);
			}
			else {
				match = candidates.stream().filter(c -> c.until() == null).findFirst().orElse(null);
			}
			if (match == null) {
				LocalDate since = (rel.since != null) ? rel.since : this.today;
				if (!created.add(rel.identity() + "|" + since)) {
					error(rel.sheet, rel.row, "", "与文件中另一行重复 / Duplicates another row of the file");
					return;
				}
				if (rel.until != null && rel.until.isBefore(since)) {
					error(rel.sheet, rel.row, rel.sheet.column("until").header(),
							"终止日期 %s 早于起始日期 %s / Until %s is before since %s".formatted(rel.until, since, rel.until, since));
					return;
				}
				Map<String, Object> props = props(since, rel.until);
				if (rel.role != null) {
					props.put("role", rel.role);
				}
				props.putAll(rel.values);
				createRelationship(rel.fromFamily, rel.fromCode, rel.type, rel.toFamily, rel.toCode, props);
				this.created++;
				return;
			}
			if (!matched.add(match.id())) {
				error(rel.sheet, rel.row, "", "与文件中另一行是同一关系 / Names the same relationship as another row of the file");
				return;
			}
			Map<String, Object> set = new LinkedHashMap<>();
			Object title = rel.values.get("title");
			if (title != null && !title.equals(match.title())) {
				set.put("title", title);
			}
			Object status = rel.values.get("status");
			if (status != null && !status.equals(match.status())) {
				set.put("status", status);
			}
			boolean ends = false;
			if (rel.until != null && !rel.until.equals(match.until())) {
				if (match.since() != null && rel.until.isBefore(match.since())) {
					error(rel.sheet, rel.row, rel.sheet.column("until").header(),
							"终止日期 %s 早于起始日期 %s / Until %s is before since %s".formatted(rel.until, match.since(), rel.until,
									match.since()));
					return;
				}
				set.put("until", rel.until);
				ends = match.until() == null;
			}
			if (set.isEmpty()) {
				this.unchanged++;
				return;
			}
			this.updateRelationships.add(Map.of("id", match.id(), "props", set));
			touch(rel.fromFamily, rel.fromCode);
			touch(rel.toFamily, rel.toCode);
			if (ends) {
				this.ended++;
			}
			else {
				this.updated++;
			}
		}

		private Map<String, Object> props(LocalDate since, LocalDate until) {
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("since", since);
			if (until != null) {
				props.put("until", until);
			}
			return props;
		}

		private void createRelationship(String fromFamily, String from, String type, String toFamily, String to,
				Map<String, Object> props) {
			Map<String, Object> row = new HashMap<>();
			row.put("from", from);
			row.put("to", to);
			row.put("props", props);
			this.createRelationships.computeIfAbsent(fromFamily + "|" + type + "|" + toFamily, k -> new ArrayList<>()).add(row);
			touch(fromFamily, from);
			touch(toFamily, to);
		}

		/** A node that exists in the database and whose relationships or properties change: its version goes up. */
		private void touch(String family, String code) {
			if (this.dbNodes.get(family).containsKey(code)) {
				this.touched.computeIfAbsent(family, f -> new LinkedHashSet<>()).add(code);
			}
		}

	}

	// ------------------------------------------------------------------------------------------

	static String parentType(String family) {
		return switch (family) {
			case "Area" -> "HAS";
			case "PartyOrganization", "Alliance" -> "LEADS";
			default -> null;
		};
	}

	static String family(String label) {
		NodeLabel node = NodeLabel.of(label);
		return (node != null) ? node.family() : "Area";
	}

	static List<String> labels(String family, String label) {
		return family.equals(label) ? List.of(label) : List.of(label, family);
	}

	private static Collection<String> families(Set<String> labels) {
		Set<String> families = new LinkedHashSet<>();
		labels.forEach(l -> families.add(family(l)));
		return families;
	}

	/** The kind label of a node (its label other than the family labels). */
	static String kind(List<String> labels) {
		for (String label : labels) {
			if (!label.equals("Area") && !label.equals("PartyOrganization")) {
				return label;
			}
		}
		return labels.isEmpty() ? "?" : labels.get(0);
	}

	/** Counts rows and tells the listener (and the log, every few seconds) how far the phase is. */
	static final class Progress {

		private final ImportProgress.Listener listener;

		private String phase = "reading";

		private long total;

		private long done;

		private long started = System.nanoTime();

		private long lastTold;

		private long lastLogged = System.nanoTime();

		Progress(ImportProgress.Listener listener) {
			this.listener = (listener != null) ? listener : ImportProgress.Listener.NONE;
		}

		void phase(String phase, long total) {
			if (!"reading".equals(phase) || this.done > 0) {
				logger.info("Import {}: {} rows in {} ms", this.phase, this.done, (System.nanoTime() - this.started) / 1_000_000);
			}
			this.phase = phase;
			this.total = total;
			this.done = 0;
			this.started = System.nanoTime();
			tell(true);
		}

		void add(long rows) {
			this.done += rows;
			tell(false);
		}

		private void tell(boolean always) {
			long now = System.nanoTime();
			if (!always && now - this.lastTold < 200_000_000L) {
				return;
			}
			this.lastTold = now;
			double seconds = Math.max(1e-3, (now - this.started) / 1e9);
			long rate = Math.round(this.done / seconds);
			int percent = (this.total > 0) ? (int) Math.min(100, this.done * 100 / this.total) : ("done".equals(this.phase) ? 100 : 0);
			ImportProgress progress = new ImportProgress(this.phase, this.done, this.total, percent, rate);
			this.listener.progress(progress);
			if (now - this.lastLogged > 3_000_000_000L) {
				this.lastLogged = now;
				logger.info("Import {}: {} of {} rows ({}%), {} rows/s", this.phase, this.done, this.total, percent, rate);
			}
		}

	}

}
