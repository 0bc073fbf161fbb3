package org.partynet.change;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.neo4j.driver.types.Node;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graphql.GlobalId;

/**
 * One mutation in progress, inside its write transaction: reads and checks its input (collecting
 * user errors instead of throwing, so that a caller sees every mistake at once), remembers the
 * nodes it affects for the audit record, and says which input field a broken invariant points at.
 */
final class Work {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final int MAX_NAME = 100;

	private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 +-]{2,19}");

	private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");

	final String operation;

	final Map<String, Object> input;

	final List<UserError> errors = new ArrayList<>();

	/** Codes of every node the change affects, before and after (the audit's AFFECTED). */
	final Set<String> affected = new LinkedHashSet<>();

	/** Codes of nodes the change creates: they have no "before". */
	final Set<String> created = new LinkedHashSet<>();

	/** The input field a broken invariant is reported on, by rule; {@link #field} otherwise. */
	final Map<String, List<String>> ruleFields = new HashMap<>();

	List<String> field = List.of("input");

	String summary;

	/** The audit record's id, known from the start so that writes can mark what they end with it. */
	final String changeId = java.util.UUID.randomUUID().toString();

	/** What the payload answers: label and code of the node. */
	GlobalId result;

	/** The other end, for links. */
	GlobalId other;

	private final MutationQueries queries;

	Work(String operation, Map<String, Object> input, MutationQueries queries) {
		this.operation = operation;
		this.input = (input != null) ? input : Map.of();
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

	Object raw(String field) {
		return this.input.get(field);
	}

	boolean given(String field) {
		return this.input.get(field) != null;
	}

	/** The effective day: {@code on}, or today in Beijing. */
	LocalDate on() {
		Object on = this.input.get("on");
		return (on instanceof LocalDate day) ? day : LocalDate.now(BEIJING);
	}

	/** A required name: not blank, at most 100 characters; {@code null} (and an error) otherwise. */
	String name(String field) {
		Object value = this.input.get(field);
		String name = (value != null) ? value.toString().strip() : "";
		if (name.isEmpty()) {
			invalid(field, "名称不能为空 / Name must not be empty");
			return null;
		}
		if (name.length() > MAX_NAME) {
			invalid(field, "名称最长 %d 个字符 / Name must be at most %d characters, was %d".formatted(MAX_NAME, MAX_NAME,
					name.length()));
			return null;
		}
		return name;
	}

	/** A name that may be absent (unchanged). */
	String optionalName(String field) {
		return given(field) ? name(field) : null;
	}

	String code(String field) {
		Object value = this.input.get(field);
		String code = (value != null) ? value.toString() : null;
		if (!GlobalId.isWellFormedCode(code)) {
			invalid(field, "编码只能包含字母、数字、“-”“_”“.”，最长 64 个字符 / Code must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit");
			return null;
		}
		return code;
	}

	String gender(String field) {
		Object value = this.input.get(field);
		if (value == null) {
			return null;
		}
		if (!"MALE".equals(value) && !"FEMALE".equals(value)) {
			invalid(field, "性别应为 MALE 或 FEMALE / Gender must be MALE or FEMALE");
			return null;
		}
		return value.toString();
	}

	String phone(String field) {
		Object value = this.input.get(field);
		if (value == null) {
			return null;
		}
		if (!PHONE.matcher(value.toString()).matches()) {
			invalid(field, "电话号码格式不正确 / Phone number must be 3 to 20 digits, spaces, '+' or '-'");
			return null;
		}
		return value.toString();
	}

	String idNumber(String field) {
		Object value = this.input.get(field);
		if (value == null) {
			return null;
		}
		if (!ID_NUMBER.matcher(value.toString()).matches()) {
			invalid(field, "身份证号应为 17 位数字加一位数字或 X / Identity number must be 17 digits and a digit or X");
			return null;
		}
		return value.toString();
	}

	/** An id of one of {@code labels}; {@code null} (and an error) when malformed or of another kind. */
	GlobalId id(String field, Set<String> labels) {
		return id(path(field), this.input.get(field), labels);
	}

	GlobalId id(List<String> field, Object value, Set<String> labels) {
		int colon = (value != null) ? value.toString().indexOf(':') : -1;
		String code = (colon >= 0) ? value.toString().substring(colon + 1) : null;
		String label = (colon >= 0) ? value.toString().substring(0, colon) : null;
		if (!labels.contains(label) || !GlobalId.isWellFormedCode(code)) {
			error(UserErrorCode.VALIDATION, field, "%s 不是有效的 ID，应为 %s 之一的“类型:编码” / %s is not a valid id of a %s"
				.formatted(value, String.join("/", labels), value, String.join(" or ", labels)));
			return null;
		}
		return new GlobalId(label, code);
	}

	/** The ids of a list field; each error names its index. */
	List<GlobalId> ids(String field, Set<String> labels) {
		List<GlobalId> ids = new ArrayList<>();
		Object value = this.input.get(field);
		if (value instanceof List<?> list) {
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
			error(UserErrorCode.NOT_FOUND, field, "%s 不存在 / Nothing has the id %s".formatted(id.label() + ":" + id.code(),
					id.label() + ":" + id.code()));
		}
		return node;
	}

	Node require(GlobalId id, String field) {
		return require(id, path(field));
	}

	/**
	 * Takes the write lock on a node first, then compares its version: under read-committed
	 * isolation a version read before the lock could be stale, and two edits would both pass.
	 */
	Node lock(GlobalId id, String field, String versionField) {
		if (id == null) {
			return null;
		}
		Node node = this.queries.lock(id);
		if (node == null) {
			return require(id, field);
		}
		Object expected = this.input.get(versionField);
		long actual = node.get("version").asLong(0);
		if (!(expected instanceof Number number) || number.longValue() != actual) {
			error(UserErrorCode.CONFLICT, path(versionField),
					"%s 已被他人修改（当前版本 %d，提交的版本 %s），请刷新后重试 / %s was changed by someone else (version %d, not %s): reload and retry"
						.formatted(node.get("name").asString(id.code()), actual, expected, id.code(), actual, expected));
		}
		this.affected.add(id.code());
		return node;
	}

	/**
	 * Takes the write lock on a node the change relates to without changing it as such (the other
	 * end of a post, a coverage, a link), so that checks like "one secretary" cannot be passed by
	 * two concurrent changes at once; its version is not compared.
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

	/** Whether the organization has ended (merged or dissolved). */
	static boolean ended(Node node) {
		return node != null && !node.get("until").isNull();
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
