package org.partynet.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalPath;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.value.NodeValue;
import org.neo4j.driver.internal.value.PathValue;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.TypeSystem;
import org.partynet.security.Access;
import org.partynet.security.Access.Reader;

/**
 * What of a row a reader receives: the one place where results are confined and personal
 * data masked, whatever reads them next (API fields, path sentences, audit records,
 * workbooks, PDF).
 *
 * <p>
 * Confinement, for a secretary: a node outside their {@link Reach} is withheld. A
 * withheld node in a list leaves the list; one that is a value of a map (an object made
 * in Cypher) withholds the map; a path through one is withheld; a column holding a
 * withheld value withholds the row, unless the statement declares the column optional,
 * which then holds {@code null}. Nodes that are not part of the network (the audit trail,
 * bookkeeping) are withheld unless the statement lets their label pass.
 *
 * <p>
 * Masking: a viewer receives a person as their code and {@link Access#HIDDEN_NAME} only;
 * everyone but the organization department receives phone and ID numbers masked, also
 * inside the audit trail's JSON. The driver's value classes are used to rebuild masked
 * nodes and rows, because the mapping code downstream reads driver records.
 */
final class Disclosure {

	/** The labels of the network's nodes: what a secretary's reach is made of. */
	static final Set<String> NETWORK = Set.of("Area", "PartyOrganization", "Person", "Unit", "Alliance", "Institution");

	private static final Set<String> AUDIT_JSON = Set.of("input", "before", "after");

	private final Reader reader;

	private final Reach.Of reach;

	private final Set<String> passing;

	private final Set<String> optional;

	private int withheld;

	Disclosure(Reader reader, Reach.Of reach, Statement statement) {
		this.reader = reader;
		this.reach = reach;
		this.passing = statement.passing();
		this.optional = statement.optional();
	}

	/**
	 * Whether anything needs doing: for everyone but the organization department and the
	 * service, and for the organization department too where a statement returns the
	 * audit trail.
	 */
	static boolean needed(Reader reader, Statement statement) {
		return !reader.unrestricted()
				|| (reader.kind() == Reader.Kind.ORG_DEPT && statement.passing().contains("Change"));
	}

	/** The row as the reader may receive it; {@code null} when it is withheld. */
	Record row(Record row) {
		List<Value> values = new ArrayList<>(row.size());
		for (String key : row.keys()) {
			Value disclosed = value(row.get(key));
			if (disclosed == null && this.optional.contains(key)) {
				disclosed = Values.NULL;
			}
			if (disclosed == null) {
				this.withheld++;
				return null;
			}
			values.add(disclosed);
		}
		return new InternalRecord(row.keys(), values);
	}

	/** How many rows were withheld so far. */
	int withheld() {
		return this.withheld;
	}

	/**
	 * The value as the reader may receive it; {@code null} (not NULL) when it is
	 * withheld.
	 */
	private Value value(Value value) {
		TypeSystem types = TypeSystem.getDefault();
		if (value.hasType(types.NODE())) {
			Node node = node(value.asNode());
			return (node != null) ? new NodeValue(node) : null;
		}
		if (value.hasType(types.PATH())) {
			return path(value.asPath());
		}
		if (value.hasType(types.LIST())) {
			List<Value> list = new ArrayList<>(value.size());
			for (Value element : value.values()) {
				Value disclosed = value(element);
				if (disclosed != null) {
					list.add(disclosed);
				}
			}
			return Values.value(list);
		}
		if (value.hasType(types.MAP())) {
			Map<String, Value> map = new LinkedHashMap<>();
			for (String key : value.keys()) {
				Value disclosed = value(value.get(key));
				if (disclosed == null) {
					return null;
				}
				map.put(key, disclosed);
			}
			return Values.value(map);
		}
		return value;
	}

	private Value path(Path path) {
		List<Entity> entities = new ArrayList<>();
		Node start = node(path.start());
		if (start == null) {
			return null;
		}
		entities.add(start);
		for (Path.Segment segment : path) {
			Node end = node(segment.end());
			if (end == null) {
				return null;
			}
			entities.add(segment.relationship());
			entities.add(end);
		}
		return new PathValue(new InternalPath(entities));
	}

	private Node node(Node node) {
		boolean network = NETWORK.stream().anyMatch(node::hasLabel);
		if (this.reader.confined()) {
			boolean readable = network ? this.reach.contains(node) : this.passing.stream().anyMatch(node::hasLabel);
			if (!readable) {
				return null;
			}
		}
		if (node.hasLabel("Person") && !this.reader.unrestricted()) {
			return person(node);
		}
		if (node.hasLabel("Change")) {
			return change(node);
		}
		return node;
	}

	@SuppressWarnings("deprecation") // the driver's node keeps its legacy id beside the
										// element id
	private Node person(Node node) {
		Map<String, Value> properties = new HashMap<>();
		if (this.reader.viewer()) {
			properties.put("code", node.get("code"));
			properties.put("name", Values.value(Access.HIDDEN_NAME));
		}
		else {
			node.keys().forEach(key -> properties.put(key, node.get(key)));
			properties.put("phone", Values.value(mask(node.get("phone").asString(null))));
			properties.put("idNumber", Values.value(mask(node.get("idNumber").asString(null))));
		}
		return new InternalNode(node.id(), node.elementId(), labels(node), properties);
	}

	@SuppressWarnings("deprecation")
	private Node change(Node node) {
		Map<String, Value> properties = new HashMap<>();
		node.keys().forEach(key -> properties.put(key, node.get(key)));
		for (String key : AUDIT_JSON) {
			properties.put(key,
					Values.value(AuditJson.masked(node.get(key).asString(null), this.reader.unrestricted())));
		}
		return new InternalNode(node.id(), node.elementId(), labels(node), properties);
	}

	private static List<String> labels(Node node) {
		List<String> labels = new ArrayList<>();
		node.labels().forEach(labels::add);
		return labels;
	}

	/**
	 * Keeps the first 3 and last 4 characters, as Chinese forms print numbers:
	 * {@code 000-****-0123}.
	 */
	static String mask(String value) {
		int head = 3;
		int tail = 4;
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		StringBuilder masked = new StringBuilder(value.substring(0, head));
		for (int i = head; i < value.length() - tail; i++) {
			masked.append(Character.isLetterOrDigit(value.charAt(i)) ? '*' : value.charAt(i));
		}
		return masked.append(value.substring(value.length() - tail)).toString();
	}

}
