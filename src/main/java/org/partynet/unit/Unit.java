package org.partynet.unit;

import org.neo4j.driver.types.Node;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;

/** An outside unit taking part in the network. */
public record Unit(String code, String name, UnitCategory category) implements Identified {

	public String id() {
		return GlobalId.of("Unit", this.code);
	}

	public String categoryName() {
		return this.category.chinese();
	}

	public static Unit from(Node node) {
		return new Unit(node.get("code").asString(), node.get("name").asString(),
				UnitCategory.valueOf(node.get("category").asString()));
	}

}
