package org.partynet.area;

import org.neo4j.driver.types.Node;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;

/** An office or service institution of a street. */
public record Institution(String code, String name, Kind kind) implements Identified {

	public enum Kind {

		OFFICE, SERVICE_INSTITUTION

	}

	public String id() {
		return GlobalId.of("Institution", this.code);
	}

	public static Institution from(Node node) {
		return new Institution(node.get("code").asString(), node.get("name").asString(),
				Kind.valueOf(node.get("kind").asString()));
	}

}
