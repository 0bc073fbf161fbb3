package org.partynet.linkage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partynet.area.Area;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.unit.Alliance;
import org.partynet.unit.Unit;

/** Where an outside unit reaches, and through what. */
public record Reach(Unit unit, List<Place> places) {

	public List<Area> communities() {
		Map<String, Area> byCode = new TreeMap<>();
		this.places.forEach(place -> byCode.putIfAbsent(place.community().code(), place.community()));
		return List.copyOf(byCode.values());
	}

	/** One place and the way it is reached. */
	public record Place(LinkKind kind, Area community, Area grid, Area site, Person person, Alliance alliance,
			Organization organization) {

		public String kindName() {
			return this.kind.kindName();
		}

	}

}
