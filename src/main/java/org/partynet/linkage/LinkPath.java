package org.partynet.linkage;

import java.util.List;

import org.partynet.model.RelationshipType;

/**
 * A path between two nodes ({@code Path} in the schema).
 *
 * @param nodes the API records of the nodes, in path order
 * @param relationships the steps, in path order
 * @param sentence the path as one Chinese sentence
 */
public record LinkPath(List<Object> nodes, List<Step> relationships, String sentence) {

	public int length() {
		return this.relationships.size();
	}

	/**
	 * Whether a step is administrative containment
	 * ({@link RelationshipType#containment()}).
	 */
	public boolean containment() {
		return this.relationships.stream().anyMatch(step -> {
			RelationshipType type = RelationshipType.of(step.type());
			return type != null && type.containment();
		});
	}

	/** One relationship of a path ({@code PathStep}). */
	public record Step(String type, String label, boolean forward, String startId, String endId) {
	}

}
