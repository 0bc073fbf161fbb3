package org.partynet.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partynet.support.InProcessNeo4j;
import org.partynet.support.QueryTestSupport;
import org.neo4j.harness.Neo4j;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule on a small fixture made to break it, in a Neo4j of its own: one community
 * whose branches and groups each break one rule.
 */
class HealthFixtureTests extends QueryTestSupport {

	static Neo4j neo4j;

	static HealthQueries queries;

	static final LocalDate DAY = LocalDate.of(2026, 11, 29);

	@BeforeAll
	static void fixture() {
		neo4j = InProcessNeo4j.withFixture(
				"""
						CREATE (d:District:Area {code: 'T'})-[:HAS {since: date('2019-01-01')}]->(c:Community:Area {code: 'T-C', name: '测试社区'})
						CREATE (cc:CommunityCommittee:PartyOrganization {code: 'T-CC', name: '测试社区党委', electedOn: date('2024-01-01')})
						CREATE (cc)-[:GOVERNS {since: date('2019-01-01')}]->(c)
						WITH c, cc
						UNWIND [
						  // code, full, probationary, committee titles (first is the secretary), joint units, elected on
						  ['SMALL', 2, 0, ['书记'], 0, '2025-01-01'],
						  ['GENERAL', 60, 0, ['书记', '组织委员', '宣传委员', '纪检委员'], 0, '2025-01-01'],
						  ['GRASSROOTS', 120, 0, ['书记', '组织委员', '宣传委员', '纪检委员'], 0, '2025-01-01'],
						  ['JOINT', 3, 0, ['书记'], 6, '2025-01-01'],
						  ['NOCOMMITTEE', 8, 0, ['书记'], 0, '2025-01-01'],
						  ['INCOMPLETE', 8, 0, ['书记', '组织委员', '宣传委员'], 0, '2025-01-01'],
						  ['NOSECRETARY', 5, 0, [], 0, '2025-01-01'],
						  ['OVERDUE', 5, 0, ['书记'], 0, '2023-11-01'],
						  ['DUESOON', 5, 0, ['书记'], 0, '2024-01-15'],
						  ['DUE', 5, 0, ['书记'], 0, '2024-04-15']
						] AS row
						CREATE (g:Grid:Area {code: 'T-G-' + row[0], name: row[0]})
						CREATE (c)-[:HAS {since: date('2019-01-01')}]->(g)
						CREATE (gb:GridBranch:PartyOrganization {code: 'T-' + row[0], name: row[0], electedOn: date(row[5]), joint: row[4] > 0})
						CREATE (cc)-[:LEADS {since: date('2019-01-01')}]->(gb)
						CREATE (gb)-[:COVERS {since: date('2019-01-01')}]->(g)
						FOREACH (i IN range(1, row[1]) | CREATE (:Person {code: 'T-' + row[0] + '-P' + i, name: 'P'})-[:MEMBER_OF {status: 'FULL', since: date('2019-01-01')}]->(gb))
						FOREACH (i IN range(1, row[4]) | CREATE (:Unit {code: 'T-' + row[0] + '-U' + i, name: 'U', category: 'AGENCY'})-[:JOINS {since: date('2019-01-01')}]->(gb))
						WITH gb, row
						UNWIND range(0, size(row[3]) - 1) AS k
						MATCH (p:Person {code: 'T-' + row[0] + '-P' + (k + 1)})
						CREATE (p)-[:HOLDS {role: CASE k WHEN 0 THEN 'SECRETARY' ELSE 'COMMITTEE_MEMBER' END, title: row[3][k], since: date('2019-01-01')}]->(gb)
						""",
				"""
						MATCH (gb:GridBranch {code: 'T-SMALL'})-[:COVERS]->(g:Grid)
						CREATE (g)-[:HAS {since: date('2019-01-01')}]->(b:Building:Area {code: 'T-B1', name: '楼'})
						CREATE (gb)-[:LEADS {since: date('2019-01-01')}]->(bg:BuildingGroup:PartyOrganization {code: 'T-BG', name: '组'})
						CREATE (bg)-[:COVERS {since: date('2019-01-01')}]->(b)
						CREATE (:Person {code: 'T-OUTSIDER', name: '非党员'})-[:HEAD_OF {since: date('2019-01-01')}]->(b)
						""");
		queries = new HealthQueries(graph(neo4j), defaults(Map.of()));
	}

	@AfterAll
	static void close() {
		neo4j.close();
	}

	static HealthRules defaults(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("partynet.health",
				HealthRules.class);
	}

	private static List<String> broken(HealthRule rule) {
		return queries.report(null, DAY)
			.findings()
			.stream()
			.filter(finding -> finding.rule() == rule)
			.map(finding -> (finding.organization() != null) ? finding.organization().code() : finding.area().code())
			.toList();
	}

	@Test
	void each_rule_finds_exactly_the_organization_made_to_break_it() {
		assertThat(broken(HealthRule.BRANCH_TOO_SMALL)).containsExactly("T-SMALL");
		assertThat(broken(HealthRule.SHOULD_BE_GENERAL_BRANCH)).containsExactly("T-GENERAL");
		assertThat(broken(HealthRule.SHOULD_BE_GRASSROOTS_COMMITTEE)).containsExactly("T-GRASSROOTS");
		assertThat(broken(HealthRule.JOINT_BRANCH_TOO_MANY_UNITS)).containsExactly("T-JOINT");
		assertThat(broken(HealthRule.COMMITTEE_MISSING)).containsExactly("T-NOCOMMITTEE");
		assertThat(broken(HealthRule.COMMITTEE_INCOMPLETE)).containsExactly("T-INCOMPLETE");
		assertThat(broken(HealthRule.NO_SECRETARY)).containsExactly("T-NOSECRETARY");
		assertThat(broken(HealthRule.NO_GROUP_LEADER)).containsExactly("T-BG");
		assertThat(broken(HealthRule.HEAD_NOT_MEMBER)).containsExactly("T-B1");
		assertThat(broken(HealthRule.TERM_OVERDUE)).containsExactly("T-OVERDUE");
		assertThat(broken(HealthRule.TERM_DUE_SOON)).containsExactly("T-DUESOON");
		assertThat(broken(HealthRule.TERM_DUE)).containsExactly("T-DUE");
	}

	@Test
	void findings_carry_severity_source_and_figures() {
		var report = queries.report(null, DAY);
		var small = report.findings()
			.stream()
			.filter(f -> f.rule() == HealthRule.BRANCH_TOO_SMALL)
			.findFirst()
			.orElseThrow();
		assertThat(small.severity()).isEqualTo(HealthRule.Severity.ERROR);
		assertThat(small.source()).contains("第四条");
		assertThat(small.figures()).contains("2", "3");
		var incomplete = report.findings()
			.stream()
			.filter(f -> f.rule() == HealthRule.COMMITTEE_INCOMPLETE)
			.findFirst()
			.orElseThrow();
		assertThat(incomplete.figures()).contains("纪检委员");
		assertThat(report.counts()).hasSize(HealthRule.values().length);
		assertThat(report.terms()).extracting(term -> term.organization().code())
			.containsExactly("T-OVERDUE", "T-DUESOON", "T-DUE");
		assertThat(report.terms().get(0).expiresOn()).isEqualTo(LocalDate.of(2026, 11, 1));
	}

	@Test
	void thresholds_are_configuration() {
		var strict = new HealthQueries(graph(neo4j), defaults(Map.of("partynet.health.branch-min-full-members", "6")));
		assertThat(strict.report(null, DAY)
			.findings()
			.stream()
			.filter(f -> f.rule() == HealthRule.BRANCH_TOO_SMALL)
			.map(f -> f.organization().code())).contains("T-SMALL", "T-JOINT", "T-NOSECRETARY", "T-OVERDUE");
	}

	@Test
	void a_contradicting_configuration_names_the_property() {
		assertThatThrownBy(() -> defaults(Map.of("partynet.health.committee-min-size", "8"))).hasStackTraceContaining(
				"partynet.health.committee-min-size (8) must not be greater than partynet.health.committee-max-size (7)");
		assertThatThrownBy(() -> defaults(Map.of("partynet.health.second-reminder-months", "9")))
			.hasStackTraceContaining("partynet.health.second-reminder-months");
	}

}
