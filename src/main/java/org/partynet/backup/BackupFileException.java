package org.partynet.backup;

/**
 * A backup file that cannot be restored: not a backup, cut short, changed, or of another
 * schema. The message, Chinese first, is what the user is told; nothing has been written.
 */
public class BackupFileException extends RuntimeException {

	BackupFileException(String message) {
		super(message);
	}

}
