package org.partynet.audit;

import java.time.OffsetDateTime;

/**
 * One audit record, as the API shows it: what a mutation changed, when and by whom.
 * {@code input}, {@code before} and {@code after} are JSON text as the mutation wrote
 * them, with personal data removed ({@link Redaction}).
 */
public record Change(String id, OffsetDateTime at, String user, String operation, String summary, String input,
		String before, String after) {
}
