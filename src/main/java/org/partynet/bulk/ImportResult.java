package org.partynet.bulk;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do), counted in rows: a row creates a node
 * or a relationship, updates it, ends a current relationship or leaves it as it is. On
 * any error nothing is written and the counts are 0.
 */
public record ImportResult(int created, int updated, int ended, int unchanged, boolean dryRun, List<ImportError> errors,
		int moreErrors, List<String> warnings, String changeId) {

	public boolean ok() {
		return this.errors.isEmpty();
	}

	static ImportResult failed(boolean dryRun, List<ImportError> errors, int moreErrors, List<String> warnings) {
		return new ImportResult(0, 0, 0, 0, dryRun, List.copyOf(errors), moreErrors, List.copyOf(warnings), null);
	}

}
