package org.partynet.network;

import org.neo4j.driver.types.Node;
import org.partynet.area.Area;
import org.partynet.area.Institution;
import org.partynet.graphql.Identified;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.unit.Alliance;
import org.partynet.unit.Unit;

/** Database nodes as the API types of the {@code Node} interface. */
public final class Nodes {

	private Nodes() {
	}

	/** The record of the node's kind, by its labels. */
	public static Identified toApi(Node node) {
		if (node.hasLabel("Area")) {
			return Area.from(node);
		}
		if (node.hasLabel("PartyOrganization")) {
			return Organization.from(node);
		}
		if (node.hasLabel("Person")) {
			return Person.from(node);
		}
		if (node.hasLabel("Unit")) {
			return Unit.from(node);
		}
		if (node.hasLabel("Alliance")) {
			return Alliance.from(node);
		}
		if (node.hasLabel("Institution")) {
			return Institution.from(node);
		}
		throw new IllegalStateException("No API type for labels " + node.labels());
	}

}
