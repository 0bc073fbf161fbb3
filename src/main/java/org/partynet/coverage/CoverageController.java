package org.partynet.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.NotFoundException;
import org.partynet.graphql.Paging;
import org.partynet.organization.Organization;
import org.partynet.scope.Scope;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** {@code coverage(scope, asOf)} with its breakdown and gaps, batched per level. */
@Controller
class CoverageController {

	private final CoverageQueries queries;

	private final Scope scope;

	private final Paging paging;

	private final CoverageDays days;

	CoverageController(CoverageQueries queries, Scope scope, Paging paging, CoverageDays days,
			BatchLoaderRegistry registry) {
		this.queries = queries;
		this.scope = scope;
		this.paging = paging;
		this.days = days;
		// gaps take arguments, which a @BatchMapping cannot: the requests of one level go
		// to a named loader, which answers them together.
		registry.<CoverageQueries.GapsRequest, Paging.Connection<CoverageGap>>forName("coverageGaps")
			.registerMappedBatchLoader((requests, env) -> Mono.fromCallable(() -> this.queries.gaps(requests)));
	}

	@QueryMapping
	CoverageReport coverage(@Argument String scope, @Argument LocalDate asOf) {
		LocalDate day = this.days.asOf(asOf);
		if (scope == null) {
			// a secretary's report is of their own organization
			String within = this.scope.code(null);
			return (within != null) ? this.queries.report(within, "PartyOrganization", day).orElseThrow()
					: this.queries.report(null, day);
		}
		// The report looks the scope up itself: one statement, not two (a secretary's
		// scope is checked first).
		GlobalId id = this.scope.checked(scope, "scope");
		return this.queries.report(id.code(), id.label(), day).orElseThrow(() -> new NotFoundException("scope", scope));
	}

	/**
	 * An organization's coverage today, for the org chart's badges; one statement per
	 * level.
	 */
	@BatchMapping(typeName = "Organization", field = "coverage")
	Map<Organization, CoverageReport> organizationCoverage(List<Organization> organizations) {
		return this.queries.ofOrganizations(organizations, this.days.asOf(null));
	}

	@BatchMapping
	Map<CoverageReport, List<CoverageReport>> breakdown(List<CoverageReport> reports) {
		return this.queries.breakdown(reports);
	}

	@SchemaMapping
	CompletableFuture<Paging.Connection<CoverageGap>> gaps(CoverageReport report, @Argument CoverageMetric metric,
			@Argument Integer first, @Argument String after,
			DataLoader<CoverageQueries.GapsRequest, Paging.Connection<CoverageGap>> coverageGaps) {
		int size = this.paging.first(first);
		String afterCode = this.paging.after(after);
		return coverageGaps.load(new CoverageQueries.GapsRequest(report, metric, size, afterCode));
	}

}
