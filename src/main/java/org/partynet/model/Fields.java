package org.partynet.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The rules every field keeps, wherever it comes from (a mutation, a workbook, an id):
 * codes, names, phone and identity numbers, and days, which are Beijing days.
 */
public final class Fields {

	/**
	 * Every day in the network (effective days, as-of days, file names) is a day in
	 * Beijing.
	 */
	public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** The longest name or title. */
	public static final int MAX_NAME = 100;

	/** No day before the Party's founding year can be asked about or recorded. */
	public static final int FIRST_YEAR = 1921;

	/** The rule a code keeps, said for people. */
	public static final String CODE_RULE = "编码只能包含字母、数字、“-”“_”“.”，最长 64 个字符 / Code must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit";

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 +-]{2,19}");

	private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	// Characters that make a text read differently from what it holds.
	private static final String BIDI_CONTROLS = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

	private Fields() {
	}

	/** Today in Beijing. */
	public static LocalDate today() {
		return LocalDate.now(BEIJING);
	}

	public static boolean isCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	/**
	 * 3 to 20 digits, spaces, {@code +} or {@code -}, starting with a digit or {@code +}.
	 */
	public static boolean isPhone(String phone) {
		return phone != null && PHONE.matcher(phone).matches();
	}

	/** 17 digits and a digit or {@code X}. */
	public static boolean isIdNumber(String idNumber) {
		return idNumber != null && ID_NUMBER.matcher(idNumber).matches();
	}

	/**
	 * Written as {@code yyyy-MM-dd} (whether it is a real day, {@link LocalDate#parse}
	 * says).
	 */
	public static boolean looksLikeDay(String text) {
		return text != null && DAY.matcher(text).matches();
	}

	/**
	 * The index of the first character of {@code text} that does not print as itself (a
	 * control character, half a surrogate pair, a bidirectional override), or {@code -1}:
	 * every page, report and workbook shows names as they are.
	 */
	public static int unprintable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (pair) {
				i++;
			}
			else if (Character.isISOControl(c) || Character.isSurrogate(c) || BIDI_CONTROLS.indexOf(c) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
