package org.partynet.unit;

import org.neo4j.driver.types.Node;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;

/** A party-building alliance (党建联盟) in commercial buildings and markets. */
public record Alliance(String code, String name) implements Identified {

	public String id() {
		return GlobalId.of("Alliance", this.code);
	}

	public static Alliance from(Node node) {
		return new Alliance(node.get("code").asString(), node.get("name").asString());
	}

}
