package org.partynet.bulk;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partynet.bulk.CellRules.Cell;
import org.partynet.bulk.Format.Column;

import static org.assertj.core.api.Assertions.assertThat;

/** The cell rules without a database: a cell's text into a value by its column's type. */
class CellRulesTests {

	private static Cell read(String sheet, String column, String text) {
		return CellRules.read(Format.sheet(sheet).column(column), text);
	}

	@Test
	void phone() {
		assertThat(read("people", "phone", "+86 20-1234-5678").value()).isEqualTo("+86 20-1234-5678");
		assertThat(read("people", "phone", "12").error()).contains("Phone number '12'");
		assertThat(read("people", "phone", "020-ABC").ok()).isFalse();
	}

	@Test
	void id_number() {
		assertThat(read("people", "idNumber", "11010519491231002X").ok()).isTrue();
		assertThat(read("people", "idNumber", "110105194912310").error()).isEqualTo(
				"身份证号“110105194912310”应为 17 位数字加一位数字或 X / ID number '110105194912310' must be 17 digits and a digit or X");
	}

	@Test
	void day() {
		assertThat(read("streets", "since", "2024-02-29").value()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(read("streets", "since", "2023-02-29").error())
			.contains("Date '2023-02-29' is not a day yyyy-MM-dd");
		assertThat(read("streets", "since", "2024/01/01").ok()).isFalse();
	}

	@Test
	void choice_by_label_by_value_and_by_an_old_label() {
		assertThat(read("people", "gender", "男").value()).isEqualTo("MALE");
		assertThat(read("people", "gender", "female").value()).isEqualTo("FEMALE");
		assertThat(read("links", "kind", "党员楼长").value()).isEqualTo("HEAD_OF");
		assertThat(read("links", "kind", "楼长").value()).isEqualTo("HEAD_OF");
		assertThat(read("links", "kind", "任职单位").value()).isEqualTo("EMPLOYED_BY");
		assertThat(read("links", "kind", "党员").value()).isEqualTo("MEMBER_OF");
		assertThat(read("people", "gender", "其他").error()).isEqualTo("“其他”不是可选值：男、女 / '其他' is not one of MALE, FEMALE");
		// the old labels are accepted, not offered
		assertThat(Format.sheet("links").column("kind").values()).doesNotContainKey("楼长").containsKey("党员楼长");
	}

	@Test
	void text_length_and_code() {
		assertThat(read("streets", "name", "街".repeat(CellRules.MAX_TEXT)).ok()).isTrue();
		assertThat(read("streets", "name", "街".repeat(CellRules.MAX_TEXT + 1)).error())
			.isEqualTo("最长 100 个字符，实为 101 / At most 100 characters, was 101");
		assertThat(read("streets", "code", "GZ-A_1.2").ok()).isTrue();
		assertThat(read("streets", "code", "GZ A").error()).contains("Code 'GZ A' must be");
	}

	@Test
	void every_column_of_the_format_has_a_rule() {
		for (Format.Sheet sheet : Format.SHEETS) {
			for (Column column : sheet.columns()) {
				assertThat(CellRules.read(column, "x")).isNotNull();
			}
		}
	}

}
