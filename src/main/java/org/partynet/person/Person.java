package org.partynet.person;

import org.neo4j.driver.types.MapAccessor;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.security.Access;

/**
 * A person. What the signed-in account may not read never gets into this record, so no
 * API field, page or download can show it: a viewer sees no personal data at all, and
 * phone and ID numbers are masked for everyone but the organization department. The
 * statement executor masks the node before it gets here.
 */
public record Person(String code, String name, String gender, String phone, String idNumber) implements Identified {

	/** The name shown to accounts that may not read personal data. */
	public static final String HIDDEN = Access.HIDDEN_NAME;

	public String id() {
		return GlobalId.of("Person", this.code);
	}

	/**
	 * From a node as the statement executor handed it over: confined and masked for the
	 * reader already ({@code graph.Disclosure}), so nothing here decides what may be
	 * shown.
	 */
	public static Person from(MapAccessor person) {
		return new Person(person.get("code").asString(), person.get("name").asString(),
				person.get("gender").asString(null), person.get("phone").asString(null),
				person.get("idNumber").asString(null));
	}

}
