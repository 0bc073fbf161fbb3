package org.partynet.neo4j;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.partynet.support.GraphDump;

/**
 * What a store holds, independent of element ids: every label's count, every relationship
 * type's count, and every node (its labels and properties) and relationship (its type,
 * its ends and its properties) as the lines of {@link GraphDump}, with a checksum over
 * them. The migration chain of Neo4j-Migrations, and whatever else is set {@code aside},
 * are left out.
 */
record StoreFingerprint(Map<String, Long> labels, Map<String, Long> types, List<String> lines, String checksum) {

	/** The chain of Neo4j-Migrations (and its lock while it runs), not data. */
	static final List<String> CHAIN = List.of("__Neo4jMigration", "__Neo4jMigrationsLock");

	static StoreFingerprint of(Driver driver, String... aside) {
		List<String> excluded = Stream.concat(CHAIN.stream(), Stream.of(aside)).toList();
		Map<String, Object> parameters = Map.of("aside", excluded);
		Map<String, Long> labels = new TreeMap<>();
		Map<String, Long> types = new TreeMap<>();
		try (var session = driver.session()) {
			session.run("""
					MATCH (n) WHERE none(l IN labels(n) WHERE l IN $aside)
					UNWIND labels(n) AS label
					RETURN label, count(*) AS count
					""", parameters)
				.forEachRemaining(r -> labels.put(r.get("label").asString(), r.get("count").asLong()));
			session.run("""
					MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $aside)
					RETURN type(r) AS type, count(*) AS count
					""", parameters)
				.forEachRemaining(r -> types.put(r.get("type").asString(), r.get("count").asLong()));
		}
		List<String> lines = GraphDump.of(driver, excluded.toArray(String[]::new));
		return new StoreFingerprint(labels, types, lines, checksum(lines));
	}

	/**
	 * The lines of this fingerprint that the later one lacks, as many times as they are
	 * missing: a node or relationship deleted, or changed (its old line is gone).
	 */
	List<String> missingFrom(StoreFingerprint later) {
		Map<String, Integer> left = new HashMap<>();
		later.lines.forEach(line -> left.merge(line, 1, Integer::sum));
		List<String> missing = new ArrayList<>();
		for (String line : this.lines) {
			if (left.merge(line, -1, Integer::sum) < 0) {
				missing.add(line);
			}
		}
		return missing;
	}

	private static String checksum(List<String> lines) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
