package org.partynet.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP's rule for spreadsheet text, in CSV fields and xlsx cells, and its exact way
 * back.
 */
class CellTextTests {

	private static final List<String> RISKY = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+1", "-1",
			"\t=1+1", "\r=1+1", "=1+1,2");

	private static final List<String> PLAIN = List.of("青年社区", "GZ-DJ-C01", "1", "a=b", " x", "");

	@Test
	void formula_like_is_text_starting_with_equals_plus_minus_at_tab_or_carriage_return() {
		assertThat(RISKY).allSatisfy(text -> assertThat(CellText.formulaLike(text)).as(text).isTrue());
		assertThat(PLAIN).allSatisfy(text -> assertThat(CellText.formulaLike(text)).as(text).isFalse());
		assertThat(CellText.formulaLike(null)).isFalse();
	}

	@Test
	void csv_fields_are_prefixed_with_an_apostrophe_and_quoted_as_rfc_4180_asks() {
		assertThat(CellText.csv("=HYPERLINK(\"http://x\",\"y\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
		assertThat(CellText.csv("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
		assertThat(CellText.csv("-1")).isEqualTo("'-1");
		assertThat(CellText.csv("\t=1")).isEqualTo("'\t=1");
		assertThat(CellText.csv("\r=1")).isEqualTo("\"'\r=1\"");
		// a value that really starts with an apostrophe gets one more, so that it reads
		// back as it was
		assertThat(CellText.csv("'quoted")).isEqualTo("''quoted");
		assertThat(CellText.csv("青年社区")).isEqualTo("青年社区");
		assertThat(CellText.csv("a,b")).isEqualTo("\"a,b\"");
		assertThat(CellText.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
	}

	@Test
	void a_csv_field_reads_back_exactly() {
		for (String value : List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+1", "-1", "\t=1+1", "'quoted",
				"''twice", "'", "=1'", "青年社区")) {
			String field = CellText.csv(value);
			// the field's content once RFC 4180 quoting is undone, as the importer's CSV
			// reader does
			String content = field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"")
					: field;
			assertThat(CellText.fromCsv(content)).as(value).isEqualTo(value);
		}
		assertThat(CellText.fromCsv("  plain  ")).isEqualTo("plain");
		assertThat(CellText.fromCsv(" '=x ")).isEqualTo("=x ");
		assertThat(CellText.fromCsv("'")).isNull();
		assertThat(CellText.fromCsv("  ")).isNull();
	}

	@Test
	void xlsx_text_cells_are_quote_prefixed_with_their_value_intact_and_numbers_stay_numbers() throws Exception {
		byte[] bytes;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(10); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellText.Cells cells = CellText.cells(workbook);
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			Row row = workbook.createSheet("s").createRow(0);
			for (int i = 0; i < RISKY.size(); i++) {
				cells.text(row, i, RISKY.get(i), (i % 2 == 0) ? wrap : null);
			}
			for (int i = 0; i < PLAIN.size(); i++) {
				cells.text(row, 20 + i, PLAIN.get(i));
			}
			row.createCell(40).setCellValue(-1);
			workbook.write(out);
			bytes = out.toByteArray();
			assertThat(workbook.getNumCellStyles()).as("one quote-prefixed twin per style").isEqualTo(4);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Row row = workbook.getSheetAt(0).getRow(0);
			for (int i = 0; i < RISKY.size(); i++) {
				Cell cell = row.getCell(i);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo(RISKY.get(i));
				assertThat(cell.getCellStyle().getQuotePrefixed()).as(RISKY.get(i)).isTrue();
			}
			for (int i = 0; i < PLAIN.size() - 1; i++) {
				assertThat(row.getCell(20 + i).getCellStyle().getQuotePrefixed()).as(PLAIN.get(i)).isFalse();
			}
			assertThat(row.getCell(40).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(40).getNumericCellValue()).isEqualTo(-1);
			assertThat(row.getCell(40).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

}
