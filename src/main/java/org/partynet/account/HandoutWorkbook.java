package org.partynet.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.partynet.account.SecretaryAccountsQueries.Created;
import org.partynet.model.Fields;
import org.partynet.report.CellText;
import org.partynet.report.Sheets;

import org.springframework.stereotype.Component;

/**
 * The sheet the organization department prints or sends to hand the new secretaries'
 * accounts out: one row per account with its one-time password, which exists nowhere else
 * in clear. Names pass through {@link CellText}, as in every workbook we write, so a name
 * that looks like a formula stays text.
 */
@Component
class HandoutWorkbook {

	/** The workbook, as base64 for the API. */
	String workbook(String scope, List<Created> created, Map<String, List<String>> posts) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("书记账号");
			CellStyle header = Sheets.headerStyle(workbook);
			CellText.Cells cells = CellText.cells(workbook);
			Row title = sheet.createRow(0);
			cells.text(title, 0, "书记账号（%s，%s）：首次登录须修改一次性密码，请妥善保管、当面或单独交付".formatted(scope, Fields.today()));
			Sheets.headers(sheet, 1, header, "用户名", "姓名", "人员代码", "党组织与职务", "一次性密码");
			int index = 2;
			for (Created account : created) {
				Row row = sheet.createRow(index++);
				cells.text(row, 0, account.account().username());
				cells.text(row, 1, (account.account().person() != null) ? account.account().person().name() : "");
				cells.text(row, 2, (account.account().person() != null) ? account.account().person().code() : "");
				cells.text(row, 3, String.join("；", posts.getOrDefault(account.account().username(), List.of())));
				cells.text(row, 4, account.oneTimePassword());
			}
			Sheets.widths(sheet, 14, 10, 12, 40, 16);
			workbook.write(out);
			return Base64.getEncoder().encodeToString(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
