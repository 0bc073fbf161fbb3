package org.partynet.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partynet.PartynetApplication;
import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.partynet.support.ApplicationTest;
import org.partynet.support.HarnessTestSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk of the issue, as an operator would take it on the embedded default: the
 * service runs, {@code java -jar partynet.jar backup FILE} backs it up meanwhile (through
 * its Bolt port, since the service holds the store); stop, delete the data directory,
 * {@code restore FILE}, start again: the same figures. A restore refuses a store with a
 * network in it unless {@code --force}.
 */
@ApplicationTest
class BackupCommandTests {

	private static final String RENAMED = "GridBranch:GZ-DJ-C02-ZB01";

	@TempDir
	Path work;

	private Path dataDir() {
		return this.work.resolve("data");
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PartynetApplication.class).run("--server.port=0",
				"--partynet.embedded.bolt-port=0", "--partynet.embedded.data-dir=" + dataDir(),
				"--partynet.embedded.page-cache=32MB", "--partynet.backup.schedule=-");
	}

	private int command(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--partynet.embedded.data-dir=" + dataDir());
		all.add("--partynet.embedded.page-cache=32MB");
		return BackupCommand.run(PartynetApplication.class, all.toArray(new String[0]));
	}

	@Test
	void back_up_while_it_runs_stop_delete_the_data_restore_start_and_see_the_same_figures() throws IOException {
		Path file = this.work.resolve("partynet.jsonl.gz");
		Map<String, Object> before;
		try (ConfigurableApplicationContext service = start()) {
			String baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
			int bolt = service.getBean(EmbeddedNeo4jServer.class).getUri().getPort();
			rename(baseUrl, "东湖社区第一网格党支部（备份）");
			before = figures(baseUrl);
			assertThat(command("backup", file.toString(), "--partynet.embedded.bolt-port=" + bolt)).isZero();
			// the service goes on working after the backup
			rename(baseUrl, "东湖社区第一网格党支部（备份之后）");
		}
		assertThat(file).isRegularFile();
		deleteTree(dataDir());

		assertThat(command("restore", file.toString())).isZero();
		assertThat(command("restore", file.toString())).as("a store with a network in it").isEqualTo(1);
		assertThat(command("restore", file.toString(), "--force")).isZero();
		assertThat(command("restore", this.work.resolve("missing.jsonl.gz").toString())).isEqualTo(1);
		assertThat(command("restore")).isEqualTo(2);

		try (ConfigurableApplicationContext service = start()) {
			String baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
			// as backed up: the sample is not loaded again over it, and the later
			// rename is not in it
			assertThat(figures(baseUrl)).isEqualTo(before);
		}
	}

	private static Map<String, Object> figures(String baseUrl) {
		Map<String, Object> figures = HarnessTestSupport.graphQl(baseUrl, "orgdept")
			.document(
					"""
							{ networkStats { streetCommittees communityCommittees gridBranches buildingGroups buildingHeads grids buildings
							    commercialSites alliances partTimeMembers instructors partyMembers }
							  organization(id: "%s") { name version }
							  changes(first: 1) { totalCount } }"""
						.formatted(RENAMED))
			.execute()
			.path("")
			.entity(Map.class)
			.get();
		assertThat(figures).isNotEmpty();
		return figures;
	}

	private static void rename(String baseUrl, String name) {
		rename(baseUrl, RENAMED, name);
	}

	/** Renames an organization as the organization department, as the page would. */
	static void rename(String baseUrl, String id, String name) {
		var orgdept = HarnessTestSupport.graphQl(baseUrl, "orgdept");
		int version = orgdept.document("{ organization(id: \"%s\") { version } }".formatted(id))
			.execute()
			.path("organization.version")
			.entity(Integer.class)
			.get();
		orgdept.document("""
				mutation($input: UpdateOrganizationInput!) {
				  updateOrganization(input: $input) { errors { message } }
				}""")
			.variable("input", Map.of("id", id, "version", version, "name", name))
			.execute()
			.path("updateOrganization.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
