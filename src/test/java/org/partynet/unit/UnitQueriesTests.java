package org.partynet.unit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partynet.area.Area;
import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;
import org.partynet.organization.Organization;
import org.partynet.support.QueryTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Cypher query of {@link UnitQueries} against the sample network. */
class UnitQueriesTests extends QueryTestSupport {

	UnitQueries queries = new UnitQueries(sample());

	@Test
	void alliances_their_leader_members_and_sites() {
		var street = new Organization("GZ-DJ-DGW", "东街街道党工委", OrganizationKind.STREET_WORKING_COMMITTEE);
		List<Alliance> alliances = this.queries.ledBy(List.of(street)).get(street);
		assertThat(alliances).extracting(Alliance::code).containsExactly("GZ-DJ-LM01", "GZ-DJ-LM02", "GZ-DJ-LM03");
		Alliance markets = alliances.get(2);
		assertThat(this.queries.leaders(alliances)).containsEntry(markets, street);
		assertThat(this.queries.members(List.of(markets)).get(markets)).extracting(Unit::category)
			.contains(UnitCategory.AGENCY, UnitCategory.PROPERTY_MANAGEMENT, UnitCategory.SOCIAL_ORGANIZATION);
		assertThat(this.queries.sites(List.of(markets)).get(markets)).extracting(Area::code)
			.containsExactly("GZ-DJ-SC01", "GZ-DJ-SC02");
		var uncovered = new Area("GZ-DJ-SC03", "长安小商品市场", AreaKind.MARKET);
		var covered = new Area("GZ-DJ-SC01", "东街农贸市场", AreaKind.MARKET);
		var covering = this.queries.covering(List.of(uncovered, covered));
		assertThat(covering.get(uncovered)).isEmpty();
		assertThat(covering.get(covered)).containsExactly(markets);
	}

}
