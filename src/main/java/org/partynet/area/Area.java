package org.partynet.area;

import org.neo4j.driver.types.Node;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.model.AreaKind;

/** An area of the governance net, as the API shows it. */
public record Area(String code, String name, AreaKind kind) implements Identified {

	public String id() {
		return GlobalId.of(this.kind.label(), this.code);
	}

	public String kindName() {
		return this.kind.chinese();
	}

	public static Area from(Node node) {
		return new Area(node.get("code").asString(), node.get("name").asString(), AreaKind.fromLabels(node.labels()));
	}

}
