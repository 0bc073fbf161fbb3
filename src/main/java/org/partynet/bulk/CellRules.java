package org.partynet.bulk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.partynet.bulk.Format.Column;
import org.partynet.graphql.GlobalId;
import org.partynet.model.Fields;

/**
 * The cell rules of the import: a cell's text into a value by its column's
 * {@link Format.Type}, with the field rules of the model ({@link Fields}). Pure: no
 * database, no clock.
 */
final class CellRules {

	static final int MAX_TEXT = Fields.MAX_NAME;

	private CellRules() {
	}

	/**
	 * A cell's value (text, a day or a choice's stored value), or why the text is wrong.
	 */
	record Cell(Object value, String error) {

		static Cell of(Object value) {
			return new Cell(value, null);
		}

		static Cell wrong(String error) {
			return new Cell(null, error);
		}

		boolean ok() {
			return this.error == null;
		}

	}

	/** The value of a cell of this column; its text is not {@code null}. */
	static Cell read(Column column, String text) {
		return switch (column.type()) {
			case CODE, REFERENCE -> GlobalId.isWellFormedCode(text) ? Cell.of(text) : Cell.wrong(
					"代码“%s”格式不正确：只能包含字母、数字、“-”“_”“.”，最长 64 个字符 / Code '%s' must be 1 to 64 letters, digits, '-', '_' or '.'"
						.formatted(text, text));
			case TEXT -> (text.length() <= MAX_TEXT) ? Cell.of(text)
					: Cell.wrong("最长 %d 个字符，实为 %d / At most %d characters, was %d".formatted(MAX_TEXT, text.length(),
							MAX_TEXT, text.length()));
			case DATE -> day(text);
			case CHOICE -> choice(column, text);
			case PHONE -> Fields.isPhone(text) ? Cell.of(text)
					: Cell.wrong("电话号码“%s”格式不正确 / Phone number '%s' must be 3 to 20 digits, spaces, '+' or '-'"
						.formatted(text, text));
			case ID_NUMBER -> Fields.isIdNumber(text) ? Cell.of(text)
					: Cell.wrong("身份证号“%s”应为 17 位数字加一位数字或 X / ID number '%s' must be 17 digits and a digit or X"
						.formatted(text, text));
		};
	}

	private static Cell day(String text) {
		try {
			if (Fields.looksLikeDay(text)) {
				return Cell.of(LocalDate.parse(text));
			}
		}
		catch (DateTimeParseException ex) {
			// below
		}
		return Cell.wrong("日期“%s”不正确，应为 yyyy-MM-dd / Date '%s' is not a day yyyy-MM-dd".formatted(text, text));
	}

	/** A choice by its label, its stored value (any case) or one of its older labels. */
	private static Cell choice(Column column, String text) {
		for (Map.Entry<String, String> choice : column.values().entrySet()) {
			if (choice.getKey().equals(text) || choice.getValue().equalsIgnoreCase(text)) {
				return Cell.of(choice.getValue());
			}
		}
		String alias = column.aliases().get(text);
		if (alias != null) {
			return Cell.of(alias);
		}
		return Cell.wrong("“%s”不是可选值：%s / '%s' is not one of %s".formatted(text,
				String.join("、", column.values().keySet()), text, String.join(", ", column.values().values())));
	}

}
