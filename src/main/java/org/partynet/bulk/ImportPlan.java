package org.partynet.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.partynet.bulk.ImportQueries.Existing;
import org.partynet.bulk.ImportQueries.ExistingRelationship;
import org.partynet.bulk.ImportRows.NodeRow;
import org.partynet.bulk.ImportRows.RelRow;
import org.partynet.bulk.References.Link;
import org.partynet.model.NodeLabel;

/**
 * The import plan: a file's rows and what the database holds of them in; the writes that
 * make the database hold the file, and the counts, out. Pure: no database, no Spring, no
 * clock but the day it is given (the start of what begins without a day, the end of a
 * parent that changes).
 *
 * <p>
 * Nodes are upserted by code within their family; relationships by their two ends, type
 * and role, plus {@code since}. Nothing is deleted, and an empty optional cell leaves a
 * value as it is. A node in the database whose properties or relationships change has its
 * version raised.
 */
final class ImportPlan {

	/** New nodes by their label: their properties. */
	final Map<String, List<Map<String, Object>>> createNodes = new LinkedHashMap<>();

	/** Changed nodes by family: {@code code} and the {@code props} to set. */
	final Map<String, List<Map<String, Object>>> updateNodes = new LinkedHashMap<>();

	/** Changed relationships: {@code id} and the {@code props} to set. */
	final List<Map<String, Object>> updateRelationships = new ArrayList<>();

	/** New relationships by {@link Ends}: {@code from}, {@code to} and {@code props}. */
	final Map<Ends, List<Map<String, Object>>> createRelationships = new LinkedHashMap<>();

	/** Nodes in the database whose version goes up, by family. */
	final Map<String, Set<String>> touched = new LinkedHashMap<>();

	/** The streets and communities the import changes, for the audit record. */
	final Set<String> scopes = new TreeSet<>();

	int created;

	int updated;

	int ended;

	int unchanged;

	/** The kind of a new relationship: its start's family, its type, its end's family. */
	record Ends(String fromFamily, String type, String toFamily) {
	}

	// What it plans from: let go once planned, so that only the writes stay in memory
	// while they run.
	private ImportSnapshot snapshot;

	private References references;

	private final LocalDate today;

	private ImportPlan(ImportRows rows, ImportSnapshot snapshot, LocalDate today) {
		this.snapshot = snapshot;
		this.references = new References(rows, snapshot);
		this.today = today;
	}

	/**
	 * The plan of these rows against this snapshot; with errors (and then nothing to
	 * write) when a reference does not resolve or a row contradicts the database or
	 * another row.
	 */
	static ImportPlan of(ImportRows rows, ImportSnapshot snapshot, LocalDate today, ImportErrors errors) {
		ImportPlan plan = new ImportPlan(rows, snapshot, today);
		List<Link> links = plan.references.resolve(errors);
		if (!errors.isEmpty()) {
			return plan;
		}
		for (NodeRow node : rows.nodes) {
			plan.node(node);
		}
		Map<String, List<ExistingRelationship>> existing = plan.existingRelationships();
		Set<String> matched = new HashSet<>();
		Set<String> created = new HashSet<>();
		for (Link link : links) {
			plan.relationship(link, existing.getOrDefault(link.identity(), List.of()), matched, created, errors);
		}
		plan.snapshot = null;
		plan.references = null;
		return plan;
	}

	/** Rows created, updated or ended. */
	int changed() {
		return this.created + this.updated + this.ended;
	}

	/** How many rows the writes write. */
	long writes() {
		long writes = this.updateRelationships.size();
		for (List<Map<String, Object>> rows : this.createNodes.values()) {
			writes += rows.size();
		}
		for (List<Map<String, Object>> rows : this.updateNodes.values()) {
			writes += rows.size();
		}
		for (List<Map<String, Object>> rows : this.createRelationships.values()) {
			writes += rows.size();
		}
		for (Set<String> codes : this.touched.values()) {
			writes += codes.size();
		}
		return writes;
	}

	private void node(NodeRow node) {
		Existing existing = this.snapshot.node(node.family(), node.code());
		String parentType = NodeLabel.parentRelationship(node.family());
		LocalDate since = (node.since() != null) ? node.since() : this.today;
		if (existing == null) {
			Map<String, Object> props = new LinkedHashMap<>(node.props());
			props.put("code", node.code());
			this.createNodes.computeIfAbsent(node.label(), l -> new ArrayList<>()).add(props);
			if (node.parent() != null) {
				createRelationship(parentFamily(node), node.parent(), parentType, node.family(), node.code(),
						days(since, null));
			}
			scope(node);
			this.created++;
			return;
		}
		boolean changed = false;
		Map<String, Object> set = new LinkedHashMap<>();
		node.props().forEach((key, value) -> {
			if (!Objects.equals(existing.properties().get(key), value)) {
				set.put(key, value);
			}
		});
		if (!set.isEmpty()) {
			this.updateNodes.computeIfAbsent(node.family(), f -> new ArrayList<>())
				.add(Map.of("code", node.code(), "props", set));
			changed = true;
		}
		if (node.parent() != null) {
			String parentFamily = parentFamily(node);
			// the same parent as the current one, or as the last one when it has ended
			// (an export gives an ended area or organization its last parent): nothing to
			// change
			if (!node.parent().equals(existing.parent())) {
				if (existing.parentRelationship() != null && existing.parentUntil() == null) {
					this.updateRelationships
						.add(Map.of("id", existing.parentRelationship(), "props", Map.of("until", this.today)));
					touch(parentFamily, existing.parent());
				}
				createRelationship(parentFamily, node.parent(), parentType, node.family(), node.code(),
						days(since, null));
				changed = true;
			}
			else if (node.since() != null && !node.since().equals(existing.parentSince())) {
				this.updateRelationships
					.add(Map.of("id", existing.parentRelationship(), "props", Map.of("since", node.since())));
				touch(parentFamily, node.parent());
				changed = true;
			}
		}
		if (changed) {
			touch(node.family(), node.code());
			scope(node);
			this.updated++;
		}
		else {
			this.unchanged++;
		}
	}

	private String parentFamily(NodeRow node) {
		String label = this.references.label(node.parent(), node.parentLabels());
		if (label == null) {
			throw new IllegalStateException("unresolved " + node.parent());
		}
		return ImportRows.family(label);
	}

	private void scope(NodeRow node) {
		if (node.label().equals(NodeLabel.STREET.label()) || node.label().equals(NodeLabel.COMMUNITY.label())) {
			this.scopes.add(node.code());
		}
	}

	/**
	 * The relationships in the database from the rows' starts, by
	 * {@link Link#identity()}.
	 */
	private Map<String, List<ExistingRelationship>> existingRelationships() {
		Map<String, List<ExistingRelationship>> existing = new HashMap<>();
		this.snapshot.relationships().forEach((from, relationships) -> {
			for (ExistingRelationship r : relationships) {
				if (r.to() != null) {
					String identity = Link.identity(from.family(), r.from(), from.type(),
							ImportRows.family(ImportRows.kind(r.toLabels())), r.to(), r.role());
					existing.computeIfAbsent(identity, k -> new ArrayList<>()).add(r);
				}
			}
		});
		return existing;
	}

	private void relationship(Link link, List<ExistingRelationship> candidates, Set<String> matched,
			Set<String> created, ImportErrors errors) {
		RelRow rel = link.rel();
		ExistingRelationship match = candidates.stream()
			.filter(c -> (rel.since() != null) ? rel.since().equals(c.since()) : c.until() == null)
			.findFirst()
			.orElse(null);
		String untilColumn = rel.sheet().column("until").header();
		if (match == null) {
			LocalDate since = (rel.since() != null) ? rel.since() : this.today;
			if (!created.add(link.identity() + "|" + since)) {
				errors.add(rel.sheet(), rel.row(), "", "与文件中另一行重复 / Duplicates another row of the file");
				return;
			}
			if (rel.until() != null && rel.until().isBefore(since)) {
				errors.add(rel.sheet(), rel.row(), untilColumn, before(rel.until(), since));
				return;
			}
			Map<String, Object> props = days(since, rel.until());
			if (rel.role() != null) {
				props.put("role", rel.role());
			}
			props.putAll(rel.values());
			createRelationship(link.fromFamily(), rel.fromCode(), rel.type(), link.toFamily(), rel.toCode(), props);
			this.created++;
			return;
		}
		if (!matched.add(match.id())) {
			errors.add(rel.sheet(), rel.row(), "",
					"与文件中另一行是同一关系 / Names the same relationship as another row of the file");
			return;
		}
		Map<String, Object> set = new LinkedHashMap<>();
		Object title = rel.values().get("title");
		if (title != null && !title.equals(match.title())) {
			set.put("title", title);
		}
		Object status = rel.values().get("status");
		if (status != null && !status.equals(match.status())) {
			set.put("status", status);
		}
		boolean ends = false;
		if (rel.until() != null && !rel.until().equals(match.until())) {
			if (match.since() != null && rel.until().isBefore(match.since())) {
				errors.add(rel.sheet(), rel.row(), untilColumn, before(rel.until(), match.since()));
				return;
			}
			set.put("until", rel.until());
			ends = match.until() == null;
		}
		if (set.isEmpty()) {
			this.unchanged++;
			return;
		}
		this.updateRelationships.add(Map.of("id", match.id(), "props", set));
		touch(link.fromFamily(), rel.fromCode());
		touch(link.toFamily(), rel.toCode());
		if (ends) {
			this.ended++;
		}
		else {
			this.updated++;
		}
	}

	private static String before(LocalDate until, LocalDate since) {
		return "终止日期 %s 早于起始日期 %s / Until %s is before since %s".formatted(until, since, until, since);
	}

	private static Map<String, Object> days(LocalDate since, LocalDate until) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("since", since);
		if (until != null) {
			props.put("until", until);
		}
		return props;
	}

	private void createRelationship(String fromFamily, String from, String type, String toFamily, String to,
			Map<String, Object> props) {
		Map<String, Object> row = new HashMap<>();
		row.put("from", from);
		row.put("to", to);
		row.put("props", props);
		this.createRelationships.computeIfAbsent(new Ends(fromFamily, type, toFamily), k -> new ArrayList<>()).add(row);
		touch(fromFamily, from);
		touch(toFamily, to);
	}

	/**
	 * A node that exists in the database and whose relationships or properties change:
	 * its version goes up.
	 */
	private void touch(String family, String code) {
		if (this.snapshot.node(family, code) != null) {
			this.touched.computeIfAbsent(family, f -> new LinkedHashSet<>()).add(code);
		}
	}

}
