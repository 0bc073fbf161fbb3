package org.partynet.person;

import org.neo4j.driver.types.Node;
import org.partynet.graphql.GlobalId;

/**
 * A person, with no more personal data than a role needs: the phone number stays in the graph
 * and out of the API until access control decides who may see it.
 */
public record Person(String code, String name, String gender) {

	public String id() {
		return GlobalId.of("Person", this.code);
	}

	public static Person from(Node node) {
		return new Person(node.get("code").asString(), node.get("name").asString(),
				node.get("gender").isNull() ? null : node.get("gender").asString());
	}

}
