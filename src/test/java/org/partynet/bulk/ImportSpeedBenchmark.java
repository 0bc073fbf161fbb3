package org.partynet.bulk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed of a city-sized import (about 100,000 rows) on a Neo4j of its own: a generated workbook
 * checked (dry run) and then imported through {@link BulkImporter}, with the times printed. A
 * benchmark, not part of {@code mvn verify}: run with
 * {@code mvn -o -Dtest=ImportSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
class ImportSpeedBenchmark extends HarnessTestSupport {

	private static Neo4j neo4j;

	@Autowired
	private BulkImporter importer;

	@DynamicPropertySource
	static void ownContext(DynamicPropertyRegistry registry) {
		registry.add("partynet.test.own-database", () -> "import-speed");
	}

	@BeforeAll
	static void useOwnNeo4j() {
		neo4j = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(org.neo4j.configuration.connectors.BoltConnectorInternalSettings.enable_local_connector, false)
			.build();
		ownDatabase = neo4j;
	}

	@AfterAll
	static void useSharedNeo4jAgain() {
		ownDatabase = null;
		neo4j.close();
	}

	/** A city: {@code communities} communities of 20 grids of 10 buildings, with organizations, people and links. */
	static Map<String, List<Map<String, Object>>> city(int communities) {
		Map<String, List<Map<String, Object>>> sheets = new LinkedHashMap<>();
		List<Map<String, Object>> streets = new ArrayList<>(), comms = new ArrayList<>(), grids = new ArrayList<>(),
				buildings = new ArrayList<>(), orgs = new ArrayList<>(), people = new ArrayList<>(), roles = new ArrayList<>(),
				coverage = new ArrayList<>(), links = new ArrayList<>();
		streets.add(ImportFixture.row("code", "BJ-S", "name", "基准街道", "district", "GZ", "since", "2020-01-01"));
		orgs.add(ImportFixture.row("code", "BJ-S-DGW", "name", "基准街道党工委", "kind", "街道党工委"));
		coverage.add(ImportFixture.row("organization", "BJ-S-DGW", "relation", "管辖", "area", "BJ-S", "since", "2020-01-01"));
		int person = 0;
		for (int c = 1; c <= communities; c++) {
			String cc = "BJ-C" + c;
			comms.add(ImportFixture.row("code", cc, "name", "基准社区" + c, "street", "BJ-S", "since", "2020-01-01"));
			orgs.add(ImportFixture.row("code", cc + "-SQDW", "name", "基准社区党委" + c, "kind", "社区党委", "parent", "BJ-S-DGW",
					"since", "2020-01-01", "electedOn", "2023-01-01"));
			coverage.add(ImportFixture.row("organization", cc + "-SQDW", "relation", "管辖", "area", cc, "since", "2020-01-01"));
			for (int g = 1; g <= 20; g++) {
				String grid = cc + "-G" + g;
				String branch = cc + "-ZB" + g;
				grids.add(ImportFixture.row("code", grid, "name", "网格" + g, "community", cc, "since", "2020-01-01"));
				orgs.add(ImportFixture.row("code", branch, "name", "网格党支部" + g, "kind", "网格党支部", "parent", cc + "-SQDW",
						"since", "2020-01-01"));
				coverage.add(ImportFixture.row("organization", branch, "relation", "覆盖", "area", grid, "since", "2020-01-01"));
				for (int b = 1; b <= 10; b++) {
					String building = grid + "-B" + b;
					buildings.add(ImportFixture.row("code", building, "name", b + "号楼", "grid", grid, "since", "2020-01-01"));
					String code = "BJRY" + (++person);
					people.add(ImportFixture.row("code", code, "name", "人员" + person, "gender", (person % 2 == 0) ? "女" : "男",
							"phone", "000-0000-" + person));
					links.add(ImportFixture.row("from", code, "kind", "党员", "to", branch, "status", "正式", "since", "2010-07-01"));
					links.add(ImportFixture.row("from", code, "kind", "楼长", "to", building, "since", "2021-01-01"));
					if (b == 1) {
						roles.add(ImportFixture.row("person", code, "organization", branch, "role", "书记", "title", "书记", "since",
								"2021-03-01"));
					}
				}
			}
		}
		sheets.put("streets", streets);
		sheets.put("communities", comms);
		sheets.put("grids", grids);
		sheets.put("buildings", buildings);
		sheets.put("organizations", orgs);
		sheets.put("people", people);
		sheets.put("roles", roles);
		sheets.put("coverage", coverage);
		sheets.put("links", links);
		return sheets;
	}

	@Test
	void a_city_of_100k_rows() throws Exception {
		int communities = Integer.getInteger("bench.communities", 120);
		var city = city(communities);
		int rows = city.values().stream().mapToInt(List::size).sum();
		Path file = Files.createTempFile("partynet-city-", ".xlsx");
		try {
			Files.write(file, ImportFixture.xlsx(city));
			System.out.printf("city workbook: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
			long start = System.nanoTime();
			ImportResult dry = this.importer.importFile(file, "city.xlsx", true, ImportProgress.Listener.NONE);
			double drySeconds = (System.nanoTime() - start) / 1e9;
			assertThat(dry.errors()).isEmpty();
			assertThat(dry.created()).isEqualTo(rows);
			start = System.nanoTime();
			ImportResult real = this.importer.importFile(file, "city.xlsx", false, ImportProgress.Listener.NONE);
			double seconds = (System.nanoTime() - start) / 1e9;
			assertThat(real.created()).isEqualTo(rows);
			start = System.nanoTime();
			ImportResult again = this.importer.importFile(file, "city.xlsx", true, ImportProgress.Listener.NONE);
			double againSeconds = (System.nanoTime() - start) / 1e9;
			assertThat(again.unchanged()).isEqualTo(rows);
			System.out.printf("IMPORT BENCHMARK rows=%d dry-run=%.1fs import=%.1fs (%.0f rows/s) re-check=%.1fs heap used=%d MB%n",
					rows, drySeconds, seconds, rows / seconds, againSeconds,
					(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_000_000);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
