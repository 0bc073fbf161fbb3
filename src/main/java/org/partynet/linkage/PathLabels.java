package org.partynet.linkage;

import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.partynet.model.RelationshipType;

/**
 * What a relationship says in Chinese, read the way a path goes (with or against its
 * direction).
 */
final class PathLabels {

	private PathLabels() {
	}

	static String label(Relationship relationship, Node start, boolean forward) {
		String type = relationship.type();
		if (type.equals("HOLDS")) {
			String title = relationship.get("title").asString("职务");
			return forward ? "任" + title : title + "为";
		}
		if (type.equals("MEMBER_OF")) {
			if (start.hasLabel("Unit")) {
				return forward ? "加入" : "成员单位为";
			}
			return forward ? "组织关系在" : "有党员";
		}
		RelationshipType known = RelationshipType.of(type);
		if (known == null) {
			return type;
		}
		return forward ? known.forward() : known.backward();
	}

}
