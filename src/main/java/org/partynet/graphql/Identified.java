package org.partynet.graphql;

/** An API record of the {@code Node} interface: it has a global id ({@link GlobalId}). */
public interface Identified {

	/** The global id, {@code Label:code}. */
	String id();

}
