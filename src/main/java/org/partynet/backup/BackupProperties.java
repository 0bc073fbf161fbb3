package org.partynet.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where backups go and when they are taken.
 *
 * @param directory where the daily backup and the page's "备份" button write; behind a load
 * balancer, a directory every instance shares
 * @param schedule when the daily backup runs, a Spring cron expression in Beijing time
 * ({@code 0 30 2 * * *}: 02:30 every day); {@code -} turns it off
 * @param retention how many backups the directory keeps: after each new one the oldest
 * beyond this number are deleted
 */
@ConfigurationProperties("partynet.backup")
public record BackupProperties(@DefaultValue("./backups") Path directory, @DefaultValue("0 30 2 * * *") String schedule,
		@DefaultValue("14") int retention) {

	public BackupProperties {
		if (retention < 1) {
			throw new IllegalArgumentException("partynet.backup.retention must be at least 1, not " + retention);
		}
	}

}
