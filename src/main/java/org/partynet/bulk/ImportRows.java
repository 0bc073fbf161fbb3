package org.partynet.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partynet.bulk.Format.Sheet;
import org.partynet.model.NodeLabel;

/**
 * The rows of a file once its cells are read: node rows and relationship rows, and the
 * codes of the file's nodes by family, which references are resolved against before the
 * database.
 */
final class ImportRows {

	/** The labels a reference column may name: those of the sheets it refers to. */
	static Set<String> labels(Format.Column column) {
		return column.refers()
			.stream()
			.flatMap(sheet -> Format.SHEET_LABELS.get(sheet).stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * A node row: the node's family, label, properties, and its parent (HAS or LEADS).
	 */
	record NodeRow(Sheet sheet, int row, String code, String family, String label, Map<String, Object> props,
			String parent, String parentColumn, Set<String> parentLabels, LocalDate since) {
	}

	/**
	 * A relationship row: its ends by code (the labels each may have, the column that
	 * names it), its type, role and the link kind it was given as, its other values and
	 * its days.
	 */
	record RelRow(Sheet sheet, int row, String fromCode, String fromColumn, Set<String> fromLabels, String type,
			String toCode, String toColumn, Set<String> toLabels, String role, String kind, Map<String, Object> values,
			LocalDate since, LocalDate until) {
	}

	final List<NodeRow> nodes = new ArrayList<>();

	final List<RelRow> relationships = new ArrayList<>();

	/** Codes of the file's nodes: family → code → label. */
	final Map<String, Map<String, String>> fileNodes = new HashMap<>();

	/**
	 * The label of a node of the file, {@code null} when the file has none with this code
	 * in that family.
	 */
	String fileLabel(String family, String code) {
		return this.fileNodes.getOrDefault(family, Map.of()).get(code);
	}

	/** How many rows there are to resolve and compare. */
	int size() {
		return this.nodes.size() + this.relationships.size();
	}

	/** Once planned, only the plan's writes are needed: the rows can go. */
	void forget() {
		this.nodes.clear();
		this.relationships.clear();
		this.fileNodes.clear();
	}

	/** The family of a label ({@link NodeLabel#family()}). */
	static String family(String label) {
		NodeLabel node = NodeLabel.of(label);
		return (node != null) ? node.family() : "Area";
	}

	static Collection<String> families(Set<String> labels) {
		Set<String> families = new LinkedHashSet<>();
		labels.forEach(l -> families.add(family(l)));
		return families;
	}

	/** The kind label of a node: its {@link NodeLabel}, not its family label. */
	static String kind(List<String> labels) {
		NodeLabel kind = NodeLabel.fromLabels(labels);
		return (kind != null) ? kind.label() : labels.isEmpty() ? "?" : labels.get(0);
	}

}
