package org.partynet.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.partynet.audit.AuditRecordQueries;
import org.partynet.change.UserError;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graph.Graph;
import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.NotFoundException;
import org.partynet.model.Operation;
import org.partynet.scope.Scope;
import org.partynet.security.Access;
import org.partynet.security.PasswordPolicy;
import org.partynet.security.SecurityProperties;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 为书记批量创建账号: one action makes the accounts of every person who holds a secretary's post
 * today in an organization of a scope and has none (user name: the person's code in lower
 * case), each with a one-time password, in one transaction with one audit record, and
 * answers them with a workbook to hand out.
 */
@Service
class SecretaryAccountsQueries {

	private final Graph graph;

	private final AuditRecordQueries audit;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final Scope scope;

	private final HandoutWorkbook handout;

	private final TransactionTemplate transactions;

	private final SecurityProperties security;

	SecretaryAccountsQueries(Graph graph, AuditRecordQueries audit, PasswordEncoder encoder, PasswordPolicy policy,
			Scope scope, HandoutWorkbook handout, PlatformTransactionManager transactionManager,
			SecurityProperties security) {
		this.graph = graph;
		this.audit = audit;
		this.encoder = encoder;
		this.policy = policy;
		this.scope = scope;
		this.handout = handout;
		this.transactions = new TransactionTemplate(transactionManager);
		this.security = security;
	}

	/** What {@code createSecretaryAccounts} answers. */
	record Handout(List<Created> created, String workbook, String changeId, List<UserError> errors) {
	}

	/**
	 * One account made by {@code createSecretaryAccounts}, with its one-time password.
	 */
	record Created(ManagedAccount account, String oneTimePassword) {
	}

	/**
	 * Creates the accounts of a scope's secretaries who have none, and their hand-out.
	 */
	Handout create(String scopeId) {
		String user = Access.username();
		String code;
		try {
			code = this.scope.code(scopeId, "scope");
		}
		catch (BadRequestException | NotFoundException ex) {
			return new Handout(List.of(), null, null,
					List.of(new UserError(UserErrorCode.VALIDATION, List.of("input", "scope"), ex.getMessage())));
		}
		try {
			return this.transactions.execute(status -> secretaryAccounts(user, code, scopeId));
		}
		catch (DataIntegrityViolationException ex) {
			return new Handout(List.of(), null, null, List.of(new UserError(UserErrorCode.VALIDATION,
					List.of("input", "scope"), AccountChangeQueries.TAKEN_MEANWHILE)));
		}
	}

	private Handout secretaryAccounts(String user, String code, String scopeId) {
		{
			List<Record> secretaries = this.graph.rows(AccountStatements.SECRETARIES,
					Graph.parameters("scope", code, "posts", this.graph.secretaryPosts()));
			if (secretaries.isEmpty()) {
				return new Handout(List.of(), null, null, List.of(new UserError(UserErrorCode.VALIDATION,
						List.of("input", "scope"),
						"范围内没有尚无账号的现任书记：都已有账号，或没有现任书记 / Every current secretary of this scope has an account already, or there is none")));
			}
			List<Map<String, Object>> accounts = new ArrayList<>();
			Set<String> keys = usernames(secretaries);
			Map<String, String> passwords = new LinkedHashMap<>();
			Map<String, List<String>> posts = new LinkedHashMap<>();
			for (Record secretary : secretaries) {
				Node person = secretary.get("person").asNode();
				String username = free(SignInQueries.key(person.get("code").asString()), keys,
						this.security::configures);
				String password = this.policy.oneTimePassword();
				passwords.put(username, password);
				posts.put(username, secretary.get("posts").asList(v -> v.asString()));
				Map<String, Object> account = new LinkedHashMap<>();
				account.put("username", username);
				account.put("key", username);
				account.put("password", password);
				account.put("person", person.get("code").asString());
				accounts.add(account);
			}
			// BCrypt is slow on purpose: hash on every core
			accounts.parallelStream().forEach(a -> a.put("hash", this.encoder.encode((String) a.remove("password"))));
			List<Created> created = new ArrayList<>();
			List<Map<String, Object>> states = new ArrayList<>();
			List<String> people = new ArrayList<>();
			for (Record row : this.graph.rows(AccountStatements.CREATE_MANY, Graph.parameters("accounts", accounts))) {
				Node a = row.get("a").asNode();
				String person = row.get("person").asNode().get("code").asString();
				created.add(new Created(ManagedAccount.of(a, row.get("person")),
						passwords.get(a.get("username").asString())));
				states.add(SignInQueries.state(a, person));
				people.add(person);
			}
			String changeId = this.audit.record(user, Operation.CREATE_SECRETARY_ACCOUNTS,
					"为 %s 的 %d 位书记新建账号 / created accounts for %d secretaries of %s".formatted(code, created.size(),
							created.size(), code),
					AccountChangeQueries.input("scope", scopeId), List.of(), states, people);
			String name = this.graph.one(AccountStatements.SCOPE_NAME, Graph.parameters("code", code))
				.map(row -> row.get("name").asString(code))
				.orElse(code);
			return new Handout(created, this.handout.workbook(name, created, posts), changeId, List.of());
		}
	}

	private Set<String> usernames(List<Record> secretaries) {
		List<String> wanted = secretaries.stream()
			.map(s -> SignInQueries.key(s.get("person").asNode().get("code").asString()))
			.toList();
		Set<String> taken = new HashSet<>();
		this.graph.rows(AccountStatements.TAKEN, Graph.parameters("keys", wanted))
			.forEach(row -> taken.add(row.get("key").asString()));
		return taken;
	}

	// The person's code, or with -2, -3... when another account has it as its name.
	private static String free(String wanted, Set<String> taken, Predicate<String> configured) {
		String name = wanted;
		for (int n = 2; taken.contains(name) || configured.test(name); n++) {
			name = wanted + "-" + n;
		}
		taken.add(name);
		return name;
	}

}
