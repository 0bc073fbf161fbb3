package org.partynet.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partynet.graphql.BadRequestException;
import org.partynet.model.Fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoverageDaysTests {

	// 20:00 UTC on 2026-11-29 is already 30 November in Beijing.
	private final CoverageDays days = new CoverageDays(
			Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), Fields.BEIJING));

	@Test
	void today_is_a_beijing_day() {
		assertThat(this.days.asOf(null)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(this.days.asOf(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void no_future_and_nothing_before_1921() {
		assertThatThrownBy(() -> this.days.asOf(LocalDate.of(2026, 12, 1))).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("asOf");
		assertThatThrownBy(() -> this.days.asOf(LocalDate.of(1920, 12, 31))).isInstanceOf(BadRequestException.class);
		assertThat(this.days.asOf(LocalDate.of(1921, 1, 1))).isEqualTo(LocalDate.of(1921, 1, 1));
	}

}
