package org.partynet.graphql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTests {

	private final Paging paging = new Paging(100, 100);

	@Test
	void cursors_round_trip_and_garbage_is_refused() {
		assertThat(this.paging.after(Paging.cursor("GZ-DJ-C01"))).isEqualTo("GZ-DJ-C01");
		assertThat(this.paging.after(null)).isNull();
		for (String bad : List.of("GZ-DJ-C01", "!!!", Paging.cursor("bad code with spaces"))) {
			assertThatThrownBy(() -> this.paging.after(bad)).isInstanceOf(BadRequestException.class)
				.extracting("argument")
				.isEqualTo("after");
		}
	}

	@Test
	void page_sizes_and_text_lengths_are_bounded() {
		assertThat(this.paging.first(null)).isEqualTo(20);
		assertThat(this.paging.first(0)).isZero();
		assertThat(this.paging.first(100)).isEqualTo(100);
		assertThatThrownBy(() -> this.paging.first(101)).isInstanceOf(BadRequestException.class);
		assertThat(this.paging.text("name", "  ")).isNull();
		assertThat(this.paging.text("name", " 东湖 ")).isEqualTo("东湖");
		assertThatThrownBy(() -> this.paging.text("name", "x".repeat(101))).hasMessageContaining("name");
	}

	@Test
	void a_connection_knows_whether_more_follow() {
		var connection = Paging.connection(List.of("a", "b", "c"), 2, true, 10, s -> s);
		assertThat(connection.nodes()).containsExactly("a", "b");
		assertThat(connection.pageInfo().hasNextPage()).isTrue();
		assertThat(connection.pageInfo().hasPreviousPage()).isTrue();
		assertThat(connection.pageInfo().endCursor()).isEqualTo(Paging.cursor("b"));
		var last = Paging.connection(List.of("a"), 2, false, 1, s -> s);
		assertThat(last.pageInfo().hasNextPage()).isFalse();
	}

	@Test
	void ids_name_a_label_and_a_code() {
		assertThat(GlobalId.parse("GridBranch:GZ-DJ-C01-ZB01", "id"))
			.isEqualTo(new GlobalId("GridBranch", "GZ-DJ-C01-ZB01"));
		for (String bad : List.of("", ":", "GridBranch:", "Planet:EARTH", "Grid:a b", "Grid")) {
			assertThatThrownBy(() -> GlobalId.parse(bad, "id")).isInstanceOf(BadRequestException.class);
		}
	}

}
