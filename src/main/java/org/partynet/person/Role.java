package org.partynet.person;

import java.time.LocalDate;

import org.partynet.area.Area;
import org.partynet.model.RoleKind;
import org.partynet.organization.Organization;
import org.partynet.unit.Unit;

/** One role of a person and what it attaches to: an organization, an area or a unit. */
public record Role(RoleKind kind, String title, Organization organization, Area area, Unit unit, LocalDate since) {
}
