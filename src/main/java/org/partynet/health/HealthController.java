package org.partynet.health;

import java.time.LocalDate;
import java.util.List;

import org.partynet.coverage.CoverageDays;
import org.partynet.scope.Scope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code health(scope, asOf)}: party-rule findings and upcoming term expiries. */
@Controller
class HealthController {

	private final HealthQueries queries;

	private final Scope scope;

	private final CoverageDays days;

	HealthController(HealthQueries queries, Scope scope, CoverageDays days) {
		this.queries = queries;
		this.scope = scope;
		this.days = days;
	}

	@QueryMapping
	HealthReport health(@Argument String scope, @Argument LocalDate asOf) {
		LocalDate day = this.days.asOf(asOf);
		return this.queries.report(this.scope.code(scope), day);
	}

	@SchemaMapping
	List<HealthReport.Finding> findings(HealthReport report, @Argument HealthRule rule,
			@Argument HealthRule.Severity severity) {
		return report.findings()
			.stream()
			.filter(finding -> rule == null || finding.rule() == rule)
			.filter(finding -> severity == null || finding.severity() == severity)
			.toList();
	}

}
