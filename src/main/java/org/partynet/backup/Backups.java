package org.partynet.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.partynet.neo4j.StoreSchema;
import org.partynet.shared.LeaseQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Backups and restores of the whole network: the command line's {@code backup FILE} and
 * {@code restore FILE}, the page's button and the daily schedule all come here. Each
 * holds the lease for work on the whole network (the import's), so that no import runs
 * half into a backup and no restore meets either; a backup reads one consistent state
 * ({@link BackupQueries#backup}); a file is written beside its place and moved there only
 * when whole, readable by its owner only, since it holds personal data and password
 * hashes.
 */
@Component
public class Backups {

	/** Names of backups and times on the page are Beijing time. */
	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final Pattern NAME = Pattern.compile("partynet-\\d{8}-\\d{6}(-\\d+)?\\.jsonl\\.gz");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final int BATCH = 2000;

	private static final String RESTORE_INDEX = "partynet_restore";

	private static final Logger logger = LoggerFactory.getLogger(Backups.class);

	private final BackupQueries queries;

	private final StoreSchema schema;

	private final LeaseQueries leases;

	private final BackupProperties properties;

	private final MeterRegistry meters;

	Backups(BackupQueries queries, StoreSchema schema, LeaseQueries leases, BackupProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		this.queries = queries;
		this.schema = schema;
		this.leases = leases;
		this.properties = properties;
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
	}

	/**
	 * What a backup wrote.
	 *
	 * @param file where it is
	 * @param nodes how many nodes it holds
	 * @param relationships how many relationships it holds
	 * @param bytes the file's size
	 * @param millis how long it took
	 */
	public record Result(Path file, long nodes, long relationships, long bytes, long millis) {
	}

	/** A backup in the directory. */
	public record Stored(String name, long bytes, Instant modified) {
	}

	/**
	 * Backs the network up into {@code target}.
	 * @param by who asked, for the lease ({@code system} on the command line)
	 * @param trigger {@code command}, {@code button} or {@code schedule}, for the metrics
	 * @throws BackupRefusedException while an import, a backup or a restore runs
	 */
	public Result backup(Path target, String by, String trigger) {
		long begin = System.nanoTime();
		try {
			Result result = holding("backup", by, () -> write(target, begin));
			record("partynet.backup", trigger, "ok", begin, result.nodes(), result.relationships(), result.bytes());
			logger.info("Backup {}: {} nodes, {} relationships, {} bytes in {} ms", result.file(), result.nodes(),
					result.relationships(), result.bytes(), result.millis());
			return result;
		}
		catch (RuntimeException ex) {
			record("partynet.backup", trigger, "error", begin, 0, 0, 0);
			throw ex;
		}
	}

	/** Backs up into the directory under a name of its time, and keeps the newest few. */
	public Result backupToDirectory(String by, String trigger) {
		Path directory = this.properties.directory();
		String stamp = STAMP.format(Instant.now().atZone(BEIJING));
		Path target = directory.resolve("partynet-" + stamp + ".jsonl.gz");
		for (int i = 1; Files.exists(target); i++) {
			target = directory.resolve("partynet-" + stamp + "-" + i + ".jsonl.gz");
		}
		Result result = backup(target, by, trigger);
		prune();
		return result;
	}

	/** The backups in the directory, newest first. */
	public List<Stored> list() {
		Path directory = this.properties.directory();
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
				.map(Backups::stored)
				.flatMap(Optional::stream)
				.sorted(Comparator.comparing(Stored::modified).thenComparing(Stored::name).reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A backup of the directory by its name, as the list gives it. */
	public Optional<Path> find(String name) {
		if (!NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = this.properties.directory().resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	public BackupProperties properties() {
		return this.properties;
	}

	/** The daily backup's last run, as any instance recorded it. */
	public Optional<BackupQueries.ScheduledRun> lastScheduledRun() {
		return this.queries.lastScheduledRun();
	}

	/**
	 * What a restore wrote.
	 *
	 * @param nodes the nodes restored, as many as the file holds
	 * @param relationships the relationships restored
	 * @param replaced the nodes that were there before and were deleted ({@code --force})
	 * @param millis how long it took
	 */
	public record Restored(long nodes, long relationships, long replaced, long millis) {
	}

	/**
	 * Restores a backup: checks the whole file first (its checksum and counts, its
	 * schema), then loads it into the store, which must hold no network unless
	 * {@code replace} says to delete it, and checks the counts again in the database.
	 * @throws BackupFileException when the file cannot be restored, before anything is
	 * written
	 * @throws BackupRefusedException when the store is not empty or someone works on it
	 */
	public Restored restore(Path file, boolean replace) {
		long begin = System.nanoTime();
		BackupFile.Summary checked = BackupFile.read(file, entry -> {
		});
		String store = this.schema.version();
		if (!java.util.Objects.equals(checked.header().schema(), store)) {
			throw new BackupFileException(("备份的数据库结构版本是 %s，本程序的是 %s：请用与备份同一版本的 partynet 恢复，再启动新版本升级。"
					+ " / The backup's schema version is %s and this release's is %s: restore it with the release that took it,"
					+ " then start the new release to upgrade.")
				.formatted(checked.header().schema(), store, checked.header().schema(), store));
		}
		Restored restored;
		try {
			restored = load(file, replace, checked, begin);
		}
		catch (RuntimeException ex) {
			record("partynet.restore", "command", "error", begin, 0, 0, 0);
			throw ex;
		}
		record("partynet.restore", "command", "ok", begin, restored.nodes(), restored.relationships(), 0);
		return restored;
	}

	private Restored load(Path file, boolean replace, BackupFile.Summary checked, long begin) {
		return holding("restore", "system", () -> {
			long existing = this.queries.counts()[0];
			if (existing > 0 && !replace) {
				throw new BackupRefusedException(("数据库中已有 %d 个节点：恢复只写入空的数据库。要用备份替换全部现有数据，请加 --force。"
						+ " / The database holds %d nodes: a restore writes into an empty database only;"
						+ " add --force to replace everything in it with the backup.")
					.formatted(existing, existing));
			}
			long replaced = (existing > 0) ? this.queries.clear(BATCH) : 0;
			this.schema.createIndex(RESTORE_INDEX, BackupQueries.RESTORING, BackupQueries.RESTORE_ID);
			try {
				Loader loader = new Loader();
				BackupFile.read(file, loader::accept);
				loader.flush();
				if (loader.created != checked.relationships()) {
					throw new IllegalStateException(
							"Restored %d of the backup's %d relationships: the file names nodes it does not hold"
								.formatted(loader.created, checked.relationships()));
				}
				this.queries.unmark(BATCH);
			}
			finally {
				this.schema.dropIndex(RESTORE_INDEX);
			}
			long[] counts = this.queries.counts();
			if (counts[0] != checked.nodes() || counts[1] != checked.relationships()) {
				throw new IllegalStateException(
						"The database holds %d nodes and %d relationships after the restore, the backup %d and %d"
							.formatted(counts[0], counts[1], checked.nodes(), checked.relationships()));
			}
			return new Restored(counts[0], counts[1], replaced, (System.nanoTime() - begin) / 1_000_000);
		});
	}

	/** Batches the file's nodes, then its relationships, into the database. */
	private final class Loader {

		private final List<Map<String, Object>> nodes = new java.util.ArrayList<>(BATCH);

		private final List<Map<String, Object>> relationships = new java.util.ArrayList<>(BATCH);

		private long created;

		void accept(BackupFile.Entry entry) {
			if (entry instanceof BackupFile.Node node) {
				this.nodes.add(Map.of("id", node.id(), "labels", node.labels(), "properties", node.properties()));
				if (this.nodes.size() == BATCH) {
					flush();
				}
			}
			else if (entry instanceof BackupFile.Relationship relationship) {
				if (!this.nodes.isEmpty()) {
					flush();
				}
				this.relationships.add(Map.of("type", relationship.type(), "a", relationship.from(), "b",
						relationship.to(), "properties", relationship.properties()));
				if (this.relationships.size() == BATCH) {
					flush();
				}
			}
		}

		void flush() {
			if (!this.nodes.isEmpty()) {
				Backups.this.queries.createNodes(List.copyOf(this.nodes));
				this.nodes.clear();
			}
			if (!this.relationships.isEmpty()) {
				this.created += Backups.this.queries.createRelationships(List.copyOf(this.relationships));
				this.relationships.clear();
			}
		}

	}

	private Result write(Path target, long begin) {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		BackupFile.Header header = new BackupFile.Header(BackupFile.FORMAT, this.schema.version(),
				Instant.now().toString(), LeaseQueries.INSTANCE);
		BackupFile.Summary summary;
		try {
			Path parent = target.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			try (OutputStream file = Files.newOutputStream(partial);
					BackupFile.Out out = new BackupFile.Out(file, header)) {
				summary = this.queries.backup(out, header);
			}
			ownerOnly(partial);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return new Result(target, summary.nodes(), summary.relationships(), Files.size(target),
					(System.nanoTime() - begin) / 1_000_000);
		}
		catch (FileAlreadyExistsException | AccessDeniedException ex) {
			deleteQuietly(partial);
			throw new BackupRefusedException("无法写入备份文件 / Cannot write the backup file: " + ex.getMessage());
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new UncheckedIOException("Cannot write the backup " + target + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(partial);
			throw ex;
		}
	}

	// Holds the lease for work on the whole network while the work runs, renewing it, so
	// that an instance that dies mid-way frees it by itself.
	private <T> T holding(String holder, String by, Supplier<T> work) {
		LeaseQueries.Lease lease = this.leases.acquire(LeaseQueries.BULK, holder, LEASE)
			.orElseThrow(() -> new BackupRefusedException(busy(this.leases.current(LeaseQueries.BULK))));
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "backup-lease");
			thread.setDaemon(true);
			return thread;
		});
		heartbeat.scheduleAtFixedRate(() -> {
			try {
				lease.renew(Map.of("by", by));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not renew the {} lease: {}", holder, ex.getMessage());
			}
		}, 0, LEASE.toSeconds() / 4, TimeUnit.SECONDS);
		try {
			return work.get();
		}
		finally {
			heartbeat.shutdownNow();
			lease.close();
		}
	}

	static String busy(Optional<Map<String, Object>> lease) {
		String holder = lease.map(l -> String.valueOf(l.get("holder"))).orElse("");
		return switch (holder) {
			case "backup" -> "另一个备份正在进行，请稍后再试 / Another backup is running: try again later";
			case "restore" -> "正在恢复备份，请稍后再试 / A restore is running: try again later";
			default -> "导入正在进行（%s），请在导入结束后再备份或恢复 / An import is running (%s): back up or restore when it is done"
				.formatted(holder, holder);
		};
	}

	private void prune() {
		List<Stored> stored = list();
		for (Stored old : stored.subList(Math.min(this.properties.retention(), stored.size()), stored.size())) {
			try {
				Files.deleteIfExists(this.properties.directory().resolve(old.name()));
				logger.info("Deleted the old backup {} (partynet.backup.retention={})", old.name(),
						this.properties.retention());
			}
			catch (IOException ex) {
				logger.warn("Could not delete the old backup {}: {}", old.name(), ex.getMessage());
			}
		}
	}

	private void record(String name, String trigger, String outcome, long begin, long nodes, long relationships,
			long bytes) {
		MeterRegistry registry = this.meters;
		Timer.builder(name)
			.description("备份与恢复所用时间 / How long backups and restores take")
			.tag("trigger", trigger)
			.tag("outcome", outcome)
			.register(registry)
			.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
		if (outcome.equals("ok")) {
			DistributionSummary.builder(name + ".nodes").register(registry).record(nodes);
			DistributionSummary.builder(name + ".relationships").register(registry).record(relationships);
			if (bytes > 0) {
				DistributionSummary.builder(name + ".size").baseUnit("bytes").register(registry).record(bytes);
			}
		}
	}

	private static Optional<Stored> stored(Path file) {
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			return Optional.of(new Stored(file.getFileName().toString(), Files.size(file), modified.toInstant()));
		}
		catch (IOException ex) {
			// deleted meanwhile
			return Optional.empty();
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): the directory's own permissions apply
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the failure being reported matters more
		}
	}

}
