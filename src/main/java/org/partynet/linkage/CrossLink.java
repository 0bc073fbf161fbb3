package org.partynet.linkage;

import org.partynet.person.Person;

/**
 * A link outside the party tree.
 *
 * @param kind what kind of link
 * @param from where it starts: an outside unit, an alliance, a site or a person
 * @param to where it ends: a party organization, an alliance or a site
 * @param via the person who carries it (the part-time member), or {@code null}
 */
public record CrossLink(CrossLinkKind kind, Object from, Object to, Person via) {

	public String kindName() {
		return this.kind.chinese() + " " + this.kind.english();
	}

}
