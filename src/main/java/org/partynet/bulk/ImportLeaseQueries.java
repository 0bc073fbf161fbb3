package org.partynet.bulk;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.partynet.security.Access;
import org.partynet.shared.LeaseQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import at a time on the whole database, through the lease named {@code import}
 * (which the backup takes too, as holder {@code backup}): every instance on one database
 * sees who holds it, since when and how far the import has got. The lease is renewed with
 * the progress at most once a second and lasts {@link #TTL} unless renewed, so an
 * instance that died mid-import frees it by itself.
 */
@Component
class ImportLeaseQueries {

	static final String NAME = LeaseQueries.BULK;

	static final Duration TTL = Duration.ofMinutes(2);

	private static final Logger logger = LoggerFactory.getLogger(ImportLeaseQueries.class);

	/**
	 * A lease another process left on the embedded store: that process is gone, since the
	 * store admits one process only.
	 */
	private static final Statement CLEAR_FOREIGN = Statement.bookkeeping("import.clearForeignLease", """
			MATCH (l:Lease {name: $name})
			WHERE l.token IS NOT NULL AND l.instance <> $instance
			SET l = {name: $name}
			RETURN count(l) AS cleared
			""");

	private final LeaseQueries leases;

	private final Graph graph;

	private final TransactionTemplate own;

	private final boolean embedded;

	private volatile boolean clearedOnce;

	ImportLeaseQueries(LeaseQueries leases, Graph graph, PlatformTransactionManager transactionManager,
			ObjectProvider<EmbeddedNeo4jServer> embedded) {
		this.leases = leases;
		this.graph = graph;
		this.own = new TransactionTemplate(transactionManager);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.embedded = embedded.getIfAvailable() != null;
	}

	/**
	 * Takes the lease for this holder (a user name, or {@code system} on the command
	 * line); empty when someone holds it.
	 */
	Optional<LeaseQueries.Lease> acquire(String holder) {
		if (this.embedded && !this.clearedOnce) {
			// after a kill -9 of the previous process on this store, its lease would
			// refuse imports until it ran out
			long cleared = Access.asService(() -> this.own.execute(status -> this.graph
				.one(CLEAR_FOREIGN, Graph.parameters("name", NAME, "instance", LeaseQueries.INSTANCE))
				.map(row -> row.get("cleared").asLong())
				.orElse(0L)));
			if (cleared > 0) {
				logger.warn("Released the import lease of a process that no longer holds the embedded store");
			}
			this.clearedOnce = true;
		}
		return this.leases.acquire(NAME, holder, TTL);
	}

	/**
	 * The current lease's properties (holder, acquiredAt, the progress); empty when free.
	 */
	Optional<Map<String, Object>> current() {
		return this.leases.current(NAME);
	}

	/**
	 * What a refused import is told: who holds the lease and since when (Beijing time);
	 * the backup by name.
	 */
	static String refusal(Optional<Map<String, Object>> lease) {
		if (lease.isEmpty()) {
			return "另一个导入正在进行，请稍后再试 / Another import is running: try again later";
		}
		String holder = String.valueOf(lease.get().get("holder"));
		Object acquired = lease.get().get("acquiredAt");
		String since = (acquired instanceof ZonedDateTime at)
				? at.withZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
				: String.valueOf(acquired);
		if ("restore".equals(holder)) {
			return "正在恢复备份（自 %s 起），请稍后再导入 / A restore is running (since %s Beijing time): import when it is done"
				.formatted(since, since);
		}
		if ("backup".equals(holder)) {
			return "备份正在进行（自 %s 起），请稍后再导入 / A backup is running (since %s Beijing time): import when it is done"
				.formatted(since, since);
		}
		return "另一个导入正在进行：%s 自 %s 起在 %s 上导入，请稍后再试 / Another import is running: %s since %s (Beijing time) on %s; try again later"
			.formatted(holder, since, lease.get().get("instance"), holder, since, lease.get().get("instance"));
	}

	/**
	 * A listener that keeps the lease and its progress current (at most once a second,
	 * and on each new phase) and hands every progress to {@code local}.
	 */
	static ImportProgress.Listener renewing(LeaseQueries.Lease lease, ImportProgress.Listener local) {
		long[] last = { 0 };
		String[] phase = { "" };
		return progress -> {
			local.progress(progress);
			long now = System.nanoTime();
			if (now - last[0] < 1_000_000_000L && phase[0].equals(progress.phase())) {
				return;
			}
			last[0] = now;
			phase[0] = progress.phase();
			if (!lease.renew(state(progress))) {
				logger.warn("The import lease ran out and was taken by someone else while this import ran");
			}
		};
	}

	static Map<String, Object> state(ImportProgress progress) {
		return Map.of("phase", progress.phase(), "done", progress.done(), "total", progress.total(), "percent",
				progress.percent(), "rowsPerSecond", progress.rowsPerSecond());
	}

	/** The progress stored on a lease; {@code reading} 0 before its first renewal. */
	static ImportProgress progress(Map<String, Object> lease) {
		return new ImportProgress(String.valueOf(lease.getOrDefault("phase", "reading")), number(lease.get("done")),
				number(lease.get("total")), (int) number(lease.get("percent")), number(lease.get("rowsPerSecond")));
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

}
