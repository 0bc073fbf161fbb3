package org.partynet.bulk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.partynet.security.Access;
import org.partynet.shared.CommandContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar partynet.jar import <file> [--dry-run]}: starts the application
 * without its web server ({@link CommandContext}) on the same database configuration,
 * imports as the {@code system} user under the same lease as an import over HTTP (refused
 * while anyone imports or backs up on that database), prints progress lines and the JSON
 * result; exit status 0 on success, 1 on errors.
 */
public final class ImportCommand {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ImportCommand() {
	}

	/**
	 * @param application the Spring Boot application class
	 * @param args {@code import <file>... [--dry-run]}, then any Spring Boot arguments
	 * ({@code --x=y})
	 * @return the exit status
	 */
	public static int run(Class<?> application, String[] args) {
		boolean dryRun = false;
		List<Path> files = new ArrayList<>();
		List<String> rest = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--dry-run")) {
				dryRun = true;
			}
			else if (args[i].startsWith("--")) {
				rest.add(args[i]);
			}
			else {
				files.add(Path.of(args[i]));
			}
		}
		if (files.isEmpty()) {
			System.err.println("用法 Usage: java -jar partynet.jar import <file.xlsx|file.csv...|file.zip> [--dry-run]");
			return 2;
		}
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				System.err.println("文件不存在 / No such file: " + file);
				return 1;
			}
		}
		ConfigurableApplicationContext context;
		try {
			context = CommandContext.start(application, rest);
		}
		catch (CommandContext.StoreLockedException ex) {
			System.err.println(
					"""
							数据库正被运行中的服务占用：请先停止服务，或设置 NEO4J_URI 连接该服务的 Neo4j 后再导入。
							The embedded database is locked by a running service: stop it first, or set NEO4J_URI to import into its Neo4j over Bolt.""");
			return 1;
		}
		catch (RuntimeException ex) {
			System.err.println("无法启动 / Cannot start: " + ex);
			return 1;
		}
		try (context) {
			BulkImporter importer = context.getBean(BulkImporter.class);
			List<BulkImporter.Source> sources = files.stream()
				.map(f -> new BulkImporter.Source(f, f.getFileName().toString()))
				.toList();
			// the same lease as over HTTP: not while an instance of the service imports
			// or
			// backs up on this database
			ImportLeaseQueries leases = context.getBean(ImportLeaseQueries.class);
			var held = leases.acquire("system");
			if (held.isEmpty()) {
				System.err.println(ImportLeaseQueries.refusal(leases.current()));
				return 1;
			}
			long[] last = { 0 };
			// the service's own work: there is no signed-in account on the command line
			boolean dry = dryRun;
			ImportResult result;
			try {
				result = Access.asService(
						() -> importer.importFiles(sources, dry, ImportLeaseQueries.renewing(held.get(), progress -> {
							long now = System.nanoTime();
							if (now - last[0] > 1_000_000_000L || progress.phase().equals("done")) {
								last[0] = now;
								System.err.printf("%s %d/%d %d%% %d rows/s%n", progress.phase(), progress.done(),
										progress.total(), progress.percent(), progress.rowsPerSecond());
							}
						})));
			}
			catch (ImportFailedException ex) {
				// not the file's fault (memory, the database): the same JSON as over HTTP
				result = ex.result();
			}
			finally {
				held.get().close();
			}
			System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(ImportController.body(result)));
			return result.ok() ? 0 : 1;
		}
	}

}
