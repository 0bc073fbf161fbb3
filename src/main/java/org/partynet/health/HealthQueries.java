package org.partynet.health;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partynet.area.Area;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.scope.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.partynet.scope.Scope.held;

/**
 * The party-rule checks, as of a day, in the database: one statement for the findings of
 * a scope, one for its terms. Thresholds come from {@link HealthRules}.
 */
@Service
@Transactional(readOnly = true)
class HealthQueries {

	// The organizations governing or covering an area of the scope that day.
	private static final String ORGANIZATIONS = Scope.TOPS_AS_OF + """
			MATCH (top)(()-[h:HAS WHERE %2$s]->()){0,5}(a:Area)
			WITH collect(DISTINCT a) AS areas
			CALL (areas) {
			  UNWIND areas AS a
			  MATCH (a)<-[r:GOVERNS|COVERS]-(o:PartyOrganization) WHERE %1$s
			  RETURN collect(DISTINCT o) AS organizations
			}
			OPTIONAL MATCH (area:Area {code: $scope})
			OPTIONAL MATCH (organization:PartyOrganization {code: $scope})
			WITH areas, organizations, coalesce(area.name, organization.name, '全网 Whole network') AS name
			""".formatted(held("r"), held("h"));

	// Expiry of a committee's term: elected on + 5 years for a community committee, 3
	// otherwise. A term ending on the day is due, not yet overdue.
	private static final String TERMS = """
			UNWIND organizations AS o
			WITH o WHERE o.electedOn IS NOT NULL AND o.electedOn <= $asOf
			WITH o, CASE WHEN o:CommunityCommittee THEN $communityTerm ELSE $branchTerm END AS years
			WITH o, years, o.electedOn + duration({years: years}) AS expiresOn
			WITH o, years, expiresOn,
			     CASE WHEN expiresOn < $asOf THEN 'TERM_OVERDUE'
			          WHEN expiresOn <= $asOf + duration({months: $second}) THEN 'TERM_DUE_SOON'
			          WHEN expiresOn <= $asOf + duration({months: $first}) THEN 'TERM_DUE' END AS status
			""";

	private static final Statement FINDINGS = Statement.scoped("health.findings",
			ORGANIZATIONS
					+ """
							CALL (organizations, areas) {
							  UNWIND organizations AS o
							  WITH o WHERE o:GridBranch
							  CALL (o) {
							    OPTIONAL MATCH (o)<-[m:MEMBER_OF]-(:Person) WHERE %1$s
							    RETURN count(CASE m.status WHEN 'FULL' THEN 1 END) AS full, count(m) AS members
							  }
							  CALL (o) {
							    OPTIONAL MATCH (o)<-[h:HOLDS]-(p:Person)
							    WHERE %2$s AND h.role IN ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER']
							    RETURN count(DISTINCT p) AS committee, collect(h.title) AS titles,
							           count(CASE h.role WHEN 'SECRETARY' THEN 1 END) AS secretaries
							  }
							  CALL (o) {
							    OPTIONAL MATCH (o)<-[j:JOINS]-(u:Unit) WHERE %3$s
							    RETURN count(DISTINCT u) AS units
							  }
							  UNWIND [
							    CASE WHEN full < $branchMin THEN ['BRANCH_TOO_SMALL', '正式党员 ' + full + ' 人，少于 ' + $branchMin + ' / ' + full + ' full members, fewer than ' + $branchMin] END,
							    CASE WHEN members >= $generalBranch AND members < $grassroots THEN ['SHOULD_BE_GENERAL_BRANCH', '党员 ' + members + ' 人 / ' + members + ' members'] END,
							    CASE WHEN members >= $grassroots THEN ['SHOULD_BE_GRASSROOTS_COMMITTEE', '党员 ' + members + ' 人 / ' + members + ' members'] END,
							    CASE WHEN o.joint AND units > $jointMax THEN ['JOINT_BRANCH_TOO_MANY_UNITS', '联合 ' + units + ' 个单位，多于 ' + $jointMax + ' / ' + units + ' units, more than ' + $jointMax] END,
							    CASE WHEN full >= $committeeFrom AND (committee < $committeeMin OR committee > $committeeMax) THEN ['COMMITTEE_MISSING', '正式党员 ' + full + ' 人，支委 ' + committee + ' 人 / ' + full + ' full members, committee of ' + committee] END,
							    CASE WHEN full >= $committeeFrom AND committee >= $committeeMin AND committee <= $committeeMax
							              AND NOT all(t IN ['组织委员', '宣传委员', '纪检委员'] WHERE t IN titles)
							         THEN ['COMMITTEE_INCOMPLETE', '缺 ' + reduce(s = '', t IN [t IN ['组织委员', '宣传委员', '纪检委员'] WHERE NOT t IN titles] | s + t + ' ') + '/ missing members'] END,
							    CASE WHEN secretaries = 0 THEN ['NO_SECRETARY', '书记空缺 / no secretary'] END
							  ] AS finding
							  WITH o, finding WHERE finding IS NOT NULL
							  RETURN finding[0] AS rule, o AS organization, null AS person, null AS area, finding[1] AS figures
							  UNION ALL
							  UNWIND organizations AS o
							  WITH o WHERE o:BuildingGroup
							    AND NOT EXISTS { (o)<-[h:HOLDS {role: 'GROUP_LEADER'}]-(:Person) WHERE %2$s }
							  RETURN 'NO_GROUP_LEADER' AS rule, o AS organization, null AS person, null AS area,
							         '组长空缺 / no leader' AS figures
							  UNION ALL
							  UNWIND areas AS b
							  MATCH (b:Building)<-[hd:HEAD_OF]-(p:Person) WHERE %4$s
							    AND NOT EXISTS { (p)-[m:MEMBER_OF]->(:PartyOrganization) WHERE %1$s }
							  RETURN 'HEAD_NOT_MEMBER' AS rule, null AS organization, p AS person, b AS area,
							         '楼长不在党员名册 / head is on no party roll' AS figures
							  UNION ALL
							  %5$s
							  WITH o, expiresOn, status WHERE status IS NOT NULL
							  RETURN status AS rule, o AS organization, null AS person, null AS area,
							         '届满日期 ' + toString(expiresOn) + ' / term ends ' + toString(expiresOn) AS figures
							}
							RETURN name, rule, organization, person, area, figures
							ORDER BY rule, coalesce(organization.code, area.code)
							"""
						.formatted(held("m"), held("h"), held("j"), held("hd"), TERMS.indent(2).strip()));

	private static final Statement TERM_LIST = Statement.scoped("health.termList", ORGANIZATIONS + TERMS + """
			WITH o, years, expiresOn, status WHERE status IS NOT NULL
			RETURN o, o.electedOn AS electedOn, years, expiresOn, status
			ORDER BY expiresOn, o.code
			""");

	private static final Statement NAME = Statement.scoped("health.name", ORGANIZATIONS + "RETURN name");

	private final Graph graph;

	private final HealthRules rules;

	HealthQueries(Graph graph, HealthRules rules) {
		this.graph = graph;
		this.rules = rules;
	}

	HealthReport report(String scope, LocalDate asOf) {
		Map<String, Object> parameters = parameters(scope, asOf);
		String[] name = { null };
		List<HealthReport.Finding> findings = this.graph.rows(FINDINGS, parameters).stream().map(row -> {
			name[0] = row.get("name").asString();
			return finding(row);
		})
			// most serious first, then in the rules' own order
			.sorted(Comparator.comparing((HealthReport.Finding f) -> f.severity())
				.thenComparing(HealthReport.Finding::rule))
			.toList();
		List<HealthReport.TermExpiry> terms = this.graph.rows(TERM_LIST, parameters)
			.stream()
			.map(row -> new HealthReport.TermExpiry(Organization.from(row.get("o").asNode()),
					row.get("electedOn").asLocalDate(), row.get("years").asInt(), row.get("expiresOn").asLocalDate(),
					HealthRule.valueOf(row.get("status").asString())))
			.toList();
		if (name[0] == null) {
			name[0] = this.graph.one(NAME, parameters).orElseThrow().get("name").asString();
		}
		return new HealthReport(name[0], asOf, findings, terms);
	}

	private Map<String, Object> parameters(String scope, LocalDate asOf) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("scope", scope);
		parameters.put("asOf", asOf);
		parameters.put("branchMin", this.rules.branchMinFullMembers());
		parameters.put("generalBranch", this.rules.generalBranchMembers());
		parameters.put("grassroots", this.rules.grassrootsCommitteeMembers());
		parameters.put("jointMax", this.rules.jointBranchMaxUnits());
		parameters.put("committeeFrom", this.rules.committeeFromFullMembers());
		parameters.put("committeeMin", this.rules.committeeMinSize());
		parameters.put("committeeMax", this.rules.committeeMaxSize());
		parameters.put("communityTerm", this.rules.communityTermYears());
		parameters.put("branchTerm", this.rules.branchTermYears());
		parameters.put("first", this.rules.firstReminderMonths());
		parameters.put("second", this.rules.secondReminderMonths());
		return parameters;
	}

	private static HealthReport.Finding finding(Record row) {
		return new HealthReport.Finding(HealthRule.valueOf(row.get("rule").asString()),
				row.get("organization").isNull() ? null : Organization.from(row.get("organization").asNode()),
				row.get("person").isNull() ? null : Person.from(row.get("person").asNode()), areaOf(row.get("area")),
				row.get("figures").asString());
	}

	private static Area areaOf(Value value) {
		return value.isNull() ? null : Area.from(value.asNode());
	}

}
