package org.partynet.model;

/** A kind that is one node label of the graph, and is named as that label is. */
public interface Labelled {

	/** The node label of this kind. */
	NodeLabel node();

	/** The label in the graph, {@code GridBranch}. */
	default String label() {
		return node().label();
	}

	default String chinese() {
		return node().chinese();
	}

	default String english() {
		return node().english();
	}

}
