package org.partynet.backup;

import org.partynet.security.Access;
import org.partynet.shared.LeaseQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The daily backup into {@code partynet.backup.directory}, at
 * {@code partynet.backup.schedule} (Beijing time), keeping
 * {@code partynet.backup.retention} of them. Of several instances on one database, the
 * first to fire claims the day's run in the database and the others leave it; its outcome
 * is recorded there too, so that every instance's page shows the last run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BackupSchedule {

	/** A claim younger than this is the same day's run, taken by another instance. */
	private static final long SAME_RUN_MINUTES = 12 * 60;

	private static final Logger logger = LoggerFactory.getLogger(BackupSchedule.class);

	private final Backups backups;

	private final BackupQueries queries;

	BackupSchedule(Backups backups, BackupQueries queries) {
		this.backups = backups;
		this.queries = queries;
	}

	@Scheduled(cron = "${partynet.backup.schedule:0 30 2 * * *}", zone = "Asia/Shanghai")
	void daily() {
		Access.asService(this::run);
	}

	/** Runs the day's backup unless another instance has; false when it had. */
	boolean run() {
		if (!this.queries.claimScheduledRun(LeaseQueries.INSTANCE, SAME_RUN_MINUTES)) {
			logger.info("The daily backup was taken by another instance on this database");
			return false;
		}
		try {
			Backups.Result result = this.backups.backupToDirectory("schedule", "schedule");
			this.queries.recordScheduledRun("ok", result.file().getFileName().toString(), result.nodes(),
					result.bytes(), null);
		}
		catch (RuntimeException ex) {
			logger.error("The daily backup failed", ex);
			this.queries.recordScheduledRun("error", null, 0, 0, String.valueOf(ex.getMessage()));
		}
		return true;
	}

}
