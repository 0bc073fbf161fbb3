package org.partynet.linkage;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.partynet.model.RelationshipType;

/**
 * What the paths of {@code connection} may run through ({@code PathRelationships} in the
 * schema). The sets come from {@link RelationshipType}: every type of the network, with
 * or without administrative containment; the audit trail and accounts are no part of it,
 * so no path runs through them.
 */
public enum PathRelationships {

	/** Party and linkage relationships only. */
	LINKAGE_ONLY,

	/**
	 * Party and linkage relationships; administrative containment only when they connect
	 * nothing within the bound.
	 */
	PREFER_LINKAGE,

	/** Every relationship of the network, containment included. */
	ANY;

	// Written once: the types are the model's and do not change while the service runs.
	private static final String LINKAGE_TYPES = types(false);

	private static final String ALL_TYPES = types(true);

	/**
	 * The Cypher type expression of the linkage relationships, {@code HOLDS|MEMBER_OF|…}.
	 */
	static String linkageTypes() {
		return LINKAGE_TYPES;
	}

	/** The Cypher type expression of every relationship of the network. */
	static String allTypes() {
		return ALL_TYPES;
	}

	private static String types(boolean containment) {
		return Arrays.stream(RelationshipType.values())
			.filter(type -> containment || !type.containment())
			.map(RelationshipType::name)
			.collect(Collectors.joining("|"));
	}

}
