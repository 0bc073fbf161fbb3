package org.partynet.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.partynet.audit.AuditRecordQueries;
import org.partynet.change.UserError;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graph.Graph;
import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.GlobalId;
import org.partynet.model.Operation;
import org.partynet.security.Access;
import org.partynet.security.PasswordPolicy;
import org.partynet.security.Role;
import org.partynet.security.SecurityProperties;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 账号管理: what the organization department does to accounts. Each change checks its input
 * first (nothing written on any error), then writes and records it in the audit trail in
 * one transaction. Every change that alters what a session may do (role, disable, reset)
 * changes the account's stamp, which signs its sessions out on their next request.
 * One-time passwords are answered once and kept only as hashes.
 */
@Service
class AccountChangeQueries {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");

	private static final List<String> USERNAME_FIELD = List.of("input", "username");

	private final Graph graph;

	private final SignInQueries store;

	private final AuditRecordQueries audit;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final TransactionTemplate transactions;

	private final SecurityProperties security;

	AccountChangeQueries(Graph graph, SignInQueries store, AuditRecordQueries audit, PasswordEncoder encoder,
			PasswordPolicy policy, PlatformTransactionManager transactionManager, SecurityProperties security) {
		this.security = security;
		this.graph = graph;
		this.store = store;
		this.audit = audit;
		this.encoder = encoder;
		this.policy = policy;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** What an account change answers; see {@code AccountPayload}. */
	record Outcome(ManagedAccount account, String oneTimePassword, String changeId, List<UserError> errors) {

		static Outcome refused(List<String> field, String message) {
			return new Outcome(null, null, null, List.of(new UserError(UserErrorCode.VALIDATION, field, message)));
		}

	}

	Outcome create(String username, Role role, String personId) {
		String user = Access.username();
		return inTransaction(() -> {
			if (username == null || !USERNAME.matcher(username).matches()) {
				return Outcome.refused(USERNAME_FIELD,
						"用户名须为 3 到 32 个字母、数字或“.”“_”“-”，以字母或数字开头 / A user name has 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit");
			}
			if (taken(username)) {
				return Outcome.refused(USERNAME_FIELD,
						"用户名 %s 已被使用 / The user name %s is taken".formatted(username, username));
			}
			String person = null;
			if (personId != null) {
				List<String> field = List.of("input", "person");
				GlobalId id;
				try {
					id = GlobalId.parse(personId, "person");
				}
				catch (BadRequestException ex) {
					return Outcome.refused(field, ex.getMessage());
				}
				if (!id.label().equals("Person")) {
					return Outcome.refused(field, "person 必须是人员 / 'person' must be a person's id, was " + personId);
				}
				Record found = this.graph
					.one(AccountStatements.PERSON,
							Graph.parameters("person", id.code(), "posts", this.graph.secretaryPosts()))
					.orElseThrow();
				if (!found.get("found").asBoolean()) {
					return Outcome.refused(field, "没有人员 %s / There is no person %s".formatted(personId, personId));
				}
				if (!found.get("account").isNull()) {
					return Outcome.refused(field, "该人员已有账号 %s / This person already has the account %s"
						.formatted(found.get("account").asString(), found.get("account").asString()));
				}
				if (role == Role.SECRETARY && !found.get("secretary").asBoolean()) {
					return Outcome.refused(field, noPost(personId));
				}
				person = id.code();
			}
			else if (role == Role.SECRETARY) {
				return Outcome.refused(List.of("input", "person"),
						"书记账号须关联人员 / A secretary's account needs its person");
			}
			String password = this.policy.oneTimePassword();
			Record row = this.graph.one(AccountStatements.CREATE,
					Graph.parameters("username", username, "key", SignInQueries.key(username), "hash",
							this.encoder.encode(password), "role", role.name(), "person", person))
				.orElseThrow();
			Node a = row.get("a").asNode();
			String changeId = this.audit.record(user, Operation.CREATE_ACCOUNT,
					"新建账号 %s（%s） / created the account %s".formatted(username, role.name(), username),
					input("username", username, "role", role.name(), "person", personId), List.of(),
					List.of(SignInQueries.state(a, person)), persons(person));
			return new Outcome(ManagedAccount.of(a, row.get("person")), password, changeId, List.of());
		});
	}

	Outcome changeRole(String username, Role role) {
		return update(Operation.CHANGE_ACCOUNT_ROLE, username,
				Map.of("username", String.valueOf(username), "role", String.valueOf(role)), (a, person) -> {
					if (role == null) {
						return Optional.of(Outcome.refused(List.of("input", "role"), "请选择角色 / Choose a role"));
					}
					if (role == Role.SECRETARY && (person == null || !secretary(person))) {
						return Optional.of(Outcome.refused(List.of("input", "role"),
								(person == null) ? "书记账号须关联人员 / A secretary's account needs its person"
										: noPost(GlobalId.of("Person", person))));
					}
					return own(username);
				}, a -> set(username, role, a.get("enabled").asBoolean()),
				"更改账号 %s 的角色为 %s / changed the role of %s to %s".formatted(username, role, username, role));
	}

	Outcome disable(String username) {
		return update(Operation.DISABLE_ACCOUNT, username, Map.of("username", String.valueOf(username)),
				(a, person) -> a.get("enabled").asBoolean() ? own(username)
						: Optional.of(Outcome.refused(USERNAME_FIELD,
								"账号 %s 已停用 / The account %s is disabled already".formatted(username, username))),
				a -> set(username, Role.valueOf(a.get("role").asString()), false),
				"停用账号 %s / disabled the account %s".formatted(username, username));
	}

	Outcome enable(String username) {
		return update(Operation.ENABLE_ACCOUNT, username, Map.of("username", String.valueOf(username)),
				(a, person) -> !a.get("enabled").asBoolean() ? Optional.empty()
						: Optional.of(Outcome.refused(USERNAME_FIELD,
								"账号 %s 未停用 / The account %s is enabled".formatted(username, username))),
				a -> set(username, Role.valueOf(a.get("role").asString()), true),
				"启用账号 %s / enabled the account %s".formatted(username, username));
	}

	Outcome resetPassword(String username) {
		return update(Operation.RESET_PASSWORD, username, input("username", username), (a,
				person) -> a.get("enabled").asBoolean() ? Optional.empty() : Optional.of(Outcome.refused(USERNAME_FIELD,
						"账号 %s 已停用，请先启用再重置密码 / The account %s is disabled: enable it before resetting its password"
							.formatted(username, username))),
				a -> {
					String password = this.policy.oneTimePassword();
					this.store.setPassword(username, this.encoder.encode(password), true);
					return password;
				}, "重置账号 %s 的密码 / reset the password of %s".formatted(username, username));
	}

	/** Why a change is refused, from the account before it and its person's code. */
	private interface Check {

		Optional<Outcome> refusal(Node account, String person);

	}

	/** Writes a change; answers the one-time password it made, if it made one. */
	private interface Write {

		String apply(Node account);

	}

	// Checks, writes, reads the account again and records the change, in one transaction.
	private Outcome update(Operation operation, String username, Map<String, Object> input, Check check, Write write,
			String summary) {
		String user = Access.username();
		return inTransaction(() -> {
			Optional<Record> found = account(username);
			if (found.isEmpty()) {
				return Outcome.refused(USERNAME_FIELD, noAccount(username));
			}
			Node before = found.get().get("a").asNode();
			String person = personCode(found.get());
			Optional<Outcome> refusal = check.refusal(before, person);
			if (refusal.isPresent()) {
				return refusal.get();
			}
			String password = write.apply(before);
			Record row = account(username).orElseThrow();
			Node after = row.get("a").asNode();
			String changeId = this.audit.record(user, operation, summary, input,
					List.of(SignInQueries.state(before, person)), List.of(SignInQueries.state(after, person)),
					persons(person));
			return new Outcome(ManagedAccount.of(after, row.get("person")), password, changeId, List.of());
		});
	}

	private String set(String username, Role role, boolean enabled) {
		this.graph.run(AccountStatements.UPDATE,
				Graph.parameters("key", SignInQueries.key(username), "role", role.name(), "enabled", enabled));
		return null;
	}

	// The organization department cannot lock itself out.
	private static Optional<Outcome> own(String username) {
		return SignInQueries.key(username).equals(SignInQueries.key(Access.username())) ? Optional.of(Outcome
			.refused(USERNAME_FIELD, "不能停用或更改自己的账号 / You cannot disable or change the role of your own account"))
				: Optional.empty();
	}

	private Outcome inTransaction(Supplier<Outcome> work) {
		try {
			Outcome outcome = this.transactions.execute(status -> {
				Outcome result = work.get();
				if (!result.errors().isEmpty()) {
					status.setRollbackOnly();
				}
				return result;
			});
			return outcome;
		}
		catch (DataIntegrityViolationException ex) {
			// the same user name created at the same moment: the constraint stopped the
			// second at commit, nothing of it was written
			return Outcome.refused(USERNAME_FIELD, TAKEN_MEANWHILE);
		}
	}

	static final String TAKEN_MEANWHILE = "用户名已被同时创建的另一个账号占用，请重试 / Another change took this user name at the same moment: try again";

	private Optional<Record> account(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return this.graph.one(AccountStatements.BY_KEY, Graph.parameters("key", SignInQueries.key(username)));
	}

	private boolean taken(String username) {
		return this.store.byUsername(username).isPresent() || this.security.configures(username);
	}

	private boolean secretary(String person) {
		return this.graph
			.one(AccountStatements.PERSON, Graph.parameters("person", person, "posts", this.graph.secretaryPosts()))
			.map(row -> row.get("secretary").asBoolean())
			.orElse(false);
	}

	private static String personCode(Record row) {
		return row.get("person").isNull() ? null : row.get("person").asNode().get("code").asString();
	}

	static List<String> persons(String person) {
		return (person != null) ? List.of(person) : List.of();
	}

	static Map<String, Object> input(Object... namesAndValues) {
		Map<String, Object> input = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				input.put((String) namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return input;
	}

	private static String noAccount(String username) {
		return "没有账号 %s / There is no account %s".formatted(username, username);
	}

	private static String noPost(String personId) {
		return "%s 目前没有担任书记或副书记职务，不能建书记账号 / %s holds no secretary's post today".formatted(personId, personId);
	}

}
