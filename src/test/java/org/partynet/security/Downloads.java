package org.partynet.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.partynet.support.HarnessTestSupport;

/**
 * Every download the README lists, fetched as the secretary and as the viewer and read as
 * a spreadsheet program, PDF viewer or text editor would: each cell, page line or CSV
 * line becomes a string with its place
 * ({@code GET /reports/coverage.xlsx?scope=… !sheet!B3}), judged like the API's strings.
 * Asked about a scope outside, or for the export (organization department only), anything
 * but 403 is a leak.
 */
final class Downloads {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final List<String> REPORTS = List.of("/reports/coverage.xlsx", "/reports/coverage.csv",
			"/reports/coverage.pdf", "/reports/health.xlsx", "/reports/health.pdf", "/reports/linkage.xlsx");

	private static final String EXPORT = "/export/network.xlsx";

	/** The org chart's PDF, every level, for an organization rather than a scope. */
	private static final String CHART = "/org-chart.pdf?levels=4&id=";

	private final String baseUrl;

	final Map<String, List<String>> secretaryStrings = new LinkedHashMap<>();

	final Map<String, List<String>> viewerStrings = new LinkedHashMap<>();

	/**
	 * Answers that should have been something else (an outside scope answered, an own one
	 * refused).
	 */
	final List<String> secretaryStatus = new ArrayList<>();

	final List<String> viewerStatus = new ArrayList<>();

	private final List<String> fetched = new ArrayList<>();

	private final List<String> unavailable = new ArrayList<>();

	/**
	 * The issuing unit of the reports (partynet.reports.issuer), printed on every PDF
	 * page whoever reads it: configuration, so not judged, though it names the district.
	 */
	private final String issuer;

	Downloads(String baseUrl, String issuer) {
		this.baseUrl = baseUrl;
		this.issuer = issuer;
	}

	void fetch() {
		List<String> own = List.of("", "?scope=" + SchemaWalkTests.OWN, "?scope=" + SchemaWalkTests.OWN_AREA,
				"?scope=Grid:GZ-DJ-C01-G01");
		List<String> outside = List.of("?scope=Street:GZ-DJ", "?scope=Community:GZ-DJ-C02",
				"?scope=CommunityCommittee:GZ-DJ-C02-SQDW");
		for (String report : REPORTS) {
			for (String scope : own) {
				get("secretary", report + scope, 200, this.secretaryStrings, this.secretaryStatus);
				get("viewer", report + scope, 200, this.viewerStrings, this.viewerStatus);
			}
			for (String scope : outside) {
				get("secretary", report + scope, 403, this.secretaryStrings, this.secretaryStatus);
				get("viewer", report + scope, 200, this.viewerStrings, this.viewerStatus);
			}
		}
		get("secretary", CHART + SchemaWalkTests.OWN, 200, this.secretaryStrings, this.secretaryStatus);
		get("viewer", CHART + SchemaWalkTests.OWN, 200, this.viewerStrings, this.viewerStatus);
		for (String other : List.of("StreetWorkingCommittee:GZ-DJ-DGW", "CommunityCommittee:GZ-DJ-C02-SQDW")) {
			get("secretary", CHART + other, 403, this.secretaryStrings, this.secretaryStatus);
			get("viewer", CHART + other, 200, this.viewerStrings, this.viewerStatus);
		}
		for (String scope : List.of("", "?scope=" + SchemaWalkTests.OWN_AREA)) {
			get("secretary", EXPORT + scope, 403, this.secretaryStrings, this.secretaryStatus);
			get("viewer", EXPORT + scope, 403, this.viewerStrings, this.viewerStatus);
		}
	}

	private void get(String account, String path, int expected, Map<String, List<String>> strings,
			List<String> status) {
		HttpResponse<byte[]> response;
		try {
			response = http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.timeout(Duration.ofSeconds(120))
				.header("Authorization", HarnessTestSupport.basic(account))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		String place = "GET " + path + " as " + account;
		int code = response.statusCode();
		if (code == 503 && path.contains(".pdf")) {
			// no CJK font on this machine: the PDF cannot be judged, and says so
			this.unavailable.add(place + ": 503 " + new String(response.body(), StandardCharsets.UTF_8));
			return;
		}
		if (code != expected) {
			status.add("%s answered %d, expected %d".formatted(place, code, expected));
		}
		if (code != 200) {
			return;
		}
		this.fetched.add(place);
		try {
			// the issuing unit heads and foots every PDF page: taken out of each line,
			// the
			// rest of the line is judged
			read(path, response.body()).entrySet()
				.stream()
				.map((line) -> Map.entry(line.getKey(),
						this.issuer.isEmpty() ? line.getValue() : line.getValue().replace(this.issuer, "").strip()))
				.filter((line) -> !line.getValue().isEmpty())
				.forEach((line) -> strings.computeIfAbsent(line.getValue(), (t) -> new ArrayList<>())
					.add(place + " " + line.getKey()));
		}
		catch (IOException ex) {
			status.add("%s does not read as its format: %s".formatted(place, ex));
		}
	}

	/** Place to text: cells of a workbook, lines of a PDF's pages or of a CSV file. */
	static Map<String, String> read(String path, byte[] body) throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		if (path.contains(".xlsx")) {
			DataFormatter formatter = new DataFormatter();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				for (Sheet sheet : workbook) {
					texts.put("!" + sheet.getSheetName(), sheet.getSheetName());
					for (Row row : sheet) {
						for (Cell cell : row) {
							String text = formatter.formatCellValue(cell);
							if (!text.isBlank()) {
								texts.put("!" + sheet.getSheetName() + "!"
										+ new CellReference(cell).formatAsString(false), text);
							}
						}
					}
				}
			}
		}
		else if (path.contains(".pdf")) {
			PdfReader reader = new PdfReader(body);
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				String[] lines = extractor.getTextFromPage(page).split("\n");
				for (int line = 0; line < lines.length; line++) {
					texts.put("page " + page + " line " + (line + 1), lines[line]);
				}
			}
		}
		else {
			String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
			for (int line = 0; line < lines.length; line++) {
				texts.put("line " + (line + 1), lines[line]);
			}
		}
		return texts;
	}

	String summary() {
		return "downloads: %d read%s".formatted(this.fetched.size(),
				this.unavailable.isEmpty() ? "" : "; not judged: " + this.unavailable);
	}

}
