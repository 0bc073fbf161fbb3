package org.partynet.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.partynet.graphql.BadRequestException;

import org.springframework.stereotype.Component;

/**
 * The day a coverage question is about. Days are Beijing days, whatever the server's zone: the
 * network lives there. No day before the Party's founding year nor after today.
 */
@Component
public class CoverageDays {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final Clock clock;

	public CoverageDays() {
		this(Clock.system(BEIJING));
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
	 * The day to answer for: today when none is given.
	 * @throws BadRequestException naming {@code asOf} for a day in the future or before 1921
	 */
	public LocalDate asOf(LocalDate asOf) {
		LocalDate today = today();
		if (asOf == null) {
			return today;
		}
		if (asOf.isAfter(today)) {
			throw new BadRequestException("asOf", "参数 asOf 不能晚于今天（%s）/ Argument 'asOf' cannot be after today (%s), was %s"
				.formatted(today, today, asOf));
		}
		if (asOf.getYear() < 1921) {
			throw new BadRequestException("asOf",
					"参数 asOf 不能早于 1921 年 / Argument 'asOf' cannot be before 1921, was %s".formatted(asOf));
		}
		return asOf;
	}

}
