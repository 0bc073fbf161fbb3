package org.partynet.model;

/**
 * Every relationship type of the network, with its Chinese name and how it reads from its
 * start (forward) and from its end (backward): the audit trail, the path finder and the
 * exports say it this way.
 */
public enum RelationshipType {

	HAS("包含", "包含", "位于"), GOVERNS("管辖", "领导", "受领导于"), COVERS("覆盖", "覆盖", "被覆盖于"), LEADS("领导", "领导", "隶属于"),
	HOLDS("任职", "任职于", "有任职"), MEMBER_OF("组织关系", "组织关系在", "有成员"), IN_GROUP("党小组成员", "编入", "有组员"),
	HEAD_OF("党员楼长", "任楼长", "楼长为"), WORKS_FOR("专职网格员", "任网格员", "网格员为"), INSTRUCTS("党建指导员", "指导", "指导员为"),
	EMPLOYED_BY("在职", "就职于", "派出"), CO_BUILDS("共驻共建", "共驻共建", "共建单位为"), REGISTERED_AT("双报到", "双报到于", "接收双报到"),
	PART_OF("隶属", "隶属于", "下设"), JOINS("联合", "加入", "联合单位为");

	private final String chinese;

	private final String forward;

	private final String backward;

	RelationshipType(String chinese, String forward, String backward) {
		this.chinese = chinese;
		this.forward = forward;
		this.backward = backward;
	}

	public String chinese() {
		return this.chinese;
	}

	/** How the relationship reads from its start node. */
	public String forward() {
		return this.forward;
	}

	/** How the relationship reads from its end node. */
	public String backward() {
		return this.backward;
	}

	/**
	 * 行政隶属: whether the relationship is administrative containment (an area inside an
	 * area, a committee over its area, an institution inside its street). Such a step
	 * says where something lies, not how people and units are linked, so the path finder
	 * uses it only when nothing else connects two nodes.
	 */
	public boolean containment() {
		return this == HAS || this == GOVERNS || this == PART_OF;
	}

	/** The type of this name; {@code null} for a type the network does not have. */
	public static RelationshipType of(String type) {
		for (RelationshipType value : values()) {
			if (value.name().equals(type)) {
				return value;
			}
		}
		return null;
	}

}
