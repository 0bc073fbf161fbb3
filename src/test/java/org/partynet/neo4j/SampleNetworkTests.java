package org.partynet.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.partynet.support.HarnessTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample network holds the source's figures and the party rules, checked in Cypher.
 */
class SampleNetworkTests extends HarnessTestSupport {

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	Driver driver;

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	private List<String> codes(String cypher) {
		return this.neo4j.query(cypher).fetchAs(String.class).all().stream().toList();
	}

	@Test
	void the_source_figures() {
		assertThat(count("MATCH (n:StreetWorkingCommittee) RETURN count(n)")).isEqualTo(1);
		assertThat(count("MATCH (n:Community) RETURN count(n)")).isEqualTo(17);
		assertThat(count("MATCH (n:CommunityCommittee)-[:GOVERNS]->(:Community) RETURN count(DISTINCT n)"))
			.isEqualTo(17);
		// today's grids; 4 more are history (re-divided in 2021)
		assertThat(count("MATCH (:Community)-[h:HAS WHERE h.until IS NULL]->(n:Grid) RETURN count(n)")).isEqualTo(112);
		assertThat(count("MATCH (:Community)-[h:HAS WHERE h.until IS NOT NULL]->(n:Grid) RETURN count(n)"))
			.isEqualTo(4);
		assertThat(count("MATCH (n:GridBranch) RETURN count(n)")).isEqualTo(47);
		assertThat(count("MATCH (n:BuildingGroup) RETURN count(n)")).isEqualTo(106);
		assertThat(count("MATCH (n:Alliance) RETURN count(n)")).isEqualTo(3);
		assertThat(count("MATCH (n:Institution {kind: 'OFFICE'})-[:PART_OF]->(:Street) RETURN count(n)")).isEqualTo(5);
		assertThat(count("MATCH (n:Institution {kind: 'SERVICE_INSTITUTION'})-[:PART_OF]->(:Street) RETURN count(n)"))
			.isEqualTo(5);
	}

	@Test
	void grid_branches_cover_all_112_grids_each_inside_its_own_community() {
		assertThat(count("""
				MATCH (g:Grid) WHERE NOT EXISTS { (g)<-[r:COVERS WHERE r.until IS NULL]-(:GridBranch) }
				  AND NOT EXISTS { (g)<-[h:HAS WHERE h.until IS NOT NULL]-() }
				RETURN count(g)""")).isZero();
		assertThat(count("""
				MATCH (c:Community)<-[:GOVERNS]-(:CommunityCommittee)-[:LEADS]->(:GridBranch)-[:COVERS]->(g:Grid)
				WHERE NOT (c)-[:HAS]->(g)
				RETURN count(g)""")).isZero();
		assertThat(count("""
				MATCH (gb:GridBranch)-[:LEADS]->(:BuildingGroup)-[:COVERS]->(b:Building)
				WHERE NOT EXISTS { (gb)-[:COVERS]->(:Grid)-[:HAS]->(b) }
				RETURN count(b)""")).isZero();
		assertThat(count("MATCH (g:Grid) WHERE NOT EXISTS { (:Community)-[:HAS]->(g) } RETURN count(g)")).isZero();
	}

	@Test
	void every_branch_has_3_to_50_full_members_and_posts_filled_but_for_the_deliberate_findings() {
		List<Long> fullMembers = this.neo4j.query("""
				MATCH (gb:GridBranch)
				RETURN COUNT { (gb)<-[:MEMBER_OF {status: 'FULL'}]-(:Person) } AS full""")
			.fetchAs(Long.class)
			.all()
			.stream()
			.toList();
		assertThat(fullMembers).hasSize(47).allSatisfy(full -> assertThat(full).isBetween(3L, 50L));
		// every post filled and every head a member, but for the sample's deliberate
		// findings
		assertThat(codes("""
				MATCH (gb:GridBranch) WHERE NOT EXISTS { (gb)<-[h:HOLDS {role: 'SECRETARY'} WHERE h.until IS NULL]-() }
				RETURN gb.code""")).containsExactly("GZ-DJ-C12-ZB03");
		assertThat(
				codes("""
						MATCH (bg:BuildingGroup) WHERE NOT EXISTS { (bg)<-[h:HOLDS {role: 'GROUP_LEADER'} WHERE h.until IS NULL]-() }
						RETURN bg.code"""))
			.containsExactly("GZ-DJ-C07-ZB02-XZ02");
		assertThat(codes("""
				MATCH (p:Person)-[h:HEAD_OF WHERE h.until IS NULL]->(b)
				WHERE NOT EXISTS { (p)-[:MEMBER_OF]->(:GridBranch) }
				RETURN b.code""")).containsExactly("GZ-DJ-C03-G02-B01");
	}

	@Test
	void outside_units_of_every_category_take_part_through_every_kind_of_link() {
		assertThat(this.neo4j.query("""
				MATCH (p:Person)-[:HOLDS {role: 'PART_TIME_MEMBER'}]->(:CommunityCommittee)
				MATCH (p)-[:EMPLOYED_BY]->(u:Unit)
				RETURN DISTINCT u.category AS category""").fetchAs(String.class).all()).containsExactlyInAnyOrder(
				"AGENCY", "ENTERPRISE_INSTITUTION", "PROPERTY_MANAGEMENT", "NON_PUBLIC_ENTERPRISE",
				"SOCIAL_ORGANIZATION");
		assertThat(count("MATCH (:Unit)-[r:CO_BUILDS]->(:CommunityCommittee) RETURN count(r)")).isPositive();
		assertThat(count("MATCH (:Unit)-[r:REGISTERED_AT]->(:Community) RETURN count(r)")).isPositive();
		assertThat(count("MATCH (:Person)-[r:REGISTERED_AT]->(:Community) RETURN count(r)")).isPositive();
		assertThat(count("MATCH (:Unit)-[r:MEMBER_OF]->(:Alliance) RETURN count(r)")).isPositive();
		assertThat(count("MATCH (:Person)-[r:INSTRUCTS]->(:CommercialBuilding|Market) RETURN count(r)")).isPositive();
		assertThat(count("MATCH (:Person)-[r:WORKS_FOR]->(:Grid) RETURN count(r)")).isEqualTo(112 - 3);
		// every link of the network says since when it holds (Neo4j-Migrations' own do
		// not)
		assertThat(count("MATCH (a)-[r]->() WHERE r.since IS NULL AND NOT a:__Neo4jMigration RETURN count(r)"))
			.isZero();
	}

	@Test
	void people_are_made_up_and_say_so() {
		assertThat(count("MATCH (p:Person) WHERE NOT p.phone STARTS WITH '000-' RETURN count(p)")).isZero();
		assertThat(count("MATCH (d:Dataset {code: 'SAMPLE', sample: true}) RETURN count(d)")).isEqualTo(1);
		assertThat(count("MATCH (n) WHERE n.seq IS NOT NULL RETURN count(n)")).isZero();
	}

	@Test
	void loading_again_changes_nothing() {
		long before = count("MATCH (n) RETURN count(n)");
		DatabaseSetup.run(this.driver, true);
		assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(before);
	}

	@Test
	void migrations_created_a_code_constraint_for_every_label() {
		List<String> labels = this.neo4j.query("CALL db.labels() YIELD label RETURN label")
			.fetchAs(String.class)
			.all()
			.stream()
			.filter(label -> !label.startsWith("__Neo4jMigration"))
			// an import journal's undo entries live only while it runs (V0004 indexes
			// them)
			.filter(label -> !label.equals("ImportJournalEntry"))
			.toList();
		List<Map<String, Object>> constraints = this.neo4j.query(
				"SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes, properties")
			.fetch()
			.all()
			.stream()
			.toList();
		// The audit trail's records (V0003) and the import journals (V0004) are keyed by
		// a UUID, accounts (V0005) by their user name in lower case, leases (V0006) by
		// their name, sign-in failures (V0007) by their kind and name, the backup gate
		// and schedule
		// (V0008) by their name, every other label
		// by its code.
		assertThat(labels).isNotEmpty()
			.allSatisfy(
					label -> assertThat(constraints)
						.anySatisfy(c -> assertThat(c).containsEntry("labelsOrTypes", List.of(label))
							.containsEntry("properties", List.of(Set.of("Account", "SignInFailure").contains(label)
									? "key" : Set.of("Lease", "BackupGate", "BackupSchedule").contains(label) ? "name"
											: Set.of("Change", "ImportJournal").contains(label) ? "id" : "code"))));
		assertThat(constraints).anySatisfy(c -> assertThat(c).containsEntry("labelsOrTypes", List.of("Change"))
			.containsEntry("properties", List.of("id")));
	}

	@Test
	void statements_split_at_semicolons_that_end_a_line_and_drop_comments() {
		assertThat(DatabaseSetup.statements("""
				// a comment; with a semicolon
				CREATE (:A {name: 'x;y'});
				MATCH (n)
				RETURN n;
				""")).containsExactly("CREATE (:A {name: 'x;y'})", "MATCH (n)\nRETURN n");
	}

}
