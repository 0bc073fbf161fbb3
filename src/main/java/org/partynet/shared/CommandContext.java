package org.partynet.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started for a command ({@code import}, {@code backup},
 * {@code restore}): the same database configuration as the service, no HTTP server
 * ({@code server.port=-1}, though a servlet context all the same, which the security
 * configuration needs), no daily backup, and only warnings logged, so that the command's
 * own lines are what the user reads.
 */
public final class CommandContext {

	private CommandContext() {
	}

	/**
	 * @param application the Spring Boot application class
	 * @param args the Spring Boot arguments ({@code --x=y}) the user gave
	 * @param overrides arguments of the command's own, which the user's cannot undo
	 * @throws StoreLockedException when the embedded store is held by a running service
	 */
	public static ConfigurableApplicationContext start(Class<?> application, List<String> args, String... overrides) {
		List<String> all = new ArrayList<>(args);
		all.addAll(List.of(overrides));
		all.add("--server.port=-1");
		all.add("--partynet.backup.schedule=-");
		try {
			return new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
				// the command says itself why it cannot start (and a store held by the
				// running service is no error for a backup): no stack trace of Spring's
				.properties("logging.level.root=WARN", "logging.level.org.springframework.boot.SpringApplication=OFF",
						"logging.level.org.springframework.boot.web=OFF")
				.run(all.toArray(new String[0]));
		}
		catch (RuntimeException ex) {
			if (locked(ex)) {
				throw new StoreLockedException(ex);
			}
			throw ex;
		}
	}

	private static boolean locked(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (cause.getClass().getName().contains("FileLock") || message.contains("lock")) {
				return true;
			}
		}
		return false;
	}

	/** The embedded store is locked: a service runs on it. */
	public static final class StoreLockedException extends RuntimeException {

		StoreLockedException(Throwable cause) {
			super("The embedded database is locked by a running service", cause);
		}

	}

}
