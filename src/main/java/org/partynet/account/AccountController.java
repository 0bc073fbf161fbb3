package org.partynet.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partynet.account.SecretaryAccountsQueries.Handout;
import org.partynet.account.AccountChangeQueries.Outcome;
import org.partynet.graph.Graph;
import org.partynet.graphql.Paging;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.security.Access;
import org.partynet.security.AccountSource;
import org.partynet.security.Role;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code me}, which the pages ask to show who is signed in and to open a secretary's own
 * chart, and 账号管理: the accounts of the graph and their changes, the organization
 * department's only.
 */
@Controller
class AccountController {

	private final AccountQueries queries;

	private final AccountChangeQueries accounts;

	private final SecretaryAccountsQueries secretaries;

	private final Paging paging;

	AccountController(AccountQueries queries, AccountChangeQueries accounts, SecretaryAccountsQueries secretaries,
			Paging paging) {
		this.queries = queries;
		this.accounts = accounts;
		this.secretaries = secretaries;
		this.paging = paging;
	}

	@QueryMapping
	Account me() {
		Role role = Access.role().orElse(Role.ORG_DEPT);
		List<Organization> organizations = this.queries.organizations();
		Person person = (Access.person() != null && Access.seesPeople()) ? this.queries.person(Access.person()) : null;
		return new Account(Access.username(), role, organizations.isEmpty() ? null : organizations.get(0),
				organizations, person, Access.source().orElse(AccountSource.CONFIGURATION));
	}

	@QueryMapping
	@PreAuthorize("hasRole('ORG_DEPT')")
	Paging.Connection<ManagedAccount> accounts(@Argument String search, @Argument Role role, @Argument Integer first,
			@Argument String after) {
		int size = this.paging.first(first);
		return this.queries.page(this.paging.text("search", search), role, size, this.paging.after(after));
	}

	@BatchMapping(typeName = "ManagedAccount")
	Map<ManagedAccount, List<Organization>> organizations(List<ManagedAccount> accounts) {
		Map<String, List<Organization>> byPerson = this.queries.organizations(ManagedAccount.codes(accounts));
		Map<ManagedAccount, List<Organization>> organizations = new HashMap<>();
		for (ManagedAccount account : accounts) {
			organizations.put(account, (account.role() == Role.SECRETARY && account.person() != null)
					? byPerson.getOrDefault(account.person().code(), List.of()) : List.of());
		}
		return organizations;
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_DEPT')")
	Outcome createAccount(@Argument CreateAccountInput input) {
		return this.accounts.create(input.username(), input.role(), input.person());
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_DEPT')")
	Outcome changeAccountRole(@Argument ChangeAccountRoleInput input) {
		return this.accounts.changeRole(input.username(), input.role());
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_DEPT')")
	Outcome disableAccount(@Argument AccountInput input) {
		return this.accounts.disable(input.username());
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_DEPT')")
	Outcome enableAccount(@Argument AccountInput input) {
		return this.accounts.enable(input.username());
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_DEPT')")
	Outcome resetPassword(@Argument AccountInput input) {
		return this.accounts.resetPassword(input.username());
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_DEPT')")
	Handout createSecretaryAccounts(@Argument SecretaryAccountsInput input) {
		return this.secretaries.create(input.scope());
	}

	/** See {@code CreateAccountInput} in schema.graphqls. */
	record CreateAccountInput(String username, Role role, String person) {
	}

	/** See {@code ChangeAccountRoleInput} in schema.graphqls. */
	record ChangeAccountRoleInput(String username, Role role) {
	}

	/** See {@code AccountInput} in schema.graphqls. */
	record AccountInput(String username) {
	}

	/** See {@code SecretaryAccountsInput} in schema.graphqls. */
	record SecretaryAccountsInput(String scope) {
	}

	record Account(String username, Role role, Organization organization, List<Organization> organizations,
			Person person, AccountSource source) {
	}

}
