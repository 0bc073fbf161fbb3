package org.partynet.model;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model itself: its hierarchy, its labels and its field rules, without a database.
 */
class NetworkModelTests {

	@Test
	void each_level_is_led_by_the_one_above_and_covers_its_own_kind_of_area() {
		assertThat(Arrays.stream(OrganizationKind.values()).map(k -> k.chinese() + "→" + k.area().chinese()))
			.containsExactly("街道党工委→街道", "社区党委→社区", "网格党支部→网格", "楼院党小组→楼院");
		assertThat(OrganizationKind.STREET_WORKING_COMMITTEE.parent()).isNull();
		assertThat(OrganizationKind.BUILDING_GROUP.parent()).isEqualTo(OrganizationKind.GRID_BRANCH);
		assertThat(OrganizationKind.GRID_BRANCH.parent().area()).isEqualTo(AreaKind.GRID.parent());
		assertThat(OrganizationKind.COMMUNITY_COMMITTEE.areaRelationship()).isEqualTo("GOVERNS");
		assertThat(OrganizationKind.GRID_BRANCH.areaRelationship()).isEqualTo("COVERS");
		assertThat(OrganizationKind.BUILDING_GROUP.membershipType()).isEqualTo("IN_GROUP");
	}

	@Test
	void areas_lie_in_the_kind_above_and_sites_in_grids() {
		assertThat(AreaKind.DISTRICT.parent()).isNull();
		assertThat(AreaKind.MARKET.parent()).isEqualTo(AreaKind.GRID);
		assertThat(AreaKind.COMMERCIAL_BUILDING.parent()).isEqualTo(AreaKind.GRID);
		assertThat(AreaKind.ofLabel("Grid")).isEqualTo(AreaKind.GRID);
		assertThat(AreaKind.ofLabel("GridBranch")).isNull();
	}

	@Test
	void every_area_and_organization_label_is_a_node_label_of_its_family() {
		Set<String> kinds = Arrays.stream(NodeLabel.values()).map(NodeLabel::label).collect(Collectors.toSet());
		assertThat(kinds).containsAll(AreaKind.LABELS).containsAll(OrganizationKind.LABELS);
		assertThat(NodeLabel.of("Grid").family()).isEqualTo("Area");
		assertThat(NodeLabel.of("GridBranch").family()).isEqualTo("PartyOrganization");
		assertThat(NodeLabel.of("Alliance").family()).isEqualTo("Alliance");
		for (RelationshipKind link : RelationshipKind.values()) {
			assertThat(kinds).as(link.name()).containsAll(link.from()).containsAll(link.to());
			assertThat(RelationshipType.of(link.type())).as(link.name()).isNotNull();
		}
	}

	@Test
	void posts_are_the_first_five_roles() {
		assertThat(Arrays.stream(RoleKind.values()).filter(RoleKind::isPost).map(RoleKind::chinese))
			.containsExactly("书记", "副书记", "委员", "兼职委员", "党小组组长");
		assertThat(RoleKind.post("SECRETARY")).isEqualTo(RoleKind.SECRETARY);
		assertThat(RoleKind.post("BUILDING_HEAD")).isNull();
	}

	@Test
	void field_rules() {
		assertThat(Fields.isCode("GZ-DJ-C01-ZB01")).isTrue();
		assertThat(Fields.isCode("-GZ")).isFalse();
		assertThat(Fields.isCode("a".repeat(65))).isFalse();
		assertThat(Fields.isPhone("+86 138-0000-0000")).isTrue();
		assertThat(Fields.isPhone("12")).isFalse();
		assertThat(Fields.isIdNumber("11010519491231002X")).isTrue();
		assertThat(Fields.isIdNumber("11010519491231002x")).isFalse();
		assertThat(Fields.looksLikeDay("2026-12-01")).isTrue();
		assertThat(Fields.unprintable("青年社区")).isEqualTo(-1);
		assertThat(Fields.unprintable("青年\u202E社区")).isEqualTo(2);
		assertThat(Fields.unprintable("𠀀社区")).isEqualTo(-1);
	}

}
