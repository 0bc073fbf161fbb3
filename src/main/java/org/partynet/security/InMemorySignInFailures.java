package org.partynet.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SignInFailures} in this instance's memory, the default: one instance needs no
 * more, and a sign-in then costs no database transaction. The same rules as the
 * database's ({@code account.SignInFailureQueries}, with
 * {@code partynet.security.sign-in.shared}), whose own test holds them against Neo4j.
 */
final class InMemorySignInFailures implements SignInFailures {

	/** An entry and when it is forgotten. */
	private record Stored(Entry entry, Instant expiresAt) {

		boolean expired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

	private final Map<Kind, LinkedHashMap<String, Stored>> tables = new EnumMap<>(Kind.class);

	InMemorySignInFailures() {
		for (Kind kind : Kind.values()) {
			this.tables.put(kind, new LinkedHashMap<>(16, 0.75f, true));
		}
	}

	@Override
	public synchronized Optional<Entry> current(Kind kind, String key, Instant now) {
		LinkedHashMap<String, Stored> table = this.tables.get(kind);
		Stored stored = table.get(key);
		if (stored != null && stored.expired(now)) {
			table.remove(key);
			return Optional.empty();
		}
		return Optional.ofNullable(stored).map(Stored::entry);
	}

	@Override
	public synchronized Entry failed(Kind kind, String key, Instant now, int lockAt, Duration lockDuration,
			int maxEntries) {
		LinkedHashMap<String, Stored> table = this.tables.get(kind);
		Stored stored = table.get(key);
		if (stored != null && stored.expired(now)) {
			table.remove(key);
			stored = null;
		}
		if (stored == null) {
			makeRoom(table, now, maxEntries);
		}
		int count = (stored != null) ? stored.entry().count() + 1 : 1;
		Instant lockedUntil = (count == lockAt) ? now.plus(lockDuration)
				: (stored != null) ? stored.entry().lockedUntil() : null;
		Entry counted = new Entry(count, now, lockedUntil);
		table.put(key, new Stored(counted, (lockedUntil != null) ? lockedUntil : now.plus(lockDuration)));
		return counted;
	}

	@Override
	public synchronized void clear(Kind kind, String key) {
		this.tables.get(kind).remove(key);
	}

	@Override
	public synchronized int size(Kind kind) {
		return this.tables.get(kind).size();
	}

	private static void makeRoom(LinkedHashMap<String, Stored> table, Instant now, int maxEntries) {
		if (table.size() < maxEntries) {
			return;
		}
		table.values().removeIf((stored) -> stored.expired(now));
		if (table.size() < maxEntries) {
			return;
		}
		Iterator<Map.Entry<String, Stored>> eldest = table.entrySet().iterator();
		Map.Entry<String, Stored> victim = null;
		while (eldest.hasNext()) {
			Map.Entry<String, Stored> candidate = eldest.next();
			if (!candidate.getValue().entry().locked(now)) {
				victim = candidate;
				break;
			}
		}
		table.remove(((victim != null) ? victim : table.entrySet().iterator().next()).getKey());
	}

}
