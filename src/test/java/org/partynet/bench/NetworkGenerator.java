package org.partynet.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.neo4j.driver.Driver;

/**
 * A synthetic network of the sample's shape at any size, deterministic from a seed,
 * loaded through batched Cypher ({@code UNWIND}) over Bolt into a database whose
 * migrations have run. Codes start with {@code X} so that a generated network never
 * collides with the sample.
 *
 * <p>
 * Presets: {@code district} (one street of 17 communities, about the sample),
 * {@code city} (30 streets, about 92,000 nodes) and {@code province} (320 streets, about
 * 1,000,000 nodes).
 */
public final class NetworkGenerator {

	private static final int BATCH = 5_000;

	private static final String[] CATEGORIES = { "AGENCY", "ENTERPRISE_INSTITUTION", "PROPERTY_MANAGEMENT",
			"NON_PUBLIC_ENTERPRISE", "SOCIAL_ORGANIZATION" };

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文红建国志海云春梅鹏辉斌宁琳";

	/**
	 * The size of a network: counts per level, each drawn uniformly from
	 * {@code [min, max]}.
	 */
	record Preset(String name, int streets, int[] communities, int[] grids, int[] buildings, int[] members,
			int unitsPerStreet, int sitesPerStreet) {

		static Preset of(String name) {
			return switch (name) {
				case "district" -> new Preset(name, 1, new int[] { 17, 17 }, new int[] { 6, 7 }, new int[] { 3, 7 },
						new int[] { 8, 45 }, 20, 7);
				case "city" -> new Preset(name, 30, new int[] { 10, 14 }, new int[] { 6, 10 }, new int[] { 8, 16 },
						new int[] { 20, 60 }, 40, 8);
				case "province" -> new Preset(name, 320, new int[] { 10, 14 }, new int[] { 6, 10 }, new int[] { 8, 16 },
						new int[] { 20, 60 }, 40, 8);
				default -> throw new IllegalArgumentException("Unknown preset " + name + " (district, city, province)");
			};
		}

	}

	/**
	 * What was generated: counts and a few codes of each kind, for benchmarks to pick
	 * from.
	 */
	record Result(int nodes, int relationships, double seconds, Map<String, List<String>> ids) {
	}

	/**
	 * Loads a generated network into any Neo4j whose migrations have run (the service's
	 * embedded default, or an external server):
	 * {@code NetworkGenerator <preset> [bolt uri] [user] [password] [seed]}; prints its
	 * speed.
	 */
	public static void main(String[] args) {
		String preset = (args.length > 0) ? args[0] : "city";
		String uri = (args.length > 1) ? args[1] : "bolt://localhost:7687";
		var auth = (args.length > 3) ? org.neo4j.driver.AuthTokens.basic(args[2], args[3])
				: org.neo4j.driver.AuthTokens.none();
		long seed = (args.length > 4) ? Long.parseLong(args[4]) : 42;
		try (Driver driver = org.neo4j.driver.GraphDatabase.driver(uri, auth)) {
			Result result = new NetworkGenerator(seed).load(Preset.of(preset), driver);
			System.out.printf("%s: %,d nodes and %,d relationships in %.1f s (%,.0f nodes/s)%n", preset, result.nodes(),
					result.relationships(), result.seconds(), result.nodes() / result.seconds());
		}
	}

	private final Random random;

	private final Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();

	private final Map<String, List<Map<String, Object>>> relationships = new LinkedHashMap<>();

	private final Map<String, List<String>> ids = new HashMap<>();

	private int people;

	NetworkGenerator(long seed) {
		this.random = new Random(seed);
	}

	Result load(Preset preset, Driver driver) {
		long started = System.nanoTime();
		generate(preset);
		int nodeCount = 0, relationshipCount = 0;
		for (var entry : this.nodes.entrySet()) {
			String labels = entry.getKey();
			nodeCount += batches(driver, "UNWIND $rows AS r CREATE (n:%s) SET n = r".formatted(labels),
					entry.getValue());
		}
		for (var entry : this.relationships.entrySet()) {
			String[] key = entry.getKey().split(" ");
			relationshipCount += batches(driver, """
					UNWIND $rows AS r
					MATCH (a:%s {code: r.a}), (b:%s {code: r.b})
					CREATE (a)-[x:%s]->(b) SET x = r.p, x.since = date('2020-01-01')
					""".formatted(key[0], key[2], key[1]), entry.getValue());
		}
		return new Result(nodeCount, relationshipCount, (System.nanoTime() - started) / 1e9, this.ids);
	}

	private void generate(Preset p) {
		node("District:Area", "X", "生成市");
		for (int s = 1; s <= p.streets(); s++) {
			String street = "X-S" + s;
			node("Street:Area", street, "第" + s + "街道");
			node("StreetWorkingCommittee:PartyOrganization", street + "-DGW", "第" + s + "街道党工委");
			rel("District HAS Street", "X", street);
			rel("StreetWorkingCommittee GOVERNS Street", street + "-DGW", street);
			secretary(street + "-DGW", "StreetWorkingCommittee");
			List<String> units = new ArrayList<>();
			for (int u = 1; u <= p.unitsPerStreet(); u++) {
				String unit = street + "-U" + u;
				units.add(unit);
				node("Unit", unit, "第" + s + "街道驻区单位" + u, Map.of("category", CATEGORIES[u % CATEGORIES.length]));
			}
			List<String> sites = new ArrayList<>();
			int communities = between(p.communities());
			for (int c = 1; c <= communities; c++) {
				String community = street + "-C" + c;
				String committee = community + "-SQDW";
				node("Community:Area", community, "第" + s + "街道第" + c + "社区");
				node("CommunityCommittee:PartyOrganization", committee, "第" + s + "街道第" + c + "社区党委",
						Map.of("electedOn", java.time.LocalDate.of(2022, 1, 1)));
				rel("Street HAS Community", street, community);
				rel("StreetWorkingCommittee LEADS CommunityCommittee", street + "-DGW", committee);
				rel("CommunityCommittee GOVERNS Community", committee, community);
				secretary(committee, "CommunityCommittee");
				for (int k = 0, n = 1 + this.random.nextInt(3); k < n; k++) {
					String unit = units.get(this.random.nextInt(units.size()));
					String person = person(null);
					rel("Person EMPLOYED_BY Unit", person, unit);
					rel("Person HOLDS CommunityCommittee", person, committee,
							Map.of("role", "PART_TIME_MEMBER", "title", "兼职委员"));
				}
				rel("Unit CO_BUILDS CommunityCommittee", units.get(this.random.nextInt(units.size())), committee);
				rel("Unit REGISTERED_AT Community", units.get(this.random.nextInt(units.size())), community);
				String registered = person(null);
				rel("Person EMPLOYED_BY Unit", registered, units.get(this.random.nextInt(units.size())));
				rel("Person REGISTERED_AT Community", registered, community);
				int grids = between(p.grids());
				List<String> gridCodes = new ArrayList<>();
				for (int g = 1; g <= grids; g++) {
					String grid = community + "-G" + g;
					gridCodes.add(grid);
					node("Grid:Area", grid, "第" + c + "社区第" + g + "网格");
					rel("Community HAS Grid", community, grid);
					rel("Person WORKS_FOR Grid", person(null), grid);
				}
				int branches = Math.max(1, (int) Math.round(grids / 2.5));
				for (int b = 1; b <= branches; b++) {
					String branch = community + "-ZB" + b;
					node("GridBranch:PartyOrganization", branch, "第" + c + "社区第" + b + "网格党支部",
							Map.of("electedOn", java.time.LocalDate.of(2023, 3, 1)));
					rel("CommunityCommittee LEADS GridBranch", committee, branch);
					List<String> members = new ArrayList<>();
					for (int m = 0, n = between(p.members()); m < n; m++) {
						members.add(person(branch));
					}
					rel("Person HOLDS GridBranch", members.get(0), branch, Map.of("role", "SECRETARY", "title", "书记"));
					List<String> buildings = new ArrayList<>();
					for (int g = b - 1; g < grids; g += branches) {
						String grid = gridCodes.get(g);
						rel("GridBranch COVERS Grid", branch, grid);
						for (int k = 1, n = between(p.buildings()); k <= n; k++) {
							String building = grid + "-B" + k;
							buildings.add(building);
							node("Building:Area", building, "第" + g + "网格" + k + "号楼");
							rel("Grid HAS Building", grid, building);
							rel("Person HEAD_OF Building", members.get(this.random.nextInt(members.size())), building);
						}
					}
					int groups = 2 + this.random.nextInt(2);
					for (int x = 1; x <= groups; x++) {
						String group = branch + "-XZ" + x;
						node("BuildingGroup:PartyOrganization", group, "第" + b + "支部第" + x + "党小组");
						rel("GridBranch LEADS BuildingGroup", branch, group);
						rel("Person HOLDS BuildingGroup", members.get(x % members.size()), group,
								Map.of("role", "GROUP_LEADER", "title", "党小组组长"));
						for (int k = x - 1; k < buildings.size(); k += groups) {
							rel("BuildingGroup COVERS Building", group, buildings.get(k));
						}
					}
				}
				if (sites.size() < p.sitesPerStreet()) {
					String site = street + "-SL" + (sites.size() + 1);
					sites.add(site);
					node("CommercialBuilding:Area", site, "第" + s + "街道商务楼宇" + sites.size());
					rel("Grid HAS CommercialBuilding", gridCodes.get(0), site);
					rel("Person INSTRUCTS CommercialBuilding", person(null), site);
				}
			}
			for (int a = 1; a <= 2; a++) {
				String alliance = street + "-LM" + a;
				node("Alliance", alliance, "第" + s + "街道党建联盟" + a);
				rel("StreetWorkingCommittee LEADS Alliance", street + "-DGW", alliance);
				for (int k = a - 1; k < sites.size(); k += 2) {
					rel("Alliance COVERS CommercialBuilding", alliance, sites.get(k));
				}
				for (int k = 0; k < 5; k++) {
					rel("Unit MEMBER_OF Alliance", units.get((a * 7 + k * 3) % units.size()), alliance);
				}
			}
		}
	}

	private void secretary(String organization, String label) {
		String person = person(null);
		rel("Person MEMBER_OF " + label, person, organization, Map.of("status", "FULL"));
		rel("Person HOLDS " + label, person, organization, Map.of("role", "SECRETARY", "title", "书记"));
	}

	/** A new person; a party member of {@code branch} when given. */
	private String person(String branch) {
		String code = "X-P" + (++this.people);
		String name = "" + SURNAMES.charAt(this.random.nextInt(SURNAMES.length()))
				+ GIVEN.charAt(this.random.nextInt(GIVEN.length()))
				+ (this.random.nextBoolean() ? "" : GIVEN.charAt(this.random.nextInt(GIVEN.length())));
		node("Person", code, name);
		if (branch != null) {
			rel("Person MEMBER_OF GridBranch", code, branch,
					Map.of("status", this.random.nextInt(10) == 0 ? "PROBATIONARY" : "FULL"));
		}
		return code;
	}

	private void node(String labels, String code, String name) {
		node(labels, code, name, Map.of());
	}

	private void node(String labels, String code, String name, Map<String, Object> properties) {
		Map<String, Object> row = new HashMap<>(properties);
		row.put("code", code);
		row.put("name", name);
		this.nodes.computeIfAbsent(labels, key -> new ArrayList<>()).add(row);
		List<String> sample = this.ids.computeIfAbsent(labels.split(":")[0], key -> new ArrayList<>());
		sample.add(labels.split(":")[0] + ":" + code);
	}

	private void rel(String key, String from, String to) {
		rel(key, from, to, Map.of());
	}

	private void rel(String key, String from, String to, Map<String, Object> properties) {
		this.relationships.computeIfAbsent(key, k -> new ArrayList<>())
			.add(Map.of("a", from, "b", to, "p", properties));
	}

	private int between(int[] range) {
		return range[0] + this.random.nextInt(range[1] - range[0] + 1);
	}

	private static int batches(Driver driver, String cypher, List<Map<String, Object>> rows) {
		for (int i = 0; i < rows.size(); i += BATCH) {
			driver.executableQuery(cypher)
				.withParameters(Map.of("rows", rows.subList(i, Math.min(rows.size(), i + BATCH))))
				.execute();
		}
		return rows.size();
	}

}
