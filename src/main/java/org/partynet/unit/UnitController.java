package org.partynet.unit;

import java.util.List;
import java.util.Map;

import org.partynet.area.Area;
import org.partynet.organization.Organization;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code Alliance} type, and the alliances of organizations and areas; batched per
 * level.
 */
@Controller
class UnitController {

	private final UnitQueries queries;

	UnitController(UnitQueries queries) {
		this.queries = queries;
	}

	@BatchMapping(typeName = "Alliance")
	Map<Alliance, Organization> leader(List<Alliance> alliances) {
		return this.queries.leaders(alliances);
	}

	@BatchMapping(typeName = "Alliance")
	Map<Alliance, List<Unit>> members(List<Alliance> alliances) {
		return this.queries.members(alliances);
	}

	@BatchMapping(typeName = "Alliance")
	Map<Alliance, List<Area>> sites(List<Alliance> alliances) {
		return this.queries.sites(alliances);
	}

	@BatchMapping(typeName = "Organization", field = "alliances")
	Map<Organization, List<Alliance>> alliancesLed(List<Organization> organizations) {
		return this.queries.ledBy(organizations);
	}

	@BatchMapping(typeName = "Area", field = "alliances")
	Map<Area, List<Alliance>> alliancesCovering(List<Area> areas) {
		return this.queries.covering(areas);
	}

}
