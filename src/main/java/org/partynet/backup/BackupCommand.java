package org.partynet.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.partynet.security.Access;
import org.partynet.shared.CommandContext;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar partynet.jar backup FILE} and
 * {@code java -jar partynet.jar restore FILE [--force]}, on the same database
 * configuration as the service ({@link CommandContext}). A backup may run while the
 * service runs: on the embedded default, whose store the running service holds, it reads
 * through that service's Bolt port. A restore writes into an empty store (a new
 * {@code ./data}, or a new database of an external server), refusing one that holds a
 * network unless {@code --force} says to replace it; stop every instance of the service
 * first. Exit status 0 on success, 1 on a failure, 2 on a wrong command line.
 */
public final class BackupCommand {

	private BackupCommand() {
	}

	/**
	 * @param application the Spring Boot application class
	 * @param args {@code backup FILE} or {@code restore FILE [--force]}, then any Spring
	 * Boot arguments ({@code --x=y})
	 * @return the exit status
	 */
	public static int run(Class<?> application, String[] args) {
		boolean restore = args[0].equals("restore");
		boolean force = false;
		List<Path> files = new ArrayList<>();
		List<String> rest = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (restore && args[i].equals("--force")) {
				force = true;
			}
			else if (args[i].startsWith("--")) {
				rest.add(args[i]);
			}
			else {
				files.add(Path.of(args[i]));
			}
		}
		if (files.size() != 1) {
			System.err.println(restore ? "用法 Usage: java -jar partynet.jar restore <backup.jsonl.gz> [--force]"
					: "用法 Usage: java -jar partynet.jar backup <backup.jsonl.gz>");
			return 2;
		}
		Path file = files.get(0).toAbsolutePath();
		if (restore && !Files.isRegularFile(file)) {
			System.err.println("文件不存在 / No such file: " + file);
			return 1;
		}
		ConfigurableApplicationContext context;
		try {
			// A restore must not load the sample network into the empty store it fills.
			context = restore ? CommandContext.start(application, rest, "--partynet.sample.enabled=false")
					: CommandContext.start(application, rest);
		}
		catch (CommandContext.StoreLockedException ex) {
			if (restore) {
				System.err.println("""
						数据库正被运行中的服务占用：请先停止服务再恢复。
						The embedded database is held by a running service: stop it before restoring.""");
				return 1;
			}
			System.err.println("服务正在运行：通过它的 Bolt 端口备份 / The service is running: backing up through its Bolt port");
			try {
				context = CommandContext.start(application, rest,
						"--spring.neo4j.uri=bolt://localhost:${partynet.embedded.bolt-port}");
			}
			catch (RuntimeException again) {
				System.err.println("无法连接运行中的服务 / Cannot reach the running service: " + again.getMessage());
				return 1;
			}
		}
		catch (RuntimeException ex) {
			System.err.println("无法启动 / Cannot start: " + ex.getMessage());
			return 1;
		}
		try (ConfigurableApplicationContext started = context) {
			Backups backups = started.getBean(Backups.class);
			boolean replace = force;
			// the service's own work: there is no signed-in account on the command line
			return Access.asService(() -> restore ? restore(backups, file, replace) : backup(backups, file));
		}
	}

	private static int backup(Backups backups, Path file) {
		try {
			Backups.Result result = backups.backup(file, "system", "command");
			System.out.printf("已备份 Backed up: %s%n节点 nodes %d · 关系 relationships %d · %d 字节 bytes · %d ms%n",
					result.file(), result.nodes(), result.relationships(), result.bytes(), result.millis());
			return 0;
		}
		catch (BackupRefusedException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
	}

	private static int restore(Backups backups, Path file, boolean force) {
		try {
			Backups.Restored restored = backups.restore(file, force);
			System.out.printf(
					"已恢复 Restored: %s%n节点 nodes %d · 关系 relationships %d%s · %d ms%n校验和与数目相符 Checksum and counts verified%n",
					file, restored.nodes(), restored.relationships(),
					(restored.replaced() > 0)
							? " · 替换了原有的 %d 个节点 replaced %d nodes".formatted(restored.replaced(), restored.replaced())
							: "",
					restored.millis());
			return 0;
		}
		catch (BackupFileException | BackupRefusedException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
	}

}
