package org.partynet.graph;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personal data in the audit trail's JSON ({@code input}, {@code before}, {@code after}),
 * as the API shows it elsewhere: a phone number is never shown there (it was never part
 * of what a change is about), and an ID number is masked as
 * {@link Disclosure#mask(String)} masks it for everyone but the organization department.
 */
final class AuditJson {

	static final String HIDDEN = "***";

	private static final Logger logger = LoggerFactory.getLogger(AuditJson.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private AuditJson() {
	}

	/**
	 * The JSON text as the reader may see it; {@code null} stays {@code null}.
	 * @param unmasked whether ID numbers are shown in full (the organization department)
	 */
	static String masked(String text, boolean unmasked) {
		if (text == null || (!text.contains("\"phone\"") && (unmasked || !text.contains("\"idNumber\"")))) {
			return text;
		}
		try {
			JsonNode tree = json.readTree(text);
			hide(tree, unmasked);
			return json.writeValueAsString(tree);
		}
		catch (JacksonException ex) {
			// Written by the mutations in the same transaction, so never expected; shown
			// as nothing rather than unmasked.
			logger.warn("Audit JSON that does not parse: {}", ex.getOriginalMessage());
			return null;
		}
	}

	private static void hide(JsonNode node, boolean unmasked) {
		if (node instanceof ObjectNode object) {
			if (object.has("phone") && !object.get("phone").isNull()) {
				object.put("phone", HIDDEN);
			}
			if (!unmasked && object.has("idNumber") && object.get("idNumber").isString()) {
				object.put("idNumber", Disclosure.mask(object.get("idNumber").asString()));
			}
		}
		node.forEach(child -> hide(child, unmasked));
	}

}
