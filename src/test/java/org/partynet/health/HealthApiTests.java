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
			var findings = workbook.getSheet("发现 Findings");
			assertThat(findings.getRow(0).getCell(0).getStringCellValue()).contains("全网 Whole network");
			assertThat(findings.getRow(1).getCell(0).getStringCellValue()).contains("截至 As of: 2026-11-29");
			assertThat(findings.getPaneInformation().isFreezePane()).isTrue();
			assertThat(findings.getRow(4).getCell(3).getStringCellValue()).isEqualTo("GZ-DJ-C12-ZB03");
			for (int r = 4; r <= findings.getLastRowNum(); r++) {
				assertThat(findings.getRow(r).getCell(0).getStringCellValue()).isEqualTo("ERROR");
			}
			assertThat(workbook.getSheet("按规则 By rule").getLastRowNum()).isEqualTo(HealthRule.values().length);
			assertThat(workbook.getSheet("换届 Terms").getLastRowNum()).isPositive();
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
