package org.partynet.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.partynet.bulk.ImportQueries.Existing;
import org.partynet.bulk.ImportQueries.ExistingRelationship;
import org.partynet.bulk.ImportRows.NodeRow;
import org.partynet.bulk.ImportRows.RelRow;

/**
 * What the database holds of what a file names: the nodes of its codes (family → code →
 * node) and the relationships from those of them that relationship rows start at, by the
 * start's family and the type. The {@link ImportPlan} compares the rows with it; only
 * {@link #load} reads the database.
 */
record ImportSnapshot(Map<String, Map<String, Existing>> nodes, Map<From, List<ExistingRelationship>> relationships) {

	/** Codes per look-up: each is one statement. */
	static final int CODES = BulkImporter.BATCH * 4;

	/** The relationships of a type from nodes of a family. */
	record From(String family, String type) {
	}

	/** The node of this code in this family, {@code null} when the database has none. */
	Existing node(String family, String code) {
		return this.nodes.getOrDefault(family, Map.of()).get(code);
	}

	List<ExistingRelationship> relationships(String family, String type) {
		return this.relationships.getOrDefault(new From(family, type), List.of());
	}

	/**
	 * What the database holds of what these rows name, read in the caller's transaction.
	 */
	static ImportSnapshot load(ImportQueries queries, ImportRows rows) {
		Map<String, Set<String>> wanted = new LinkedHashMap<>();
		for (NodeRow node : rows.nodes) {
			want(wanted, node.family(), node.code());
			if (node.parent() != null) {
				ImportRows.families(node.parentLabels()).forEach(family -> want(wanted, family, node.parent()));
			}
		}
		for (RelRow rel : rows.relationships) {
			ImportRows.families(rel.fromLabels()).forEach(family -> want(wanted, family, rel.fromCode()));
			ImportRows.families(rel.toLabels()).forEach(family -> want(wanted, family, rel.toCode()));
		}
		Map<String, Map<String, Existing>> nodes = new HashMap<>();
		wanted.forEach((family, codes) -> {
			Map<String, Existing> found = new HashMap<>();
			chunks(List.copyOf(codes), chunk -> found.putAll(queries.nodes(family, chunk)));
			nodes.put(family, found);
		});
		// the relationships from every node in the database a row may start at, whatever
		// it resolves to
		Map<From, Set<String>> froms = new LinkedHashMap<>();
		for (RelRow rel : rows.relationships) {
			for (String family : ImportRows.families(rel.fromLabels())) {
				if (nodes.getOrDefault(family, Map.of()).containsKey(rel.fromCode())) {
					froms.computeIfAbsent(new From(family, rel.type()), k -> new LinkedHashSet<>()).add(rel.fromCode());
				}
			}
		}
		Map<From, List<ExistingRelationship>> relationships = new HashMap<>();
		froms.forEach((from, codes) -> chunks(List.copyOf(codes),
				chunk -> relationships.computeIfAbsent(from, k -> new ArrayList<>())
					.addAll(queries.relationships(from.family(), from.type(), chunk))));
		return new ImportSnapshot(nodes, relationships);
	}

	private static void want(Map<String, Set<String>> wanted, String family, String code) {
		wanted.computeIfAbsent(family, f -> new LinkedHashSet<>()).add(code);
	}

	private static void chunks(List<String> codes, Consumer<List<String>> chunk) {
		for (int from = 0; from < codes.size(); from += CODES) {
			chunk.accept(codes.subList(from, Math.min(codes.size(), from + CODES)));
		}
	}

}
