package org.partynet.backup;

/**
 * A backup or restore that may not run now: someone imports, backs up or restores, or a
 * restore would overwrite a network without {@code --force}. The message, Chinese first,
 * is what the user is told; nothing has been written.
 */
public class BackupRefusedException extends RuntimeException {

	BackupRefusedException(String message) {
		super(message);
	}

}
