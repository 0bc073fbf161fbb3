package org.partynet.backup;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup's and the restore's statements. A backup reads every node and relationship
 * in one transaction that holds the backup gate ({@link Graph#closeGate()}), so that it
 * is one consistent state of the network; a restore writes in batches, finding the nodes
 * it has written by their backed-up id under a temporary label and index.
 */
@Component
class BackupQueries {

	/**
	 * The service's bookkeeping, never backed up nor restored: leases, sign-in counters,
	 * the gate and the schedule, and every label of the migrations' own
	 * ({@code __Neo4jMigration}) or of a restore under way, which begin with two
	 * underscores.
	 */
	static final List<String> ASIDE = List.of("Lease", "SignInFailure", "BackupGate", "BackupSchedule");

	static final String RESTORING = "__Restoring";

	static final String RESTORE_ID = "__restoreId";

	private static final String CONTENT = "none(l IN labels(%s) WHERE l IN $aside OR l STARTS WITH '__')";

	private static final Statement NODES = Statement.privileged("backup.nodes", """
			MATCH (n) WHERE %s
			RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
			""".formatted(CONTENT.formatted("n")));

	private static final Statement RELATIONSHIPS = Statement.privileged("backup.relationships", """
			MATCH (a)-[r]->(b) WHERE %s AND %s
			RETURN type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS properties
			""".formatted(CONTENT.formatted("a"), CONTENT.formatted("b")));

	private static final Statement COUNTS = Statement.privileged("backup.counts", """
			CALL () { MATCH (n) WHERE %s RETURN count(n) AS nodes }
			CALL () { MATCH (a)-[r]->(b) WHERE %s AND %s RETURN count(r) AS relationships }
			RETURN nodes, relationships
			""".formatted(CONTENT.formatted("n"), CONTENT.formatted("a"), CONTENT.formatted("b")));

	private static final Statement CLEAR = Statement.write("backup.clear", """
			MATCH (n) WHERE %s
			WITH n LIMIT $batch
			DETACH DELETE n
			RETURN count(*) AS deleted
			""".formatted(CONTENT.formatted("n")));

	private static final Statement CREATE_NODES = Statement.write("backup.createNodes", """
			UNWIND $rows AS row
			CREATE (n:$(row.labels + ['%s']))
			SET n = row.properties, n.%s = row.id
			""".formatted(RESTORING, RESTORE_ID));

	private static final Statement CREATE_RELATIONSHIPS = Statement.write("backup.createRelationships", """
			UNWIND $rows AS row
			MATCH (a:%1$s {%2$s: row.a})
			MATCH (b:%1$s {%2$s: row.b})
			CREATE (a)-[r:$(row.type)]->(b)
			SET r = row.properties
			RETURN count(r) AS created
			""".formatted(RESTORING, RESTORE_ID));

	private static final Statement UNMARK = Statement.write("backup.unmark", """
			MATCH (n:%1$s)
			WITH n LIMIT $batch
			REMOVE n:%1$s, n.%2$s
			RETURN count(*) AS done
			""".formatted(RESTORING, RESTORE_ID));

	// The schedule's state: the lock first, then the check, so that of two instances
	// firing at once only one claims the day's run (as LeaseQueries does).
	private static final Statement SCHEDULE_LOCK = Statement.bookkeeping("backup.schedule.lock", """
			MERGE (s:BackupSchedule {name: 'daily'})
			SET s._lock = true
			REMOVE s._lock
			""");

	private static final Statement SCHEDULE_CLAIM = Statement.bookkeeping("backup.schedule.claim", """
			MATCH (s:BackupSchedule {name: 'daily'})
			WHERE s.startedAt IS NULL OR s.startedAt < datetime({timezone: 'UTC'}) - duration({minutes: $minutes})
			SET s.startedAt = datetime({timezone: 'UTC'}), s.instance = $instance
			RETURN true AS claimed
			""");

	private static final Statement SCHEDULE_RECORD = Statement.bookkeeping("backup.schedule.record", """
			MATCH (s:BackupSchedule {name: 'daily'})
			SET s.finishedAt = datetime({timezone: 'UTC'}), s.outcome = $outcome, s.file = $file,
			    s.nodes = $nodes, s.bytes = $bytes, s.message = $message
			""");

	private static final Statement SCHEDULE_LAST = Statement.privileged("backup.schedule.last", """
			MATCH (s:BackupSchedule {name: 'daily'})
			RETURN properties(s) AS schedule
			""");

	private final Graph graph;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final TransactionTemplate own;

	BackupQueries(Graph graph, PlatformTransactionManager transactionManager) {
		this.graph = graph;
		this.writes = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.own = new TransactionTemplate(transactionManager);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Writes every node, then every relationship, from one transaction that holds the
	 * gate: writes wait until it ends.
	 */
	BackupFile.Summary backup(BackupFile.Out out, BackupFile.Header header) {
		Map<String, Object> aside = Map.of("aside", ASIDE);
		return this.writes.execute(status -> {
			this.graph.closeGate();
			this.graph.stream(NODES, aside, rows -> {
				rows.forEach(row -> out.node(row.get("id").asString(), row.get("labels").asList(v -> v.asString()),
						row.get("properties").asMap()));
				return null;
			});
			this.graph.stream(RELATIONSHIPS, aside, rows -> {
				rows.forEach(row -> out.relationship(row.get("type").asString(), row.get("a").asString(),
						row.get("b").asString(), row.get("properties").asMap()));
				return null;
			});
			return out.finish(header);
		});
	}

	/** How many nodes and relationships of the network the store holds. */
	long[] counts() {
		Record row = this.reads.execute(status -> this.graph.one(COUNTS, Map.of("aside", ASIDE)).orElseThrow());
		return new long[] { row.get("nodes").asLong(), row.get("relationships").asLong() };
	}

	/** Deletes the whole network, in batches; the bookkeeping stays. */
	long clear(int batch) {
		long deleted = 0;
		for (long done = batch; done == batch;) {
			done = this.writes.execute(status -> this.graph.one(CLEAR, Map.of("aside", ASIDE, "batch", batch))
				.map(row -> row.get("deleted").asLong())
				.orElse(0L));
			deleted += done;
		}
		return deleted;
	}

	void createNodes(List<Map<String, Object>> rows) {
		this.writes.executeWithoutResult(status -> this.graph.run(CREATE_NODES, Map.of("rows", rows)));
	}

	long createRelationships(List<Map<String, Object>> rows) {
		return this.writes.execute(status -> this.graph.one(CREATE_RELATIONSHIPS, Map.of("rows", rows))
			.map(row -> row.get("created").asLong())
			.orElse(0L));
	}

	/** Takes the restore's temporary label and id off every node, in batches. */
	void unmark(int batch) {
		for (long done = batch; done == batch;) {
			done = this.writes.execute(status -> this.graph.one(UNMARK, Map.of("batch", batch))
				.map(row -> row.get("done").asLong())
				.orElse(0L));
		}
	}

	/**
	 * Claims the day's scheduled backup for this instance, unless another claimed it less
	 * than {@code minutes} ago.
	 */
	boolean claimScheduledRun(String instance, long minutes) {
		return this.own.execute(status -> {
			this.graph.run(SCHEDULE_LOCK, Map.of());
			return this.graph.one(SCHEDULE_CLAIM, Map.of("instance", instance, "minutes", minutes)).isPresent();
		});
	}

	void recordScheduledRun(String outcome, String file, long nodes, long bytes, String message) {
		this.own.executeWithoutResult(status -> this.graph.run(SCHEDULE_RECORD, Graph.parameters("outcome", outcome,
				"file", file, "nodes", nodes, "bytes", bytes, "message", message)));
	}

	/** The scheduled backup's last run, as any instance on the database recorded it. */
	Optional<ScheduledRun> lastScheduledRun() {
		return this.own.execute(status -> this.graph.one(SCHEDULE_LAST, Map.of()).map(row -> {
			Map<String, Object> s = row.get("schedule").asMap();
			return new ScheduledRun((ZonedDateTime) s.get("startedAt"), (ZonedDateTime) s.get("finishedAt"),
					(String) s.get("instance"), (String) s.get("outcome"), (String) s.get("file"),
					(s.get("nodes") instanceof Long n) ? n : 0L, (s.get("bytes") instanceof Long b) ? b : 0L,
					(String) s.get("message"));
		}));
	}

	/** A scheduled backup as recorded; the times are UTC. */
	record ScheduledRun(ZonedDateTime startedAt, ZonedDateTime finishedAt, String instance, String outcome, String file,
			long nodes, long bytes, String message) {
	}

}
