package org.partynet.linkage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partynet.support.InProcessNeo4j;
import org.partynet.support.QueryTestSupport;
import org.neo4j.harness.Neo4j;
import org.partynet.area.Area;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sample cannot show, in a Neo4j of its own: a community with no outside link at
 * all is a gap of the summary; links that ended (`until`) no longer count.
 */
class LinkageFixtureTests extends QueryTestSupport {

	static Neo4j neo4j;

	static LinkageQueries queries;

	@BeforeAll
	static void fixture() {
		neo4j = InProcessNeo4j.withFixture(
				"""
						CREATE (d:District:Area {code: 'T', name: '区'})
						CREATE (d)-[:HAS {since: date('2019-01-01')}]->(a:Community:Area {code: 'T-A', name: '有联系社区'})
						CREATE (d)-[:HAS {since: date('2019-01-01')}]->(b:Community:Area {code: 'T-B', name: '无联系社区'})
						CREATE (d)-[:HAS {since: date('2019-01-01')}]->(c:Community:Area {code: 'T-C', name: '联系已结束社区'})
						CREATE (ca:CommunityCommittee:PartyOrganization {code: 'T-A-CC', name: '甲'})-[:GOVERNS {since: date('2019-01-01')}]->(a)
						CREATE (cb:CommunityCommittee:PartyOrganization {code: 'T-B-CC', name: '乙'})-[:GOVERNS {since: date('2019-01-01')}]->(b)
						CREATE (cc:CommunityCommittee:PartyOrganization {code: 'T-C-CC', name: '丙'})-[:GOVERNS {since: date('2019-01-01')}]->(c)
						CREATE (u:Unit {code: 'T-U', name: '单位', category: 'AGENCY'})
						CREATE (p:Person {code: 'T-P', name: '兼职'})-[:EMPLOYED_BY {since: date('2019-01-01')}]->(u)
						CREATE (p)-[:HOLDS {role: 'PART_TIME_MEMBER', title: '兼职委员', since: date('2019-01-01')}]->(ca)
						CREATE (u)-[:CO_BUILDS {since: date('2019-01-01'), until: date('2024-01-01')}]->(cc)
						""");
		queries = new LinkageQueries(graph(neo4j));
	}

	@AfterAll
	static void close() {
		neo4j.close();
	}

	@Test
	void communities_without_any_current_link_are_the_gaps() {
		LinkageSummary summary = queries.summary(null);
		assertThat(summary.unlinkedCommunities()).extracting(Area::code).containsExactly("T-B", "T-C");
		assertThat(summary.partTimeMembers()).extracting((p) -> p.community().code() + " " + p.count())
			.containsExactly("T-A 1", "T-B 0", "T-C 0");
		assertThat(summary.unitsByCategory()).extracting((u) -> u.category() + " " + u.units())
			.containsExactly("AGENCY 1");
	}

}
