package org.partynet.linkage;

import java.util.List;

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

	/** One relationship of a path ({@code PathStep}). */
	public record Step(String type, String label, boolean forward, String startId, String endId) {
	}

}
