package org.partynet.account;

import org.partynet.organization.Organization;
import org.partynet.security.Access;
import org.partynet.security.Role;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code me}: the pages ask who is signed in, to show it and to open a secretary's own
 * chart.
 */
@Controller
class AccountController {

	private final AccountQueries queries;

	AccountController(AccountQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	Account me() {
		String within = Access.within();
		Organization organization = (within == null) ? null : this.queries.organization(within).orElse(null);
		return new Account(Access.username(), Access.role().orElse(Role.ORG_DEPT), organization);
	}

	record Account(String username, Role role, Organization organization) {
	}

}
