package org.partynet.person;

import java.time.LocalDate;

import org.partynet.model.RoleKind;
import org.partynet.organization.Organization;

/** A post held by a person in a party organization. */
public record Post(Person person, Organization organization, RoleKind role, String title, LocalDate since) {
}
