package org.partynet.audit;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps personal data that the API never shows out of the audit trail's JSON too: a person's phone
 * number stays in the graph (see {@code person.Person}), so wherever a key of that name occurs in
 * {@code input}, {@code before} or {@code after} its value is replaced by {@link #HIDDEN}.
 */
final class Redaction {

	static final String HIDDEN = "***";

	/** Keys whose values are never shown. */
	static final Set<String> KEYS = Set.of("phone");

	private static final Logger logger = LoggerFactory.getLogger(Redaction.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private Redaction() {
	}

	/** The JSON text with hidden values; {@code null} stays {@code null}. */
	static String json(String text) {
		if (text == null || KEYS.stream().noneMatch(text::contains)) {
			return text;
		}
		try {
			JsonNode tree = json.readTree(text);
			hide(tree);
			return json.writeValueAsString(tree);
		}
		catch (JacksonException ex) {
			// Written by the mutations in the same transaction, so never expected; shown as nothing
			// rather than unredacted.
			logger.warn("Audit JSON that does not parse: {}", ex.getOriginalMessage());
			return null;
		}
	}

	private static void hide(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String key : KEYS) {
				if (object.has(key) && !object.get(key).isNull()) {
					object.put(key, HIDDEN);
				}
			}
		}
		node.forEach(Redaction::hide);
	}

}
