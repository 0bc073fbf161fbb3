package org.partynet.backup;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.partynet.shared.LeaseQueries;
import org.partynet.support.GraphDump;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.InProcessNeo4j;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backups and restores on a database of the class's own, with the sample network in it: a
 * backup restored gives back the same graph, every property with its type; a file cut
 * short, changed or of another kind is refused before anything is written; writes wait
 * while a backup reads, so that it holds none of them; the page's button, the directory's
 * retention and the daily schedule's claim, which several instances share.
 */
class BackupRestoreTests extends HarnessTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Path DIRECTORY = temporaryDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "backups");
		registry.add("partynet.backup.directory", DIRECTORY::toString);
		registry.add("partynet.backup.retention", () -> "2");
	}

	@Autowired
	private Backups backups;

	@Autowired
	private BackupQueries queries;

	@Autowired
	private BackupSchedule schedule;

	@Autowired
	private LeaseQueries leases;

	private static Driver driver() {
		return InProcessNeo4j.driver(InProcessNeo4j.own("backups"));
	}

	@Test
	void a_backup_restored_gives_back_the_same_graph_and_a_store_with_a_network_needs_force() throws IOException {
		rename("GridBranch:GZ-DJ-C02-ZB01", "东湖社区第一网格党支部（备份前）");
		List<String> before = GraphDump.of(driver());
		Path file = Files.createTempFile(DIRECTORY.getParent(), "backup-", ".jsonl.gz");
		Backups.Result result = this.backups.backup(file, "orgdept", "command");

		List<JsonNode> lines = lines(file);
		assertThat(lines.get(0).path("partynet").asString()).isEqualTo("backup");
		assertThat(lines.get(0).path("schema").asString()).isEqualTo("0008");
		JsonNode end = lines.get(lines.size() - 1).path("end");
		assertThat(end.path("nodes").asLong()).isEqualTo(result.nodes()).isPositive();
		assertThat(end.path("relationships").asLong()).isEqualTo(result.relationships()).isPositive();
		assertThat(end.path("sha256").asString()).hasSize(64);
		// the audit trail is in it, and none of the service's bookkeeping
		assertThat(lines).anySatisfy(line -> assertThat(line.path("l").toString()).contains("\"Change\""));
		assertThat(lines).noneSatisfy(
				line -> assertThat(line.path("l").toString()).containsAnyOf("Lease", "BackupGate", "__Neo4jMigration"));
		assertThat(Files.getPosixFilePermissions(file)).hasSize(2);

		assertThatThrownBy(() -> this.backups.restore(file, false)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("--force");
		assertThat(GraphDump.of(driver())).isEqualTo(before);

		Backups.Restored restored = this.backups.restore(file, true);
		assertThat(restored.nodes()).isEqualTo(result.nodes());
		assertThat(restored.relationships()).isEqualTo(result.relationships());
		assertThat(restored.replaced()).isEqualTo(result.nodes());
		assertThat(GraphDump.of(driver())).isEqualTo(before);
		try (var session = driver().session()) {
			assertThat(session.run("MATCH (n:__Restoring) RETURN count(n) AS n").single().get("n").asLong()).isZero();
			assertThat(session.run("SHOW INDEXES YIELD name WHERE name = 'partynet_restore' RETURN count(*) AS n")
				.single()
				.get("n")
				.asLong()).isZero();
		}
		// and the service reads and writes the restored network
		graphQl().document("{ organization(id: \"GridBranch:GZ-DJ-C02-ZB01\") { name } }")
			.execute()
			.path("organization.name")
			.entity(String.class)
			.isEqualTo("东湖社区第一网格党支部（备份前）");
		rename("GridBranch:GZ-DJ-C02-ZB01", "东湖社区第一网格党支部");
	}

	@Test
	void a_file_cut_short_changed_or_not_a_backup_is_refused_before_anything_is_written() throws IOException {
		Path file = Files.createTempFile(DIRECTORY.getParent(), "backup-", ".jsonl.gz");
		this.backups.backup(file, "orgdept", "command");
		List<String> before = GraphDump.of(driver());
		byte[] whole = Files.readAllBytes(file);

		Path cut = Files.write(Files.createTempFile("cut-", ".gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
		assertThatThrownBy(() -> this.backups.restore(cut, true)).isInstanceOf(BackupFileException.class)
			.hasMessageContaining("不完整");

		String text = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(whole)).readAllBytes(),
				StandardCharsets.UTF_8);
		Path changed = Files.write(Files.createTempFile("changed-", ".gz"), gzip(text.replaceFirst("东湖社区", "西湖社区")));
		assertThatThrownBy(() -> this.backups.restore(changed, true)).isInstanceOf(BackupFileException.class)
			.hasMessageContaining("校验和");

		Path other = Files.write(Files.createTempFile("other-", ".gz"), gzip("{\"hello\": 1}\n"));
		assertThatThrownBy(() -> this.backups.restore(other, true)).isInstanceOf(BackupFileException.class)
			.hasMessageContaining("不是 partynet 的备份文件");
		Path plain = Files.writeString(Files.createTempFile("plain-", ".txt"), "not even gzip");
		assertThatThrownBy(() -> this.backups.restore(plain, true)).isInstanceOf(BackupFileException.class);

		// a whole file, its checksum right, of a schema this release does not run
		Path newer = Files.write(Files.createTempFile("newer-", ".gz"),
				gzip(resealed(text.replaceFirst("\"schema\":\"0008\"", "\"schema\":\"0099\""))));
		assertThatThrownBy(() -> this.backups.restore(newer, true)).isInstanceOf(BackupFileException.class)
			.hasMessageContaining("结构版本是 0099");
		assertThat(GraphDump.of(driver())).isEqualTo(before);
	}

	@Test
	void writes_and_imports_wait_while_a_backup_reads_and_the_backup_holds_none_of_them() throws Exception {
		CountDownLatch read = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// Closed at the backup's end, inside its transaction, after it has read
		// everything: it waits there while the test writes.
		OutputStream held = new FilterOutputStream(bytes) {
			@Override
			public void close() throws IOException {
				read.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				super.close();
			}
		};
		BackupFile.Header header = new BackupFile.Header(BackupFile.FORMAT, "0008", Instant.now().toString(),
				LeaseQueries.INSTANCE);
		CompletableFuture<BackupFile.Summary> backup = CompletableFuture.supplyAsync(() -> {
			signInAs("orgdept", "ROLE_ORG_DEPT");
			return this.queries.backup(new BackupFile.Out(held, header), header);
		});
		assertThat(read.await(60, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> write = CompletableFuture
			.runAsync(() -> rename("GridBranch:GZ-DJ-C02-ZB02", "东湖社区第二网格党支部（备份中）"));
		Thread.sleep(1500);
		assertThat(write).as("the write waits for the backup").isNotDone();
		release.countDown();
		backup.get(60, TimeUnit.SECONDS);
		write.get(60, TimeUnit.SECONDS);

		String text = new String(
				new GZIPInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(text).contains("东湖社区第二网格党支部").doesNotContain("备份中");
		rename("GridBranch:GZ-DJ-C02-ZB02", "东湖社区第二网格党支部");
	}

	@Test
	void an_import_is_refused_while_a_backup_holds_the_lease() throws Exception {
		LeaseQueries.Lease lease = leaseAsBackup();
		try {
			MultipartBodyBuilder parts = new MultipartBodyBuilder();
			parts.part("file", new ByteArrayResource("a,b\n".getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return "x.csv";
				}
			}).contentType(MediaType.TEXT_PLAIN);
			web().post()
				.uri("/import?dryRun=true")
				.body(BodyInserters.fromMultipartData(parts.build()))
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].message")
				.value(message -> assertThat((String) message).contains("备份正在进行"));
			assertThatThrownBy(() -> this.backups.backupToDirectory("orgdept", "button"))
				.isInstanceOf(BackupRefusedException.class)
				.hasMessageContaining("另一个备份正在进行");
		}
		finally {
			lease.close();
		}
	}

	@Test
	void the_button_backs_up_into_the_directory_keeping_the_newest_and_only_the_org_dept_may() {
		for (int i = 0; i < 3; i++) {
			web().post()
				.uri("/admin/backups/run")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.ok")
				.isEqualTo(true);
		}
		Map<?, ?> status = web().get()
			.uri("/admin/backups/status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<?> files = (List<?>) status.get("files");
		assertThat(files).as("partynet.backup.retention=2").hasSize(2);
		String name = (String) ((Map<?, ?>) files.get(0)).get("name");
		byte[] downloaded = web().get()
			.uri("/admin/backups/files/" + name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment.*" + name + ".*")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(BackupFile.read(new java.io.ByteArrayInputStream(downloaded), entry -> {
		}).nodes()).isPositive();
		web().get().uri("/admin/backups/files/..%2F..%2Fetc%2Fpasswd").exchange().expectStatus().is4xxClientError();
		web().get()
			.uri("/admin/backups/files/partynet-20000101-000000.jsonl.gz")
			.exchange()
			.expectStatus()
			.isNotFound();
		for (String user : List.of("viewer", "secretary")) {
			web(user).post().uri("/admin/backups/run").exchange().expectStatus().isForbidden();
			web(user).get().uri("/admin/backups/status").exchange().expectStatus().isForbidden();
			web(user).get().uri("/admin/backups/files/" + name).exchange().expectStatus().isForbidden();
			web(user).get().uri("/admin/backups").exchange().expectStatus().isForbidden();
		}
		web().get()
			.uri("/admin/backups")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("立即备份"));
	}

	@Test
	void the_daily_backup_runs_once_a_day_on_one_instance_and_records_its_run_in_the_database() {
		signInAs("nobody");
		assertThat(org.partynet.security.Access.asService(this.schedule::run)).isTrue();
		// a second instance firing at the same time (or this one again) leaves it
		assertThat(org.partynet.security.Access.asService(this.schedule::run)).isFalse();
		BackupQueries.ScheduledRun run = org.partynet.security.Access
			.asService(() -> this.queries.lastScheduledRun().orElseThrow());
		assertThat(run.outcome()).isEqualTo("ok");
		assertThat(run.instance()).isEqualTo(LeaseQueries.INSTANCE);
		assertThat(DIRECTORY.resolve(run.file())).exists();
		assertThat(run.nodes()).isPositive();
		signInAs("orgdept", "ROLE_ORG_DEPT");
		Map<?, ?> status = web().get()
			.uri("/admin/backups/status")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> lastRun = (Map<?, ?>) status.get("lastRun");
		assertThat(lastRun.get("outcome")).isEqualTo("ok");
		assertThat(lastRun.get("file")).isEqualTo(run.file());
	}

	private LeaseQueries.Lease leaseAsBackup() {
		return this.leases.acquire(LeaseQueries.BULK, "backup", java.time.Duration.ofMinutes(1)).orElseThrow();
	}

	private void rename(String id, String name) {
		BackupCommandTests.rename(baseUrl(), id, name);
	}

	private static List<JsonNode> lines(Path file) throws IOException {
		try (var in = new GZIPInputStream(Files.newInputStream(file))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(json::readTree).toList();
		}
	}

	// The lines with a new last line: their counts and checksum as the file now is.
	private static String resealed(String text) {
		List<String> lines = text.lines().toList();
		List<String> body = lines.subList(0, lines.size() - 1);
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			body.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
			long nodes = body.stream().filter(line -> line.startsWith("{\"n\"")).count();
			long relationships = body.stream().filter(line -> line.startsWith("{\"r\"")).count();
			return String.join("\n", body) + "\n" + "{\"end\":{\"nodes\":%d,\"relationships\":%d,\"sha256\":\"%s\"}}\n"
				.formatted(nodes, relationships, java.util.HexFormat.of().formatHex(digest.digest()));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("partynet-backups-").resolve("backups");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
