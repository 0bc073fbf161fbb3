package org.partynet.graphql;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The id of any node: its most specific label and its code, {@code GridBranch:GZ-DJ-C01-ZB01}.
 * Readable on purpose (people paste ids into the explorer) and stable across databases, since
 * codes are what imports and exports keep.
 */
public record GlobalId(String label, String code) {

	/** Labels an id may name; each has a uniqueness constraint on {@code code}. */
	public static final Set<String> LABELS = Set.of("District", "Street", "Community", "Grid", "Building",
			"CommercialBuilding", "Market", "StreetWorkingCommittee", "CommunityCommittee", "GridBranch",
			"BuildingGroup", "Alliance", "Person", "Unit", "Institution");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	public static String of(String label, String code) {
		return label + ":" + code;
	}

	/**
	 * Parses an id given as the argument {@code argument}.
	 * @throws BadRequestException naming the argument when the id is malformed
	 */
	public static GlobalId parse(String id, String argument) {
		int colon = (id != null) ? id.indexOf(':') : -1;
		if (colon < 0 || !LABELS.contains(id.substring(0, colon)) || !CODE.matcher(id.substring(colon + 1)).matches()) {
			throw new BadRequestException(argument, "参数 %s 不是有效的 ID（应为“类型:编码”，如 GridBranch:GZ-DJ-C01-ZB01）/ Argument '%s' is not a valid id: expected Label:code, for example GridBranch:GZ-DJ-C01-ZB01"
				.formatted(argument, argument));
		}
		return new GlobalId(id.substring(0, colon), id.substring(colon + 1));
	}

	/** Whether a code could exist at all; codes that cannot are answered without a query. */
	public static boolean isWellFormedCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

}
