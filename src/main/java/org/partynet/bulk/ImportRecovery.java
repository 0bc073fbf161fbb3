package org.partynet.bulk;

import java.util.List;

import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.partynet.security.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, once the database is set up and before the web server or the command line
 * reads anything: undoes the imports a crash or a kill cut short, so that an import is
 * there completely or not at all. On the embedded default no other process can be
 * importing (the store is locked); on an external database another instance may be, so
 * only journals it has not written to for a while are undone.
 */
@Component
class ImportRecovery implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ImportRecovery.class);

	private final ImportJournal journal;

	private final boolean embedded;

	private volatile boolean running;

	ImportRecovery(ImportJournal journal, ObjectProvider<EmbeddedNeo4jServer> embedded) {
		this.journal = journal;
		this.embedded = embedded.getIfAvailable() != null;
	}

	@Override
	public void start() {
		// the service's own work: nobody is signed in at start
		List<String> alive = Access.asService(() -> this.journal.recover(this.embedded));
		if (!alive.isEmpty()) {
			logger.warn("Imports {} are running in another process; left alone", alive);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// After DatabaseInitializer (phase 0) has waited for the database and migrated
		// it; long before the web server starts taking requests.
		return 1;
	}

}
