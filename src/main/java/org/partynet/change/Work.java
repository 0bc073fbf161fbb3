package org.partynet.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.types.Node;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graphql.GlobalId;
import org.partynet.model.Fields;

/**
 * One mutation in progress, inside its write transaction: reads and checks its input
 * (collecting user errors instead of throwing, so that a caller sees every mistake at
 * once), remembers the nodes it affects for the audit record, and says which input field
 * a broken invariant points at.
 */
final class Work {

	/** Longest part of a refused value quoted back in a message. */
	private static final int MAX_SHOWN = 80;

	final String operation;

	final List<UserError> errors = new ArrayList<>();

	/**
	 * Codes of every node the change affects, before and after (the audit's AFFECTED).
	 */
	final Set<String> affected = new LinkedHashSet<>();

	/** Codes of nodes the change creates: they have no "before". */
	final Set<String> created = new LinkedHashSet<>();

	/**
	 * The input field a broken invariant is reported on, by rule; {@link #field}
	 * otherwise.
	 */
	final Map<String, List<String>> ruleFields = new HashMap<>();

	List<String> field = List.of("input");

	String summary;

	/**
	 * The audit record's id, known from the start so that writes can mark what they end
	 * with it.
	 */
	final String changeId = java.util.UUID.randomUUID().toString();

	/** What the payload answers: label and code of the node. */
	GlobalId result;

	/** The other end, for links. */
	GlobalId other;

	private final MutationQueries queries;

	Work(String operation, MutationQueries queries) {
		this.operation = operation;
		this.queries = queries;
	}

	static List<String> path(String... names) {
		List<String> path = new ArrayList<>();
		path.add("input");
		path.addAll(List.of(names));
		return path;
	}

	boolean failed() {
		return !this.errors.isEmpty();
	}

	void error(UserErrorCode code, List<String> field, String message) {
		this.errors.add(new UserError(code, field, message));
	}

	void invalid(String field, String message) {
		error(UserErrorCode.VALIDATION, path(field), message);
	}

	/**
	 * The effective day: {@code on}, or today in Beijing; a day out of range is an error
	 * on {@code on}.
	 */
	LocalDate on(LocalDate on) {
		LocalDate day = day("on", on);
		return (day != null) ? day : Fields.today();
	}

	/**
	 * An optional day: {@code null} when absent. Like a report's {@code asOf}, no day
	 * before the Party's founding year nor after today: a relationship that began in the
	 * future would count as current everywhere at once, and nothing can be asked as of a
	 * day before 1921.
	 */
	LocalDate day(String field, LocalDate day) {
		if (day == null) {
			return null;
		}
		LocalDate today = Fields.today();
		String message = null;
		if (day.isAfter(today)) {
			message = "日期不能晚于今天（%s），为 %s / The day cannot be after today (%s), was %s".formatted(today, day, today,
					day);
		}
		else if (day.getYear() < Fields.FIRST_YEAR) {
			message = "日期不能早于 %d 年，为 %s / The day cannot be before %d, was %s".formatted(Fields.FIRST_YEAR, day,
					Fields.FIRST_YEAR, day);
		}
		// on() is asked once per plan, but each error once all the same
		if (message != null && this.errors.stream().noneMatch(error -> error.field().equals(path(field)))) {
			invalid(field, message);
		}
		return day;
	}

	/**
	 * A required name: not blank, at most 100 characters; {@code null} (and an error)
	 * otherwise.
	 */
	String name(String field, String value) {
		String name = (value != null) ? value.toString().strip() : "";
		if (name.isEmpty()) {
			invalid(field, "名称不能为空 / Name must not be empty");
			return null;
		}
		return text(field, name);
	}

	/**
	 * An optional text (a title): {@code null} when absent or blank, checked like a name
	 * otherwise.
	 */
	String optionalText(String field, String value) {
		String text = (value != null) ? value.toString().strip() : "";
		return text.isEmpty() ? null : text(field, text);
	}

	/**
	 * At most 100 characters, and only characters that print as themselves: control
	 * characters, half a surrogate pair and the bidirectional overrides (which make a
	 * name read differently from what it holds) are refused, since every page, report and
	 * workbook shows names as they are.
	 */
	private String text(String field, String text) {
		if (text.length() > Fields.MAX_NAME) {
			invalid(field, "最长 %d 个字符，为 %d 个 / At most %d characters, was %d".formatted(Fields.MAX_NAME, text.length(),
					Fields.MAX_NAME, text.length()));
			return null;
		}
		int i = Fields.unprintable(text);
		if (i >= 0) {
			int c = text.charAt(i);
			invalid(field, "含有不可显示的字符（第 %d 个，U+%04X） / Contains a character that does not print (at %d, U+%04X)"
				.formatted(i + 1, c, i + 1, c));
			return null;
		}
		return text;
	}

	/** A name that may be absent or {@code null} (unchanged): {@code null} then. */
	String optionalName(String field, String value) {
		return (value != null) ? name(field, value) : null;
	}

	String code(String field, String code) {
		if (!Fields.isCode(code)) {
			invalid(field, Fields.CODE_RULE);
			return null;
		}
		return code;
	}

	/**
	 * The code of a node to create: well formed, and used by no node of any kind. Codes
	 * are unique across kinds, not only within one: {@code node(code:)} and the audit
	 * record find a node by its code alone, so a person sharing a community's code would
	 * hide one of the two.
	 */
	String newCode(String field, String value) {
		String code = code(field, value);
		if (code != null && this.queries.codeInUse(code)) {
			error(UserErrorCode.CONFLICT, path(field), "编码 %s 已被使用 / Code %s is in use".formatted(code, code));
		}
		return code;
	}

	String gender(String field, String value) {
		if (value == null) {
			return null;
		}
		if (!"MALE".equals(value) && !"FEMALE".equals(value)) {
			invalid(field, "性别应为 MALE 或 FEMALE / Gender must be MALE or FEMALE");
			return null;
		}
		return value;
	}

	String phone(String field, String value) {
		if (value == null) {
			return null;
		}
		if (!Fields.isPhone(value)) {
			invalid(field, "电话号码格式不正确 / Phone number must be 3 to 20 digits, spaces, '+' or '-'");
			return null;
		}
		return value;
	}

	String idNumber(String field, String value) {
		if (value == null) {
			return null;
		}
		if (!Fields.isIdNumber(value)) {
			invalid(field, "身份证号应为 17 位数字加一位数字或 X / Identity number must be 17 digits and a digit or X");
			return null;
		}
		return value;
	}

	/**
	 * An id of one of {@code labels}; {@code null} (and an error) when malformed or of
	 * another kind.
	 */
	GlobalId id(String field, String value, Set<String> labels) {
		return id(path(field), value, labels);
	}

	GlobalId id(List<String> field, Object value, Set<String> labels) {
		int colon = (value != null) ? value.toString().indexOf(':') : -1;
		String code = (colon >= 0) ? value.toString().substring(colon + 1) : null;
		String label = (colon >= 0) ? value.toString().substring(0, colon) : null;
		// Set.of(...).contains(null) throws: a plain code (no colon) has no label to look
		// up.
		if (label == null || !labels.contains(label) || !Fields.isCode(code)) {
			error(UserErrorCode.VALIDATION, field, "%s 不是有效的 ID，应为 %s 之一的“类型:编码” / %s is not a valid id of a %s"
				.formatted(shown(value), String.join("/", labels), shown(value), String.join(" or ", labels)));
			return null;
		}
		return new GlobalId(label, code);
	}

	/**
	 * A refused value as a message quotes it: its start only, without what does not
	 * print.
	 */
	static String shown(Object value) {
		String text = String.valueOf(value).replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "\uFFFD");
		return (text.length() > MAX_SHOWN) ? text.substring(0, MAX_SHOWN) + "…" : text;
	}

	/** The ids of a list field; each error names its index. */
	List<GlobalId> ids(String field, List<String> list, Set<String> labels) {
		List<GlobalId> ids = new ArrayList<>();
		if (list != null) {
			for (int i = 0; i < list.size(); i++) {
				GlobalId id = id(path(field, Integer.toString(i)), list.get(i), labels);
				if (id != null && !ids.contains(id)) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	/** The node of an id, or {@code null} and a NOT_FOUND error naming the field. */
	Node require(GlobalId id, List<String> field) {
		if (id == null) {
			return null;
		}
		Node node = this.queries.node(id);
		if (node == null) {
			error(UserErrorCode.NOT_FOUND, field, "%s 不存在 / Nothing has the id %s"
				.formatted(id.label() + ":" + id.code(), id.label() + ":" + id.code()));
		}
		return node;
	}

	Node require(GlobalId id, String field) {
		return require(id, path(field));
	}

	/**
	 * Takes the write lock on a node first, then compares its version: under
	 * read-committed isolation a version read before the lock could be stale, and two
	 * edits would both pass.
	 */
	Node lock(GlobalId id, String field, String versionField, Integer expected) {
		if (id == null) {
			return null;
		}
		Node node = this.queries.lock(id);
		if (node == null) {
			return require(id, field);
		}
		long actual = node.get("version").asLong(0);
		if (expected == null || expected.longValue() != actual) {
			error(UserErrorCode.CONFLICT, path(versionField),
					"%s 已被他人修改（当前版本 %d，提交的版本 %s），请刷新后重试 / %s was changed by someone else (version %d, not %s): reload and retry"
						.formatted(node.get("name").asString(id.code()), actual, expected, id.code(), actual,
								expected));
		}
		this.affected.add(id.code());
		return node;
	}

	/**
	 * Takes the write lock on a node the change relates to without changing it as such
	 * (the other end of a post, a coverage, a link), so that checks like "one secretary"
	 * cannot be passed by two concurrent changes at once; its version is not compared.
	 */
	Node lockOther(GlobalId id, String field) {
		if (id == null) {
			return null;
		}
		Node node = this.queries.lock(id);
		if (node == null) {
			return require(id, field);
		}
		this.affected.add(id.code());
		return node;
	}

	/**
	 * Plans a move of a node under a new parent of its family ({@code family} and
	 * {@code type} as {@link MutationQueries#parents}): refused on {@code parent} with
	 * the message {@code already} (the node's and the parent's names, then their codes)
	 * when it lies there already; otherwise the old and new parents are affected too, and
	 * the node is the result.
	 */
	Runnable moveUnder(String family, String type, GlobalId id, Node node, GlobalId parentId, Node parent, LocalDate on,
			String already) {
		List<String> oldParents = this.queries.parents(family, type, id.code());
		if (oldParents.contains(parentId.code())) {
			invalid("parent", already.formatted(name(node), name(parent), id.code(), parentId.code()));
			return null;
		}
		affect(oldParents);
		affect(parentId.code());
		this.result = id;
		return () -> this.queries.moveUnder(family, type, id.code(), parentId.code(), on);
	}

	/** Whether the organization has ended (merged or dissolved). */
	static boolean ended(Node node) {
		return node != null && !node.get("until").isNull();
	}

	/**
	 * An error on the field when the organization there has ended (merged or dissolved).
	 */
	void notEnded(Node node, String field) {
		if (ended(node)) {
			invalid(field, "%s 已撤销或合并 / %s has ended (merged or dissolved)".formatted(name(node),
					node.get("code").asString()));
		}
	}

	/**
	 * Broken invariants about what organizations govern or cover are reported on this
	 * field.
	 */
	void onAreaRules(List<String> field) {
		for (String rule : List.of("BRANCH_GRIDS", "GROUP_BUILDINGS", "AREA_KIND")) {
			this.ruleFields.put(rule, field);
		}
	}

	String name(Node node) {
		return node.get("name").asString("");
	}

	void affect(String... codes) {
		this.affected.addAll(List.of(codes));
	}

	void affect(List<String> codes) {
		this.affected.addAll(codes);
	}

}
