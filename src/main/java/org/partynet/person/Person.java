package org.partynet.person;

import org.neo4j.driver.types.MapAccessor;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.security.Access;

/**
 * A person. What the signed-in account may not read never gets into this record, so no API
 * field, page or download can show it: a viewer sees no personal data at all, and phone and ID
 * numbers are masked for everyone but the organization department.
 */
public record Person(String code, String name, String gender, String phone, String idNumber) implements Identified {

	/** The name shown to accounts that may not read personal data. */
	public static final String HIDDEN = "（已隐藏 hidden）";

	public String id() {
		return GlobalId.of("Person", this.code);
	}

	/** From a node or from a map with the node's properties, as the current account may see it. */
	public static Person from(MapAccessor person) {
		String code = person.get("code").asString();
		if (!Access.seesPeople()) {
			return new Person(code, HIDDEN, null, null, null);
		}
		String phone = person.get("phone").asString(null);
		String idNumber = person.get("idNumber").asString(null);
		if (!Access.seesUnmasked()) {
			phone = mask(phone, 3, 4);
			idNumber = mask(idNumber, 3, 4);
		}
		return new Person(code, person.get("name").asString(), person.get("gender").asString(null), phone, idNumber);
	}

	/** Keeps the first and last characters, as Chinese forms print numbers: {@code 000-****-0123}. */
	static String mask(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		StringBuilder masked = new StringBuilder(value.substring(0, head));
		for (int i = head; i < value.length() - tail; i++) {
			masked.append(Character.isLetterOrDigit(value.charAt(i)) ? '*' : value.charAt(i));
		}
		return masked.append(value.substring(value.length() - tail)).toString();
	}

}
