package org.partynet.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kinds of area, each with the kind of area that contains it ({@code HAS}): 区 → 街道 → 社区 →
 * 网格 → 楼院, and the commercial sites (商务楼宇, 商圈市场) in a grid beside its buildings.
 */
public enum AreaKind implements Labelled {

	DISTRICT(NodeLabel.DISTRICT, null), STREET(NodeLabel.STREET, DISTRICT), COMMUNITY(NodeLabel.COMMUNITY, STREET),
	GRID(NodeLabel.GRID, COMMUNITY), BUILDING(NodeLabel.BUILDING, GRID),
	COMMERCIAL_BUILDING(NodeLabel.COMMERCIAL_BUILDING, GRID), MARKET(NodeLabel.MARKET, GRID);

	/** Every area label in the graph. */
	public static final Set<String> LABELS = Arrays.stream(values())
		.map(AreaKind::label)
		.collect(Collectors.toUnmodifiableSet());

	private static final Map<String, AreaKind> BY_LABEL = Kinds.byLabel(values(), AreaKind::label);

	private final NodeLabel node;

	private final AreaKind parent;

	AreaKind(NodeLabel node, AreaKind parent) {
		this.node = node;
		this.parent = parent;
	}

	@Override
	public NodeLabel node() {
		return this.node;
	}

	/** The kind of area that contains one of this kind; {@code null} for a district. */
	public AreaKind parent() {
		return this.parent;
	}

	/** The kind of this label; {@code null} when the label is not one of these kinds'. */
	public static AreaKind ofLabel(String label) {
		return BY_LABEL.get(label);
	}

	/** The kind of a node, from its labels. */
	public static AreaKind fromLabels(Iterable<String> labels) {
		AreaKind kind = Kinds.first(labels, BY_LABEL);
		if (kind == null) {
			throw new IllegalArgumentException("Not an area: " + labels);
		}
		return kind;
	}

}
