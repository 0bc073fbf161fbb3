package org.partynet.organization;

import org.neo4j.driver.types.Node;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Identified;
import org.partynet.model.OrganizationKind;

/** A party organization, as the API shows it. */
public record Organization(String code, String name, OrganizationKind kind) implements Identified {

	public String id() {
		return GlobalId.of(this.kind.label(), this.code);
	}

	public String kindName() {
		return this.kind.chinese();
	}

	public static Organization from(Node node) {
		return new Organization(node.get("code").asString(), node.get("name").asString(),
				OrganizationKind.fromLabels(node.labels()));
	}

}
