package org.partynet.person;

import org.neo4j.driver.types.MapAccessor;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;

/**
 * A person, with no more personal data than a role needs: the phone number stays in the graph
 * and out of the API until access control decides who may see it.
 */
public record Person(String code, String name, String gender) implements Identified {

	public String id() {
		return GlobalId.of("Person", this.code);
	}

	/** From a node or from a map projected with {@link #PROJECTION}. */
	public static Person from(MapAccessor person) {
		return new Person(person.get("code").asString(), person.get("name").asString(),
				person.get("gender").asString(null));
	}

}
