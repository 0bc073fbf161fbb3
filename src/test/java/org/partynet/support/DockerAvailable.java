package org.partynet.support;

import org.testcontainers.DockerClientFactory;

/**
 * For {@code @EnabledIf}: container tests run where a Docker engine answers and skip
 * elsewhere.
 */
public final class DockerAvailable {

	private DockerAvailable() {
	}

	public static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
