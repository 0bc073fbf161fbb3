package org.partynet.account;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the hand-out workbook back, as the organization department's Excel would. */
final class HandoutWorkbookReader {

	private HandoutWorkbookReader() {
	}

	/** The user names of the sheet 书记账号, below its title and headers. */
	static List<String> usernames(String base64) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
			Sheet sheet = workbook.getSheet("书记账号");
			if (!"用户名".equals(sheet.getRow(1).getCell(0).getStringCellValue())
					|| !"一次性密码".equals(sheet.getRow(1).getCell(4).getStringCellValue())) {
				throw new AssertionError("Unexpected headers");
			}
			List<String> names = new ArrayList<>();
			for (int i = 2; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				names.add(row.getCell(0).getStringCellValue());
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
