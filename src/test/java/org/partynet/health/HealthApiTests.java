package org.partynet.health;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code health(scope, asOf)} over HTTP on the sample, with its deliberate findings. */
class HealthApiTests extends HarnessTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void the_sample_shows_its_deliberate_findings() {
		var response = graphQl().document("""
				{ health(asOf: "2026-11-29") {
				    name
				    findings { rule severity source organization { code } area { code } person { code } figures }
				    counts { rule count }
				} }""").execute();
		List<Map<String, Object>> findings = response.path("health.findings")
			.entityList(Map.class)
			.get()
			.stream()
			.map(f -> (Map<String, Object>) f)
			.filter(f -> !((String) f.get("rule")).startsWith("TERM_"))
			.toList();
		assertThat(findings)
			.extracting(f -> f.get("rule") + " "
					+ (f.get("organization") != null ? ((Map<String, Object>) f.get("organization")).get("code")
							: ((Map<String, Object>) f.get("area")).get("code")))
			// errors first, then warnings, each in the rules' order
			.containsExactly("NO_SECRETARY GZ-DJ-C12-ZB03", "HEAD_NOT_MEMBER GZ-DJ-C03-G02-B01",
					"COMMITTEE_INCOMPLETE GZ-DJ-C10-ZB01", "NO_GROUP_LEADER GZ-DJ-C07-ZB02-XZ02");
		assertThat(findings.get(0)).containsEntry("severity", "ERROR");
		assertThat((String) findings.get(0).get("source")).contains("第二十条");
		assertThat((String) findings.get(2).get("figures")).contains("纪检委员");
		assertThat(findings.get(1).get("person")).isNotNull();
	}

	@Test
	void before_the_posts_fell_vacant_there_was_nothing_to_find() {
		graphQl().document("""
				{ health(asOf: "2026-01-01") { findings(severity: ERROR) { rule organization { code } } } }""")
			.execute()
			.path("health.findings[?(@.rule == 'NO_SECRETARY')]")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void terms_due_and_overdue_by_date_and_filters() {
		var response = graphQl().document("""
				{ health(scope: "Street:GZ-DJ", asOf: "2026-11-29") {
				    name
				    terms { organization { code } expiresOn status }
				    overdue: findings(rule: TERM_OVERDUE) { organization { code } }
				} }""").execute();
		response.path("health.name").entity(String.class).isEqualTo("东街街道");
		List<String> dates = response.path("health.terms[*].expiresOn").entityList(String.class).get();
		assertThat(dates).isNotEmpty().isSorted();
		assertThat(response.path("health.terms[*].status").entityList(String.class).get()).contains("TERM_OVERDUE",
				"TERM_DUE_SOON", "TERM_DUE");
		assertThat(response.path("health.overdue").entityList(Object.class).get()).isNotEmpty();
	}

	@Test
	void the_page_and_the_workbook() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/reports/health"))
			.header("Authorization", basic("orgdept"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("组织健康", "/reports/health.js");
		var xlsx = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(baseUrl() + "/reports/health.xlsx?asOf=2026-11-29&severity=ERROR"))
			.header("Authorization", basic("orgdept"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.body()))) {
			var findings = workbook.getSheet("发现");
			assertThat(findings.getRow(0).getCell(0).getStringCellValue()).startsWith("组织健康 · 范围：").contains("全网");
			assertThat(findings.getRow(1).getCell(0).getStringCellValue()).isEqualTo("中共甘州区委组织部");
			assertThat(findings.getRow(2).getCell(0).getStringCellValue()).isEqualTo("截至2026-11-29");
			assertThat(findings.getRow(HealthExcel.HEAD).getCell(0).getStringCellValue()).isEqualTo("级别");
			assertThat(findings.getRow(HealthExcel.HEAD).getCell(1).getStringCellValue()).isEqualTo("规则");
			assertThat(findings.getPaneInformation().isFreezePane()).isTrue();
			assertThat(findings.getRow(HealthExcel.HEAD + 1).getCell(3).getStringCellValue())
				.isEqualTo("GZ-DJ-C12-ZB03");
			for (int r = HealthExcel.HEAD + 1; r <= findings.getLastRowNum(); r++) {
				assertThat(findings.getRow(r).getCell(0).getStringCellValue()).isEqualTo("错误");
				assertThat(findings.getRow(r).getCell(1).getStringCellValue()).doesNotContain("/");
			}
			assertThat(workbook.getSheet("按规则").getLastRowNum()).isEqualTo(HealthRule.values().length);
			assertThat(workbook.getSheet("换届").getLastRowNum()).isPositive();
		}
		var bad = http.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/reports/health.xlsx?rule=NOPE"))
					.header("Authorization", basic("orgdept"))
					.build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("rule", "NOPE");
	}

	@Test
	void the_pdf_groups_findings_by_severity_with_chinese_headings_and_page_numbers() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		var pdf = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(baseUrl() + "/reports/health.pdf?scope=Street:GZ-DJ&asOf=2026-11-29"))
			.header("Authorization", basic("orgdept"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition")).get()
			.asString()
			.contains("health-Street-GZ-DJ-2026-11-29.pdf");
		var reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
		var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
		int pages = reader.getNumberOfPages();
		StringBuilder all = new StringBuilder();
		for (int page = 1; page <= pages; page++) {
			String text = extractor.getTextFromPage(page);
			assertThat(text).contains("第 " + page + " 页", "共 " + pages + " 页", "中共甘州区委组织部", "截至2026-11-29");
			all.append(text).append('\n');
		}
		String text = all.toString();
		Map<String, Integer> counts = new java.util.HashMap<>();
		for (String severity : List.of("ERROR", "WARNING", "INFO")) {
			counts.put(severity, graphQl().document(
					"{ health(scope: \"Street:GZ-DJ\", asOf: \"2026-11-29\") { findings(severity: %s) { ruleName } } }"
						.formatted(severity))
				.execute()
				.path("health.findings")
				.entityList(Object.class)
				.get()
				.size());
		}
		assertThat(counts.get("ERROR")).isPositive();
		assertThat(text).contains("组织健康", "范围：东街街道", "按规则", "换届提醒", "发现：错误（" + counts.get("ERROR") + "）",
				"发现：警告（" + counts.get("WARNING") + "）", "发现：提示（" + counts.get("INFO") + "）", "网格党支部无书记");
		assertThat(text.indexOf("发现：错误")).isLessThan(text.indexOf("发现：警告"));
		assertThat(text.indexOf("发现：警告")).isLessThan(text.indexOf("发现：提示"));
		assertThat(text).doesNotContain("Findings", "Severity", "Organization health", "Scope", "Grid branch without");
	}

	@Test
	void bad_days_and_unknown_scopes() {
		graphQl().document("{ health(asOf: \"2999-01-01\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		graphQl().document("{ health(scope: \"Community:GZ-NOWHERE\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

}
