package org.partynet.linkage;

import java.util.List;

import org.partynet.area.Area;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.unit.Alliance;
import org.partynet.unit.Unit;

/**
 * The outside units linked to an organization or area, grouped by kind of link.
 *
 * @param node the organization or area
 * @param groups one group per kind of link that occurs
 */
public record Linkages(Object node, List<Group> groups) {

	public int unitCount() {
		return (int) this.groups.stream()
			.flatMap(group -> group.links().stream())
			.map(link -> link.unit().code())
			.distinct()
			.count();
	}

	/** The units linked in one way. */
	public record Group(LinkKind kind, List<UnitLink> links) {

		public String kindName() {
			return this.kind.kindName();
		}

	}

	/** One unit and what carries its link. */
	public record UnitLink(Unit unit, List<Person> people, List<Alliance> alliances, List<Organization> organizations,
			List<Area> communities) {
	}

}
