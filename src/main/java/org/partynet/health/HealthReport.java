package org.partynet.health;

import java.time.LocalDate;
import java.util.List;

import org.partynet.area.Area;
import org.partynet.organization.Organization;
import org.partynet.person.Person;

/** The health of the organizations in a scope on a day. */
public record HealthReport(String name, LocalDate asOf, List<Finding> findings, List<TermExpiry> terms) {

	/** How many findings each rule has, for every rule (zero included), in rule order. */
	public List<RuleCount> counts() {
		return java.util.Arrays.stream(HealthRule.values())
			.map(rule -> new RuleCount(rule, (int) this.findings.stream().filter(f -> f.rule() == rule).count()))
			.toList();
	}

	/** A rule broken, by whom, with the figures behind it. */
	public record Finding(HealthRule rule, Organization organization, Person person, Area area, String figures) {

		public HealthRule.Severity severity() {
			return this.rule.severity();
		}

		public String ruleName() {
			return this.rule.ruleName();
		}

		public String source() {
			return this.rule.source();
		}

	}

	/** A count of findings of one rule. */
	public record RuleCount(HealthRule rule, int count) {

		public String ruleName() {
			return this.rule.ruleName();
		}

		public HealthRule.Severity severity() {
			return this.rule.severity();
		}

	}

	/** A committee whose term ends within the first reminder, or is overdue. */
	public record TermExpiry(Organization organization, LocalDate electedOn, int termYears, LocalDate expiresOn,
			HealthRule status) {
	}

}
