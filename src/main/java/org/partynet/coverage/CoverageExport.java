package org.partynet.coverage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.partynet.graphql.Paging;
import org.partynet.report.ReportSettings;
import org.partynet.scope.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a downloaded coverage report holds: the report, its breakdown one level down, and
 * the gaps of every metric, read page by page so that a very large scope streams instead
 * of filling memory.
 */
@Service
class CoverageExport {

	/** Gaps are read and written this many at a time. */
	static final int PAGE = 1000;

	private final CoverageQueries queries;

	private final Scope scope;

	private final CoverageDays days;

	CoverageExport(CoverageQueries queries, Scope scope, CoverageDays days) {
		this.queries = queries;
		this.scope = scope;
		this.days = days;
	}

	/**
	 * The report and its breakdown, checking the request's scope and day as the API does.
	 * @throws org.partynet.graphql.BadRequestException for a malformed scope or a bad day
	 * @throws org.partynet.graphql.NotFoundException for an unknown scope
	 */
	@Transactional(readOnly = true)
	Contents contents(String scopeId, LocalDate asOf) {
		LocalDate day = this.days.asOf(asOf);
		CoverageReport report = this.queries.report(this.scope.code(scopeId), day);
		List<CoverageReport> breakdown = this.queries.breakdown(List.of(report)).get(report);
		return new Contents(report, breakdown, LocalDateTime.now(this.days.clock()));
	}

	/**
	 * The report of the scope and every gap in it to fill, checking the request's scope
	 * and day as {@link #contents} does.
	 */
	@Transactional(readOnly = true)
	Gaps gaps(String scopeId, LocalDate asOf) {
		LocalDate day = this.days.asOf(asOf);
		String code = this.scope.code(scopeId);
		return new Gaps(this.queries.report(code, day), this.queries.gapRows(code, day));
	}

	/** A scope's report and its gaps to fill. */
	record Gaps(CoverageReport report, List<CoverageQueries.GapRow> rows) {
	}

	/** Hands every gap of one metric to {@code sink}, in code order, a page at a time. */
	void eachGap(CoverageReport report, CoverageMetric metric, Consumer<CoverageGap> sink) {
		eachGap(report, metric, PAGE, sink);
	}

	// Each page is its own read transaction (the queries' own): none stays open while a
	// slow client takes the file.
	void eachGap(CoverageReport report, CoverageMetric metric, int pageSize, Consumer<CoverageGap> sink) {
		String after = null;
		boolean more = true;
		while (more) {
			var request = new CoverageQueries.GapsRequest(report, metric, pageSize, after);
			Paging.Connection<CoverageGap> page = this.queries.gaps(List.of(request)).get(request);
			page.nodes().forEach(sink);
			more = page.pageInfo().hasNextPage();
			after = more ? page.nodes().get(page.nodes().size() - 1).area().code() : null;
		}
	}

	/**
	 * A gap's reason in the reports' language: the model's reasons are "中文 / English",
	 * the English half only when the settings ask for it.
	 */
	static String reason(CoverageGap gap, ReportSettings settings) {
		int slash = gap.reason().indexOf(" / ");
		return (settings.english() || slash < 0) ? gap.reason() : gap.reason().substring(0, slash);
	}

	/**
	 * @param report the figures of the scope
	 * @param breakdown the figures one level down
	 * @param made when the report was made (Beijing time)
	 */
	record Contents(CoverageReport report, List<CoverageReport> breakdown, LocalDateTime made) {

		String title(ReportSettings settings) {
			return settings.heading("全覆盖报告", "Coverage report");
		}

		String scopeLine(ReportSettings settings) {
			return settings.scopeLine(this.report.name());
		}

		String madeLine(ReportSettings settings) {
			return settings.madeLine(this.made);
		}

	}

}
