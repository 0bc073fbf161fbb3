package org.partynet.area;

/** Kinds of area, with their labels in the graph. */
public enum AreaKind {

	DISTRICT("District", "区"),
	STREET("Street", "街道"),
	COMMUNITY("Community", "社区"),
	GRID("Grid", "网格"),
	BUILDING("Building", "楼院"),
	COMMERCIAL_BUILDING("CommercialBuilding", "商务楼宇"),
	MARKET("Market", "商圈市场");

	private final String label;

	private final String chinese;

	AreaKind(String label, String chinese) {
		this.label = label;
		this.chinese = chinese;
	}

	public String label() {
		return this.label;
	}

	public String chinese() {
		return this.chinese;
	}

	public static AreaKind fromLabels(Iterable<String> labels) {
		for (String label : labels) {
			for (AreaKind kind : values()) {
				if (kind.label.equals(label)) {
					return kind;
				}
			}
		}
		throw new IllegalArgumentException("Not an area: " + labels);
	}

}
