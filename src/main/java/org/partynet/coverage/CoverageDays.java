package org.partynet.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.partynet.graphql.BadRequestException;
import org.partynet.model.Fields;

import org.springframework.stereotype.Component;

/**
 * The day a coverage question is about. Days are Beijing days, whatever the server's
 * zone: the network lives there. No day before the Party's founding year nor after today.
 */
@Component
public class CoverageDays {

	private final Clock clock;

	public CoverageDays() {
		this(Clock.system(Fields.BEIJING));
	}

	CoverageDays(Clock clock) {
		this.clock = clock;
	}

	public Clock clock() {
		return this.clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The day a request parameter names, checked like {@link #asOf(LocalDate)}: today
	 * when blank.
	 * @throws BadRequestException naming {@code asOf} for text that is not a date, or a
	 * bad day
	 */
	public LocalDate parse(String asOf) {
		if (asOf == null || asOf.isBlank()) {
			return asOf(null);
		}
		try {
			return asOf(LocalDate.parse(asOf.strip()));
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("asOf",
					"参数 asOf 应为日期，如 2021-03-15 / Argument 'asOf' must be a date such as 2021-03-15, was " + asOf);
		}
	}

	/**
	 * The day to answer for: today when none is given.
	 * @throws BadRequestException naming {@code asOf} for a day in the future or before
	 * 1921
	 */
	public LocalDate asOf(LocalDate asOf) {
		LocalDate today = today();
		if (asOf == null) {
			return today;
		}
		if (asOf.isAfter(today)) {
			throw new BadRequestException("asOf",
					"参数 asOf 不能晚于今天（%s）/ Argument 'asOf' cannot be after today (%s), was %s".formatted(today, today,
							asOf));
		}
		if (asOf.getYear() < Fields.FIRST_YEAR) {
			throw new BadRequestException("asOf",
					"参数 asOf 不能早于 1921 年 / Argument 'asOf' cannot be before 1921, was %s".formatted(asOf));
		}
		return asOf;
	}

}
