package org.partynet.linkage;

import java.util.List;

import org.partynet.area.Area;
import org.partynet.person.Person;
import org.partynet.unit.UnitCategory;

/** 联动概况 of a scope; see {@code LinkageSummary} in schema.graphqls. */
public record LinkageSummary(String name, List<UnitCount> units, List<UnitCount> unitsByCategory,
		List<CommunityPartTimeMembers> partTimeMembers, List<Area> unlinkedCommunities) {

	/**
	 * Distinct units of a category, linked in one way ({@code kind}) or at all
	 * ({@code null}).
	 */
	public record UnitCount(UnitCategory category, LinkKind kind, int units) {

		public String categoryName() {
			return this.category.chinese();
		}

		public String kindName() {
			return (this.kind != null) ? this.kind.kindName() : null;
		}

	}

	/** The part-time members of one community. */
	public record CommunityPartTimeMembers(Area community, List<Person> people) {

		public int count() {
			return this.people.size();
		}

	}

}
