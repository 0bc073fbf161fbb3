package org.partynet.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.partynet.bulk.ImportQueries.Existing;
import org.partynet.bulk.ImportRows.NodeRow;
import org.partynet.bulk.ImportRows.RelRow;
import org.partynet.model.NodeLabel;
import org.partynet.model.OrganizationKind;

/**
 * The references of a file: codes to nodes, in the file or in the database, each of a
 * label its column allows. Says what is wrong (unknown, of the wrong kind, its own
 * parent, an ended parent, a coverage of the wrong kind of area); pure.
 */
final class References {

	/** A relationship row whose ends are known: their labels and families. */
	record Link(RelRow rel, String fromLabel, String toLabel) {

		String fromFamily() {
			return ImportRows.family(this.fromLabel);
		}

		String toFamily() {
			return ImportRows.family(this.toLabel);
		}

		/**
		 * Two ends, type and role: a relationship in the database with these is this
		 * row's.
		 */
		String identity() {
			return identity(fromFamily(), this.rel.fromCode(), this.rel.type(), toFamily(), this.rel.toCode(),
					this.rel.role());
		}

		static String identity(String fromFamily, String from, String type, String toFamily, String to, String role) {
			return fromFamily + ":" + from + "|" + type + "|" + toFamily + ":" + to + "|" + role;
		}

	}

	private final ImportRows rows;

	private final ImportSnapshot snapshot;

	References(ImportRows rows, ImportSnapshot snapshot) {
		this.rows = rows;
		this.snapshot = snapshot;
	}

	/**
	 * The label of the node a code names among these labels, from the file or the
	 * database; {@code null} when none.
	 */
	String label(String code, Set<String> labels) {
		return find(code, labels)[0];
	}

	/**
	 * The label that fits, and else the label of a node of the code that does not fit.
	 */
	private String[] find(String code, Set<String> labels) {
		String wrong = null;
		for (String family : ImportRows.families(labels)) {
			String label = this.rows.fileLabel(family, code);
			if (label == null) {
				Existing existing = this.snapshot.node(family, code);
				label = (existing != null) ? ImportRows.kind(existing.labels()) : null;
			}
			if (label != null && labels.contains(label)) {
				return new String[] { label, null };
			}
			if (label != null) {
				wrong = label;
			}
		}
		return new String[] { null, wrong };
	}

	/**
	 * The label of what a reference names; {@code null} and an error when nothing fits.
	 */
	private String resolve(String code, Set<String> labels, RowAt at, String column, ImportErrors errors) {
		String[] found = find(code, labels);
		if (found[0] != null) {
			return found[0];
		}
		if (found[1] != null) {
			errors.add(at.sheet(), at.row(), column,
					"%s 是 %s，应为 %s / %s is a %s, not a %s".formatted(code, found[1],
							String.join("/", new TreeSet<>(labels)), code, found[1],
							String.join(" or ", new TreeSet<>(labels))));
		}
		else {
			errors.add(at.sheet(), at.row(), column,
					"%s 在文件和数据库中都不存在 / %s is neither in the file nor in the database".formatted(code, code));
		}
		return null;
	}

	private record RowAt(Format.Sheet sheet, int row) {
	}

	/**
	 * Checks the node rows' kinds and parents, and resolves the relationship rows' ends.
	 */
	List<Link> resolve(ImportErrors errors) {
		for (NodeRow node : this.rows.nodes) {
			check(node, errors);
		}
		List<Link> links = new ArrayList<>();
		for (RelRow rel : this.rows.relationships) {
			RowAt at = new RowAt(rel.sheet(), rel.row());
			String fromLabel = resolve(rel.fromCode(), rel.fromLabels(), at,
					rel.sheet().column(rel.fromColumn()).header(), errors);
			String toLabel = resolve(rel.toCode(), rel.toLabels(), at, rel.sheet().column(rel.toColumn()).header(),
					errors);
			if (fromLabel == null || toLabel == null) {
				continue;
			}
			if (rel.sheet().key().equals("coverage") && !covers(rel.type(), fromLabel, toLabel)) {
				boolean governs = rel.type().equals("GOVERNS");
				errors.add(rel.sheet(), rel.row(), rel.sheet().column("area").header(),
						"%s 不能%s %s / A %s cannot %s a %s".formatted(fromLabel, governs ? "管辖" : "覆盖", toLabel,
								fromLabel, governs ? "govern" : "cover", toLabel));
			}
			links.add(new Link(rel, fromLabel, toLabel));
		}
		return links;
	}

	private void check(NodeRow node, ImportErrors errors) {
		Existing existing = this.snapshot.node(node.family(), node.code());
		if (existing != null && !existing.labels().contains(node.label())) {
			String kind = ImportRows.kind(existing.labels());
			errors.add(node.sheet(), node.row(), node.sheet().column("code").header(),
					"代码 %s 已用于 %s，不能改为 %s / Code %s already belongs to a %s, not a %s".formatted(node.code(), kind,
							node.label(), node.code(), kind, node.label()));
			return;
		}
		if (node.parent() == null) {
			return;
		}
		String column = node.sheet().column(node.parentColumn()).header();
		String label = resolve(node.parent(), node.parentLabels(), new RowAt(node.sheet(), node.row()), column, errors);
		if (label != null && node.parent().equals(node.code())) {
			errors.add(node.sheet(), node.row(), column, "不能是自己的上级 / A node cannot be its own parent");
		}
		// An organization that ended (merged or dissolved) takes nothing new under it: an
		// old workbook would otherwise put back what a merge moved away.
		Existing parent = (label != null) ? this.snapshot.node(ImportRows.family(label), node.parent()) : null;
		boolean parentNow = existing != null && node.parent().equals(existing.parent());
		if (parent != null && parent.properties().get("until") != null && !parentNow) {
			Object until = parent.properties().get("until");
			errors.add(node.sheet(), node.row(), column,
					"上级 %s 已于 %s 终止（合并或撤销） / Parent %s ended on %s (merged or dissolved)".formatted(node.parent(),
							until, node.parent(), until));
		}
	}

	/**
	 * Whether an organization (or an alliance) of this label may govern or cover an area
	 * of that label.
	 */
	static boolean covers(String type, String organization, String area) {
		if (organization.equals(NodeLabel.ALLIANCE.label())) {
			return type.equals("COVERS") && Format.SHEET_LABELS.get("sites").contains(area);
		}
		OrganizationKind kind = OrganizationKind.ofLabel(organization);
		return kind != null && kind.areaRelationship().equals(type) && kind.area().label().equals(area);
	}

}
