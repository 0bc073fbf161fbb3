package org.partynet.change;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partynet.change.Inputs.CreateOrganizationInput;
import org.partynet.change.Inputs.EndRoleInput;
import org.partynet.change.Inputs.LinkInput;
import org.partynet.change.Inputs.UpdateOrganizationInput;
import org.partynet.change.Inputs.UpdatePersonInput;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RelationshipKind;
import org.partynet.model.RoleKind;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Spring for GraphQL binds the mutations' inputs to their records (no server, no
 * database): enums by name into the model's, dates as the scalar parsed them, lists, and
 * an update's absent field told from an explicit {@code null}.
 */
class InputBindingTests {

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	private <T> T bind(Map<String, Object> input, Class<T> type) throws Exception {
		return type.cast(this.binder.bind(input, false, ResolvableType.forClass(type)));
	}

	@Test
	void binds_enums_dates_and_lists() throws Exception {
		CreateOrganizationInput input = bind(
				Map.of("kind", "GRID_BRANCH", "code", "GZ-ZB99", "name", "网格党支部", "parent", "CommunityCommittee:GZ-C01",
						"areas", List.of("Grid:G1", "Grid:G2"), "on", LocalDate.of(2024, 3, 1)),
				CreateOrganizationInput.class);
		assertThat(input).isEqualTo(new CreateOrganizationInput(OrganizationKind.GRID_BRANCH, "GZ-ZB99", "网格党支部",
				"CommunityCommittee:GZ-C01", List.of("Grid:G1", "Grid:G2"), LocalDate.of(2024, 3, 1)));
		LinkInput link = bind(Map.of("kind", "HEAD_OF", "from", "Person:P1", "version", 3, "to", "Building:B1"),
				LinkInput.class);
		assertThat(link.kind()).isEqualTo(RelationshipKind.HEAD_OF);
		assertThat(link.version()).isEqualTo(3);
		assertThat(link.on()).isNull();
		assertThat(link.title()).isNull();
	}

	@Test
	void an_update_tells_an_absent_field_from_null_and_both_leave_it_unchanged() throws Exception {
		Map<String, Object> given = new HashMap<>(Map.of("id", "GridBranch:ZB01", "version", 0));
		given.put("name", null);
		UpdateOrganizationInput input = bind(given, UpdateOrganizationInput.class);
		assertThat(input.name().isOmitted()).isFalse();
		assertThat(input.name().value()).isNull();
		assertThat(input.electedOn().isOmitted()).isTrue();
		assertThat(input.electedOn().value()).isNull();
		UpdatePersonInput person = bind(Map.of("id", "Person:P1", "version", 1, "partyStatus", "FULL"),
				UpdatePersonInput.class);
		assertThat(person.partyStatus().value()).isEqualTo("FULL");
		assertThat(person.phone().isOmitted()).isTrue();
	}

	@Test
	void an_ended_post_is_the_assigned_one_without_a_title() throws Exception {
		EndRoleInput input = bind(
				Map.of("person", "Person:P1", "version", 2, "organization", "GridBranch:ZB01", "role", "SECRETARY"),
				EndRoleInput.class);
		assertThat(input.asRole().role()).isEqualTo(RoleKind.SECRETARY);
		assertThat(input.asRole().title()).isNull();
		assertThat(input.asRole().version()).isEqualTo(2);
	}

}
