package org.partynet.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A small network to import, as sheets of rows (by column key), with codes that start
 * with a prefix so that tests on one database do not meet; and the files it makes: an
 * .xlsx built with POI, CSV files, a ZIP of them.
 */
final class ImportFixture {

	private ImportFixture() {
	}

	/**
	 * Sheet key → rows, each row column key → cell (a String or a java.time.LocalDate).
	 */
	static Map<String, List<Map<String, Object>>> network(String p) {
		Map<String, List<Map<String, Object>>> sheets = new LinkedHashMap<>();
		sheets.put("streets",
				rows(row("code", "GZ-" + p, "name", p + "测试街道", "district", "GZ", "since", "2024-01-01")));
		sheets.put("communities",
				rows(row("code", "GZ-" + p + "-C1", "name", p + "测试社区", "street", "GZ-" + p, "since", "2024-01-01")));
		sheets.put("grids",
				rows(row("code", "GZ-" + p + "-C1-G1", "name", p + "第一网格", "community", "GZ-" + p + "-C1")));
		sheets.put("buildings", rows(row("code", "GZ-" + p + "-C1-G1-B1", "name", p + "1号楼", "grid",
				"GZ-" + p + "-C1-G1", "since", "2024-01-01")));
		sheets.put("organizations",
				rows(row("code", "GZ-" + p + "-DGW", "name", p + "街道党工委", "kind", "街道党工委"),
						row("code", "GZ-" + p + "-C1-SQDW", "name", p + "社区党委", "kind", "社区党委", "parent",
								"GZ-" + p + "-DGW", "since", "2024-01-01", "electedOn", "2024-01-10"),
						row("code", "GZ-" + p + "-C1-ZB1", "name", p + "第一网格党支部", "kind", "网格党支部", "parent",
								"GZ-" + p + "-C1-SQDW", "since", "2024-01-01")));
		sheets.put("people",
				rows(row("code", "RY" + p + "1", "name", "张" + p, "gender", "男", "phone", "000-1111-2222")));
		sheets.put("roles", rows(row("person", "RY" + p + "1", "organization", "GZ-" + p + "-C1-ZB1", "role", "书记",
				"title", "书记", "since", "2024-01-01")));
		sheets.put("coverage", rows(
				row("organization", "GZ-" + p + "-DGW", "relation", "管辖", "area", "GZ-" + p, "since", "2024-01-01"),
				row("organization", "GZ-" + p + "-C1-SQDW", "relation", "管辖", "area", "GZ-" + p + "-C1", "since",
						"2024-01-01"),
				row("organization", "GZ-" + p + "-C1-ZB1", "relation", "覆盖", "area", "GZ-" + p + "-C1-G1", "since",
						"2024-01-01")));
		sheets.put("links", rows(
				row("from", "RY" + p + "1", "kind", "党员", "to", "GZ-" + p + "-C1-ZB1", "status", "正式", "since",
						"2020-07-01"),
				row("from", "RY" + p + "1", "kind", "楼长", "to", "GZ-" + p + "-C1-G1-B1", "since", "2024-01-01")));
		return sheets;
	}

	/** The number of data rows of the network. */
	static final int ROWS = 14;

	static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	@SafeVarargs
	static List<Map<String, Object>> rows(Map<String, Object>... rows) {
		return new ArrayList<>(List.of(rows));
	}

	/**
	 * A workbook of the sheets, headers from {@link Format}, real date cells for
	 * LocalDate values.
	 */
	static byte[] xlsx(Map<String, List<Map<String, Object>>> sheets) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(1000); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet(ImportReader.INSTRUCTIONS).createRow(0).createCell(0).setCellValue("说明");
			CellStyle day = book.createCellStyle();
			day.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d"));
			sheets.forEach((key, rows) -> {
				Format.Sheet format = Format.sheet(key);
				Sheet sheet = book.createSheet(format.title());
				Row header = sheet.createRow(0);
				for (int c = 0; c < format.columns().size(); c++) {
					header.createCell(c).setCellValue(format.columns().get(c).header());
				}
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r + 1);
					for (int c = 0; c < format.columns().size(); c++) {
						Object value = rows.get(r).get(format.columns().get(c).key());
						if (value instanceof java.time.LocalDate date) {
							Cell cell = row.createCell(c);
							cell.setCellValue(date);
							cell.setCellStyle(day);
						}
						else if (value != null) {
							row.createCell(c).setCellValue(value.toString());
						}
					}
				}
			});
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One CSV file of a sheet: UTF-8 with a BOM, header keys, every cell quoted. */
	static byte[] csv(String key, List<Map<String, Object>> rows) {
		Format.Sheet format = Format.sheet(key);
		StringBuilder text = new StringBuilder("\uFEFF");
		text.append(String.join(",", format.columns().stream().map(c -> quote(c.header())).toList())).append("\r\n");
		for (Map<String, Object> row : rows) {
			text.append(String.join(",", format.columns().stream().map(c -> {
				Object value = row.get(c.key());
				return (value == null) ? "" : quote(value.toString());
			}).toList())).append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String quote(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	static byte[] zip(Map<String, List<Map<String, Object>>> sheets) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, List<Map<String, Object>>> sheet : sheets.entrySet()) {
				zip.putNextEntry(new ZipEntry(sheet.getKey() + ".csv"));
				zip.write(csv(sheet.getKey(), sheet.getValue()));
				zip.closeEntry();
			}
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
