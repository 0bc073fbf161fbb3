package org.partynet.change;

import java.time.LocalDate;
import java.util.List;

import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RelationshipKind;
import org.partynet.model.RoleKind;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The mutations' input types of schema.graphqls, one record each, as Spring for GraphQL
 * binds them: enums by name into the model's enums, {@code Date} as {@link LocalDate}
 * (the extended scalar parses it first), {@code ID} as the text given. Ids, codes and
 * names stay text: {@link Work} checks them and names the field at fault, which a binding
 * error could not. Versions are {@link Integer} so that a value the binder cannot hold
 * reaches the version check, not an error.
 *
 * <p>
 * The optional fields of an update are {@link ArgumentValue}s: "unchanged when absent",
 * and an explicit {@code null} leaves the field unchanged too (as it always did).
 */
final class Inputs {

	private Inputs() {
	}

	/** See {@code CreateAreaInput}. */
	record CreateAreaInput(AreaKind kind, String code, String name, String parent, LocalDate on) {
	}

	/** See {@code UpdateAreaInput}. */
	record UpdateAreaInput(String id, Integer version, String name) {
	}

	/** See {@code TransferAreaInput}. */
	record TransferAreaInput(String id, Integer version, String parent, LocalDate on) {
	}

	/** See {@code CreateOrganizationInput}. */
	record CreateOrganizationInput(OrganizationKind kind, String code, String name, String parent, List<String> areas,
			LocalDate on) {
	}

	/** See {@code UpdateOrganizationInput}. */
	record UpdateOrganizationInput(String id, Integer version, ArgumentValue<String> name,
			ArgumentValue<LocalDate> electedOn) {
	}

	/** See {@code CreatePersonInput}; {@code partyStatus} is the enum's name. */
	record CreatePersonInput(String code, String name, String gender, String phone, String idNumber,
			String organization, String partyStatus, LocalDate on) {
	}

	/** See {@code UpdatePersonInput}. */
	record UpdatePersonInput(String id, Integer version, ArgumentValue<String> name, ArgumentValue<String> gender,
			ArgumentValue<String> phone, ArgumentValue<String> idNumber, ArgumentValue<String> partyStatus) {
	}

	/** See {@code AssignRoleInput}. */
	record AssignRoleInput(String person, Integer version, String organization, RoleKind role, String title,
			LocalDate on) {
	}

	/** See {@code EndRoleInput}. */
	record EndRoleInput(String person, Integer version, String organization, RoleKind role, LocalDate on) {

		/** A post ends as it was assigned, without a title. */
		AssignRoleInput asRole() {
			return new AssignRoleInput(this.person, this.version, this.organization, this.role, null, this.on);
		}

	}

	/** See {@code CoverageInput}. */
	record CoverageInput(String organization, Integer version, String area, LocalDate on) {
	}

	/** See {@code MembershipInput}. */
	record MembershipInput(String person, Integer version, String organization, String partyStatus, LocalDate on) {
	}

	/** See {@code EndMembershipInput}. */
	record EndMembershipInput(String person, Integer version, String organization, LocalDate on) {

		/** A membership ends as it was added; its status plays no part. */
		MembershipInput asMembership() {
			return new MembershipInput(this.person, this.version, this.organization, null, this.on);
		}

	}

	/** See {@code LinkInput}. */
	record LinkInput(RelationshipKind kind, String from, Integer version, String to, String title, LocalDate on) {
	}

	/** See {@code TransferOrganizationInput}. */
	record TransferOrganizationInput(String id, Integer version, String parent, LocalDate on) {
	}

	/** See {@code MergeOrganizationsInput}. */
	record MergeOrganizationsInput(String from, Integer fromVersion, String into, Integer intoVersion, LocalDate on) {
	}

	/** See {@code SplitOrganizationInput}. */
	record SplitOrganizationInput(String id, Integer version, String code, String name, List<String> areas,
			List<String> members, List<String> children, LocalDate on) {
	}

	/** See {@code EndOrganizationInput}. */
	record EndOrganizationInput(String id, Integer version, LocalDate on) {
	}

}
