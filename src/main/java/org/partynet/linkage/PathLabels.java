package org.partynet.linkage;

import java.util.Map;

import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

/** What a relationship says in Chinese, read the way a path goes (with or against its direction). */
final class PathLabels {

	// type -> {read from start to end, read from end to start}
	private static final Map<String, String[]> LABELS = Map.ofEntries(Map.entry("HAS", new String[] { "包含", "位于" }),
			Map.entry("GOVERNS", new String[] { "领导", "受领导于" }), Map.entry("COVERS", new String[] { "覆盖", "被覆盖于" }),
			Map.entry("LEADS", new String[] { "领导", "隶属于" }), Map.entry("IN_GROUP", new String[] { "编入", "有组员" }),
			Map.entry("HEAD_OF", new String[] { "任楼长", "楼长为" }), Map.entry("WORKS_FOR", new String[] { "任网格员", "网格员为" }),
			Map.entry("INSTRUCTS", new String[] { "指导", "指导员为" }),
			Map.entry("EMPLOYED_BY", new String[] { "就职于", "派出" }),
			Map.entry("CO_BUILDS", new String[] { "共驻共建", "共建单位为" }),
			Map.entry("REGISTERED_AT", new String[] { "双报到于", "接收双报到" }),
			Map.entry("PART_OF", new String[] { "隶属于", "下设" }), Map.entry("JOINS", new String[] { "加入", "联合单位为" }));

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
		String[] labels = LABELS.get(type);
		return (labels != null) ? labels[forward ? 0 : 1] : type;
	}

}
