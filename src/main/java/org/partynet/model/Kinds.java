package org.partynet.model;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How the model's kinds are found by their node labels. */
final class Kinds {

	private Kinds() {
	}

	/** Each kind by its label in the graph. */
	static <K> Map<String, K> byLabel(K[] kinds, Function<K, String> label) {
		return Stream.of(kinds).collect(Collectors.toUnmodifiableMap(label, Function.identity()));
	}

	/**
	 * The kind of the first of a node's labels that names one; {@code null} when none
	 * does.
	 */
	static <K> K first(Iterable<String> labels, Map<String, K> byLabel) {
		for (String label : labels) {
			K kind = byLabel.get(label);
			if (kind != null) {
				return kind;
			}
		}
		return null;
	}

}
