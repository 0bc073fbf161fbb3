package org.partynet.graphql;

import java.util.Set;

import org.partynet.model.Fields;
import org.partynet.model.NodeLabel;

/**
 * The id of any node: its most specific label and its code,
 * {@code GridBranch:GZ-DJ-C01-ZB01}. Readable on purpose (people paste ids into the
 * explorer) and stable across databases, since codes are what imports and exports keep.
 */
public record GlobalId(String label, String code) {

	/** Labels an id may name: the model's node labels. */
	public static final Set<String> LABELS = NodeLabel.LABELS;

	public static String of(String label, String code) {
		return label + ":" + code;
	}

	/**
	 * Parses an id given as the argument {@code argument}.
	 * @throws BadRequestException naming the argument when the id is malformed
	 */
	public static GlobalId parse(String id, String argument) {
		int colon = (id != null) ? id.indexOf(':') : -1;
		if (colon < 0 || !LABELS.contains(id.substring(0, colon)) || !Fields.isCode(id.substring(colon + 1))) {
			throw new BadRequestException(argument,
					"参数 %s 不是有效的 ID（应为“类型:编码”，如 GridBranch:GZ-DJ-C01-ZB01）/ Argument '%s' is not a valid id: expected Label:code, for example GridBranch:GZ-DJ-C01-ZB01"
						.formatted(argument, argument));
		}
		return new GlobalId(id.substring(0, colon), id.substring(colon + 1));
	}

	/**
	 * Whether a code could exist at all; codes that cannot are answered without a query.
	 */
	public static boolean isWellFormedCode(String code) {
		return Fields.isCode(code);
	}

}
