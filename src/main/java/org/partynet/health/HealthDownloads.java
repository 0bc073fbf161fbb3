package org.partynet.health;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.partynet.coverage.CoverageDays;
import org.partynet.graphql.BadRequestException;
import org.partynet.report.ReportSettings;
import org.partynet.report.Sheets;
import org.partynet.scope.Scope;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The health page {@code /reports/health} and its downloads {@code /reports/health.xlsx}
 * and {@code .pdf}, with the page's filters ({@code scope, asOf, rule, severity}), read
 * and checked before anything is written.
 */
@Controller
class HealthDownloads {

	private final HealthQueries queries;

	private final Scope scope;

	private final CoverageDays days;

	private final ReportSettings settings;

	HealthDownloads(HealthQueries queries, Scope scope, CoverageDays days, ReportSettings settings) {
		this.queries = queries;
		this.scope = scope;
		this.days = days;
		this.settings = settings;
	}

	@GetMapping("/reports/health")
	String page() {
		return "forward:/reports/health.html";
	}

	@GetMapping("/reports/health.xlsx")
	ResponseEntity<StreamingResponseBody> excel(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String severity) {
		Contents contents = contents(scope, asOf, rule, severity);
		return download(scope, contents, "xlsx", Sheets.XLSX, out -> HealthExcel.write(contents, this.settings, out));
	}

	@GetMapping("/reports/health.pdf")
	ResponseEntity<StreamingResponseBody> pdf(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String severity) {
		BaseFont cjk = this.settings.font();
		if (cjk == null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(out -> out.write(ReportSettings.NO_FONT.getBytes(StandardCharsets.UTF_8)));
		}
		Contents contents = contents(scope, asOf, rule, severity);
		return download(scope, contents, "pdf", MediaType.APPLICATION_PDF,
				out -> HealthPdf.write(contents, this.settings, cjk, out));
	}

	private Contents contents(String scope, String asOf, String rule, String severity) {
		HealthRule onlyRule = parse(HealthRule.class, "rule", rule);
		HealthRule.Severity onlySeverity = parse(HealthRule.Severity.class, "severity", severity);
		HealthReport report = this.queries.report(this.scope.code((scope == null || scope.isBlank()) ? null : scope),
				this.days.parse(asOf));
		List<HealthReport.Finding> findings = report.findings()
			.stream()
			.filter(f -> onlyRule == null || f.rule() == onlyRule)
			.filter(f -> onlySeverity == null || f.severity() == onlySeverity)
			.toList();
		return new Contents(report, findings, LocalDateTime.now(this.days.clock()));
	}

	private static ResponseEntity<StreamingResponseBody> download(String scope, Contents contents, String extension,
			MediaType type, StreamingResponseBody body) {
		String name = "health-" + ((scope == null || scope.isBlank()) ? "all" : scope.replace(':', '-')) + "-"
				+ contents.report().asOf() + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	/**
	 * What a download holds: the report, its findings after the filters, and when it was
	 * made (Beijing time).
	 */
	record Contents(HealthReport report, List<HealthReport.Finding> findings, LocalDateTime made) {

		String title(ReportSettings settings) {
			return settings.heading("组织健康", "Organization health");
		}

		String scopeLine(ReportSettings settings) {
			return settings.scopeLine(this.report.name());
		}

		String madeLine(ReportSettings settings) {
			return settings.madeLine(this.made);
		}

	}

	/** A rule's name from the model, in the reports' language. */
	static String rule(HealthRule rule, ReportSettings settings) {
		return settings.heading(rule.chinese(), rule.english());
	}

	/** A severity's name from the model, in the reports' language. */
	static String severity(HealthRule.Severity severity, ReportSettings settings) {
		return settings.heading(severity.chinese(), severity.english());
	}

	/** The code of what a finding is about: the organization, or the building. */
	static String code(HealthReport.Finding finding) {
		return (finding.organization() != null) ? finding.organization().code() : finding.area().code();
	}

	/**
	 * The name of what a finding is about: the organization, or the building and person.
	 */
	static String name(HealthReport.Finding finding) {
		return (finding.organization() != null) ? finding.organization().name()
				: finding.area().name() + "：" + finding.person().name();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String argument, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(argument,
					"参数 %s 的值 %s 无效 / Argument '%s' has no value %s".formatted(argument, value, argument, value));
		}
	}

}
