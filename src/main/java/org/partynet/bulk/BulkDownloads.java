package org.partynet.bulk;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.neo4j.driver.Value;
import org.partynet.graphql.ForbiddenException;
import org.partynet.model.Fields;
import org.partynet.report.Sheets;
import org.partynet.scope.Scope;
import org.partynet.security.Access;
import org.partynet.security.Role;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bulk workbook's downloads (issue 7): the empty template
 * {@code /import/template.xlsx} and the export {@code /export/network.xlsx?scope=} of the
 * whole network or a scope, in the same {@link Format}. The export is written with POI's
 * streaming workbook (a window of {@value #WINDOW} rows in memory, the rest in a
 * temporary file) from rows the database streams, then sent; the scope and the account
 * are checked before anything is read.
 */
@Controller
class BulkDownloads {

	/** Rows the streaming workbook keeps in memory per sheet. */
	static final int WINDOW = 100;

	private final ExportQueries queries;

	private final Scope scope;

	private final MeterRegistry meters;

	BulkDownloads(ExportQueries queries, Scope scope, ObjectProvider<MeterRegistry> meters) {
		this.queries = queries;
		this.scope = scope;
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
	}

	/**
	 * The empty workbook: instructions, then every sheet with its headers, drop-downs and
	 * hints.
	 */
	@GetMapping("/import/template.xlsx")
	void template(HttpServletResponse response) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			BulkWorkbook bulk = new BulkWorkbook(workbook);
			bulk.instructions();
			Format.SHEETS.forEach(bulk::dataSheet);
			attachment(response, "partynet-template.xlsx");
			workbook.write(response.getOutputStream());
		}
	}

	/**
	 * The whole network ({@code scope} absent) or one area or organization with
	 * everything in it; only for the organization department, since it holds phone and ID
	 * numbers in full.
	 */
	@GetMapping("/export/network.xlsx")
	void export(@RequestParam(required = false) String scope, HttpServletResponse response) throws IOException {
		if (Access.role().orElse(null) != Role.ORG_DEPT) {
			throw ForbiddenException.forRole("scope",
					"导出的网络数据（含完整个人信息）/ the network export (it holds personal data in full)");
		}
		// Checked before anything is read or written: a bad scope is a plain 400, 404 or
		// 403.
		String code = this.scope.code((scope == null || scope.isBlank()) ? null : scope);
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		Timer.Sample sample = Timer.start(this.meters);
		try {
			Map<String, Integer> rows = write(this.queries, code, workbook);
			attachment(response, "network-" + ((code == null) ? "all" : code) + "-" + Fields.today() + ".xlsx");
			workbook.write(response.getOutputStream());
			// the duration of an export that reached the client, read and written
			sample.stop(Timer.builder("partynet.export")
				.description("Exports of the network, read and written")
				.tag("format", "xlsx")
				.register(this.meters));
			DistributionSummary.builder("partynet.export.rows")
				.description("Rows of an export, all sheets")
				.baseUnit("rows")
				.tag("format", "xlsx")
				.register(this.meters)
				.record(rows.values().stream().mapToInt(Integer::intValue).sum());
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

	/**
	 * Writes the scope's rows (or the whole network's, {@code code} null) into
	 * {@code workbook} and answers the number of rows per sheet key.
	 */
	static Map<String, Integer> write(ExportQueries queries, String code, SXSSFWorkbook workbook) {
		BulkWorkbook bulk = new BulkWorkbook(workbook);
		bulk.instructions();
		Map<String, Sheet> sheets = new HashMap<>();
		Map<String, Integer> rows = new LinkedHashMap<>();
		for (Format.Sheet format : Format.SHEETS) {
			sheets.put(format.key(), bulk.dataSheet(format));
			rows.put(format.key(), 0);
		}
		queries.each(code, (format, record) -> {
			int index = rows.merge(format.key(), 1, Integer::sum);
			Row row = sheets.get(format.key()).createRow(index);
			List<Format.Column> columns = format.columns();
			for (int c = 0; c < columns.size(); c++) {
				Format.Column column = columns.get(c);
				Value value = record.get(column.key());
				if (value == null || value.isNull()) {
					continue;
				}
				String text = value.asObject().toString();
				if (column.type() == Format.Type.CHOICE) {
					text = label(column, text);
				}
				bulk.data(row, c, text);
			}
		});
		return rows;
	}

	/**
	 * The Chinese label of a stored choice value; an unknown value as it is (an import
	 * then flags it).
	 */
	static String label(Format.Column column, String stored) {
		for (Map.Entry<String, String> entry : column.values().entrySet()) {
			if (entry.getValue().equals(stored)) {
				return entry.getKey();
			}
		}
		return stored;
	}

	private static void attachment(HttpServletResponse response, String name) {
		response.setContentType(Sheets.XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
	}

}
