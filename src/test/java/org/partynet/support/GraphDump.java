package org.partynet.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * Everything in a database as sorted lines, for "nothing written" and "all or nothing"
 * checks that compare a dump before with one after: each node with its labels and
 * properties, each relationship with its type, both ends' labels and properties and its
 * own properties. Nodes with one of the labels set aside (bookkeeping such as the import
 * journal), and the relationships that touch them, are left out.
 */
public final class GraphDump {

	private GraphDump() {
	}

	public static List<String> of(Driver driver, String... aside) {
		// the service's own bookkeeping (leases, sign-in counters) is never the network's
		// content, as the backup leaves it out
		List<String> setAside = new ArrayList<>(List.of(aside));
		setAside.addAll(List.of("Lease", "SignInFailure", "BackupGate", "BackupSchedule"));
		Map<String, Object> parameters = Map.of("aside", setAside);
		List<String> lines = new ArrayList<>();
		try (var session = driver.session()) {
			session.run("""
					MATCH (n) WHERE none(l IN labels(n) WHERE l IN $aside)
					RETURN labels(n) AS l, properties(n) AS p
					""", parameters).list().forEach((r) -> lines.add("N " + node(r.get("l"), r.get("p"))));
			session.run("""
					MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $aside)
					RETURN type(r) AS t, labels(a) AS al, properties(a) AS ap, labels(b) AS bl, properties(b) AS bp,
					       properties(r) AS p
					""", parameters)
				.list()
				.forEach((r) -> lines.add("R " + r.get("t").asString() + " " + node(r.get("al"), r.get("ap")) + " -> "
						+ node(r.get("bl"), r.get("bp")) + " " + new TreeMap<>(r.get("p").asMap())));
		}
		lines.sort(null);
		return lines;
	}

	private static String node(Value labels, Value properties) {
		return labels.asList().stream().map(Object::toString).sorted().toList().toString()
				+ new TreeMap<>(properties.asMap());
	}

}
