package org.partynet.change;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graphql.GlobalId;
import org.partynet.model.Fields;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks {@link Work} makes of typed input values before anything reaches the
 * database: each error names its field, and a caller sees every mistake at once.
 */
class WorkTests {

	// The checks below never reach the database: no queries.
	private final Work work = new Work("createOrganization", null);

	private List<List<String>> fields() {
		return this.work.errors.stream().map(UserError::field).toList();
	}

	@Test
	void names_are_stripped_and_refused_blank_long_or_unprintable() {
		assertThat(this.work.name("name", "  网格党支部 ")).isEqualTo("网格党支部");
		assertThat(this.work.name("name", " ")).isNull();
		assertThat(this.work.name("name", null)).isNull();
		char[] tooLong = new char[Fields.MAX_NAME + 1];
		Arrays.fill(tooLong, '党');
		assertThat(this.work.name("other", new String(tooLong))).isNull();
		assertThat(this.work.optionalText("title", "书记\u202E")).isNull();
		assertThat(fields()).containsExactly(List.of("input", "name"), List.of("input", "name"),
				List.of("input", "other"), List.of("input", "title"));
		assertThat(this.work.errors.get(0).message()).isEqualTo("名称不能为空 / Name must not be empty");
		assertThat(this.work.errors).allMatch(error -> error.code() == UserErrorCode.VALIDATION);
	}

	@Test
	void an_absent_optional_name_is_no_error() {
		assertThat(this.work.optionalName("name", null)).isNull();
		assertThat(this.work.optionalText("title", "  ")).isNull();
		assertThat(this.work.failed()).isFalse();
	}

	@Test
	void ids_must_be_of_the_kinds_asked_and_list_errors_name_their_index() {
		assertThat(this.work.id("parent", "CommunityCommittee:GZ-C01", Set.of("CommunityCommittee")))
			.isEqualTo(new GlobalId("CommunityCommittee", "GZ-C01"));
		assertThat(this.work.id("parent", "GZ-C01", Set.of("CommunityCommittee"))).isNull();
		assertThat(this.work.ids("areas", List.of("Grid:G1", "Building:B1", "Grid:G1"), Set.of("Grid")))
			.containsExactly(new GlobalId("Grid", "G1"));
		assertThat(this.work.ids("areas", null, Set.of("Grid"))).isEmpty();
		assertThat(fields()).containsExactly(List.of("input", "parent"), List.of("input", "areas", "1"));
		assertThat(this.work.errors.get(0).message()).startsWith("GZ-C01 不是有效的 ID");
	}

	@Test
	void days_lie_between_the_founding_year_and_today_and_default_to_today() {
		assertThat(this.work.on(null)).isEqualTo(Fields.today());
		assertThat(this.work.on(LocalDate.of(2021, 7, 1))).isEqualTo(LocalDate.of(2021, 7, 1));
		this.work.on(Fields.today().plusDays(1));
		this.work.on(Fields.today().plusDays(1));
		this.work.day("electedOn", LocalDate.of(Fields.FIRST_YEAR - 1, 1, 1));
		assertThat(fields()).containsExactly(List.of("input", "on"), List.of("input", "electedOn"));
	}

	@Test
	void codes_genders_phones_and_id_numbers_follow_the_field_rules() {
		assertThat(this.work.code("code", "GZ-DJ-C01")).isEqualTo("GZ-DJ-C01");
		assertThat(this.work.code("code", "GZ DJ")).isNull();
		assertThat(this.work.gender("gender", null)).isNull();
		assertThat(this.work.gender("gender", "male")).isNull();
		assertThat(this.work.phone("phone", "abc")).isNull();
		assertThat(this.work.idNumber("idNumber", "12345")).isNull();
		assertThat(fields()).containsExactly(List.of("input", "code"), List.of("input", "gender"),
				List.of("input", "phone"), List.of("input", "idNumber"));
		assertThat(this.work.errors.get(0).message()).isEqualTo(Fields.CODE_RULE);
	}

}
