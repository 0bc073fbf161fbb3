package org.partynet.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backup file: gzip-compressed JSON lines, readable with {@code zcat} and any JSON
 * tool. The first line says what it is ({@code {"partynet":"backup","format":1,
 * "schema":"0008",...}}); then one line per node
 * ({@code {"n":id,"l":[labels],"p":{...}}}), then one per relationship
 * ({@code {"r":type,"a":from,"b":to,"p":{...}}}); the last line holds the counts and the
 * SHA-256 of every line before it
 * ({@code {"end":{"nodes":N,"relationships":M,"sha256":"..."}}}), so that a file cut
 * short or changed is known before anything is restored. Ids are the backed-up database's
 * own and mean nothing elsewhere. Property values keep their type ({@link BackupValues}).
 */
final class BackupFile {

	static final int FORMAT = 1;

	private static final JsonMapper json = JsonMapper.builder().build();

	private BackupFile() {
	}

	/** What the first line says. */
	record Header(int format, String schema, String taken, String instance) {
	}

	/** What the last line says, and what reading the file found. */
	record Summary(Header header, long nodes, long relationships, String sha256) {
	}

	/** Writes one backup, line by line, to a stream it closes at the end. */
	static final class Out implements AutoCloseable {

		private final Writer writer;

		private final MessageDigest digest = sha256();

		private long nodes;

		private long relationships;

		Out(OutputStream target, Header header) {
			this.writer = new BufferedWriter(new OutputStreamWriter(gzip(target), StandardCharsets.UTF_8), 1 << 16);
			ObjectNode line = json.createObjectNode();
			line.put("partynet", "backup");
			line.put("format", header.format());
			line.put("schema", header.schema());
			line.put("taken", header.taken());
			line.put("instance", header.instance());
			write(line);
		}

		void node(String id, List<String> labels, Map<String, Object> properties) {
			ObjectNode line = json.createObjectNode();
			line.put("n", id);
			labels.forEach(line.putArray("l")::add);
			line.set("p", BackupValues.properties(properties));
			write(line);
			this.nodes++;
		}

		void relationship(String type, String from, String to, Map<String, Object> properties) {
			ObjectNode line = json.createObjectNode();
			line.put("r", type);
			line.put("a", from);
			line.put("b", to);
			line.set("p", BackupValues.properties(properties));
			write(line);
			this.relationships++;
		}

		/** Writes the last line and closes the file. */
		Summary finish(Header header) {
			String sha = HexFormat.of().formatHex(this.digest.digest());
			ObjectNode end = json.createObjectNode();
			ObjectNode counts = end.putObject("end");
			counts.put("nodes", this.nodes);
			counts.put("relationships", this.relationships);
			counts.put("sha256", sha);
			try {
				this.writer.write(json.writeValueAsString(end));
				this.writer.write('\n');
				this.writer.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Summary(header, this.nodes, this.relationships, sha);
		}

		private void write(ObjectNode line) {
			String text = json.writeValueAsString(line) + "\n";
			this.digest.update(text.getBytes(StandardCharsets.UTF_8));
			try {
				this.writer.write(text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.writer.close();
			}
			catch (IOException ex) {
				// closing after a failure: the failure is what the caller reports
			}
		}

	}

	/** One line of the file between the first and the last. */
	sealed interface Entry {

	}

	record Node(String id, List<String> labels, Map<String, Object> properties) implements Entry {
	}

	record Relationship(String type, String from, String to, Map<String, Object> properties) implements Entry {
	}

	/**
	 * Reads the whole file, handing each node and relationship to {@code entries} in
	 * order, and checks its last line: the counts and the checksum. With a consumer that
	 * does nothing, this checks a file before it is restored.
	 * @throws BackupFileException when the file is not a backup, is cut short or changed
	 */
	static Summary read(Path file, Consumer<Entry> entries) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Summary read(InputStream in, Consumer<Entry> entries) {
		MessageDigest digest = sha256();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
			String first = reader.readLine();
			JsonNode head = (first == null) ? null : parse(first, 1);
			if (head == null || !"backup".equals(head.path("partynet").asString(null))) {
				throw new BackupFileException("这不是 partynet 的备份文件 / Not a partynet backup file");
			}
			if (head.path("format").asInt() != FORMAT) {
				throw new BackupFileException("备份格式 %s 不是本版本能读的格式 %d / Backup format %s: this release reads format %d"
					.formatted(head.path("format"), FORMAT, head.path("format"), FORMAT));
			}
			Header header = new Header(FORMAT, head.path("schema").asString(null), head.path("taken").asString(null),
					head.path("instance").asString(null));
			digest.update((first + "\n").getBytes(StandardCharsets.UTF_8));
			long nodes = 0;
			long relationships = 0;
			long number = 1;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				JsonNode entry = parse(line, number);
				if (entry.has("end")) {
					JsonNode end = entry.get("end");
					String expected = end.path("sha256").asString("");
					String actual = HexFormat.of().formatHex(digest.digest());
					if (!expected.equals(actual) || end.path("nodes").asLong(-1) != nodes
							|| end.path("relationships").asLong(-1) != relationships || reader.readLine() != null) {
						throw new BackupFileException(
								"备份文件已损坏：校验和或数目不符 / The backup file is damaged: its checksum or counts do not match");
					}
					return new Summary(header, nodes, relationships, actual);
				}
				digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
				if (entry.has("n")) {
					nodes++;
					entries.accept(new Node(entry.get("n").asString(), strings(entry.path("l")),
							BackupValues.readProperties(entry.path("p"))));
				}
				else if (entry.has("r")) {
					relationships++;
					entries.accept(new Relationship(entry.get("r").asString(), entry.path("a").asString(),
							entry.path("b").asString(), BackupValues.readProperties(entry.path("p"))));
				}
				else {
					throw new BackupFileException(
							"备份文件第 %d 行无法识别 / Line %d of the backup file is neither a node nor a relationship"
								.formatted(number, number));
				}
			}
			throw new BackupFileException(
					"备份文件不完整（缺少结尾行），可能在写入时中断 / The backup file is incomplete (no last line): it was cut short");
		}
		catch (ZipException ex) {
			throw new BackupFileException(
					"备份文件不是完整的 gzip 文件 / The backup file is not a whole gzip file: " + ex.getMessage());
		}
		catch (java.io.EOFException ex) {
			throw new BackupFileException("备份文件不完整，可能在写入时中断 / The backup file is cut short");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode parse(String line, long number) {
		try {
			return json.readTree(line);
		}
		catch (JacksonException ex) {
			throw new BackupFileException(
					"备份文件第 %d 行不是 JSON / Line %d of the backup file is not JSON".formatted(number, number));
		}
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new java.util.ArrayList<>(array.size());
		array.forEach(element -> strings.add(element.asString()));
		return strings;
	}

	private static OutputStream gzip(OutputStream target) {
		try {
			return new GZIPOutputStream(target, 1 << 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
