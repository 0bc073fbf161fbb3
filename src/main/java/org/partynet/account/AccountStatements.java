package org.partynet.account;

import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.scope.Scope;

/**
 * The statements of the accounts page. Accounts are read as privileged statements: only
 * the organization department runs them, and their rows are not the network's.
 */
final class AccountStatements {

	private AccountStatements() {
	}

	static final String RETURN = "RETURN a, [(a)-[:OF]->(p:Person) | p][0] AS person";

	static final Statement BY_KEY = Statement.privileged("account.manage.byKey",
			"MATCH (a:Account {key: $key})\n" + RETURN);

	static final Statement PAGE = Statement.privileged("account.page", """
			MATCH (a:Account)
			OPTIONAL MATCH (a)-[:OF]->(p:Person)
			WITH a, p
			WHERE ($role IS NULL OR a.role = $role)
			  AND ($search IS NULL OR a.key CONTAINS toLower($search) OR p.name CONTAINS $search
			       OR toLower(p.code) CONTAINS toLower($search))
			WITH a, p ORDER BY a.key
			WITH collect({a: a, p: p}) AS matching
			RETURN size(matching) AS totalCount,
			       [x IN matching WHERE $after IS NULL OR x.a.key > $after][0..$limit] AS page
			""");

	/** Whether the person exists, has an account, and holds a secretary's post today. */
	static final Statement PERSON = Statement.privileged("account.person",
			"""
					OPTIONAL MATCH (person:Person {code: $person})
					RETURN person IS NOT NULL AS found,
					       CASE WHEN person IS NULL THEN null ELSE [(a:Account)-[:OF]->(person) | a.username][0] END AS account,
					       person IS NOT NULL AND EXISTS { MATCH (person)-[:HOLDS]->(root:PartyOrganization) WHERE %s } AS secretary
					"""
				.formatted(Statement.holdsSecretaryPost("person", "root")));

	static final Statement CREATE = Statement.write("account.create", """
			CREATE (a:Account {username: $username, key: $key, password: $hash, role: $role, enabled: true,
			                   mustChangePassword: true, stamp: 1, createdAt: datetime({timezone: 'UTC'})})
			WITH a
			OPTIONAL MATCH (p:Person {code: $person})
			CALL (a, p) {
			  WITH a, p WHERE p IS NOT NULL
			  CREATE (a)-[:OF]->(p)
			}
			""" + RETURN);

	static final Statement UPDATE = Statement.write("account.update", """
			MATCH (a:Account {key: $key})
			SET a.role = $role, a.enabled = $enabled, a.stamp = a.stamp + 1
			""");

	/**
	 * The secretaries of a scope without an account: the people who hold a secretary's
	 * post today in an organization governing or covering an area of the scope, or led by
	 * one.
	 */
	static final Statement SECRETARIES = Statement.scoped("account.secretaries",
			"""
					CALL () {
					%s
					  MATCH (a)<-[g:GOVERNS|COVERS WHERE g.until IS NULL]-(o:PartyOrganization)
					  RETURN DISTINCT o
					}
					MATCH (o)(()-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization)){0,4}(root:PartyOrganization)
					WITH DISTINCT root
					MATCH (person:Person)-[:HOLDS]->(root)
					WHERE %s AND NOT EXISTS { (:Account)-[:OF]->(person) }
					WITH DISTINCT person, root
					ORDER BY root.code
					WITH person, collect(root.name + '·' + [(person)-[h:HOLDS WHERE h.until IS NULL AND h.role IN $posts]->(root) | coalesce(h.title, h.role)][0]) AS posts
					RETURN person, posts ORDER BY person.code
					"""
				.formatted(Scope.AREAS.indent(2), Statement.holdsSecretaryPost("person", "root")));

	static final Statement TAKEN = Statement.privileged("account.taken",
			"UNWIND $keys AS key MATCH (a:Account {key: key}) RETURN a.key AS key");

	static final Statement CREATE_MANY = Statement.write("account.createMany", """
			UNWIND $accounts AS x
			MATCH (p:Person {code: x.person})
			CREATE (a:Account {username: x.username, key: x.key, password: x.hash, role: 'SECRETARY', enabled: true,
			                   mustChangePassword: true, stamp: 1, createdAt: datetime({timezone: 'UTC'})})-[:OF]->(p)
			RETURN a, p AS person
			""");

	/** The organizations whose subtrees each person's secretary account reads today. */
	static final Statement ORGANIZATIONS = Statement.read("account.organizations", """
			UNWIND $persons AS code
			MATCH (person:Person {code: code})-[:HOLDS]->(root:PartyOrganization)
			WHERE %s
			WITH DISTINCT code, root ORDER BY root.code
			RETURN code, collect(root) AS organizations
			""".formatted(Statement.holdsSecretaryPost("person", "root")));

	/** Organizations by code, in the order given. */
	static final Statement BY_CODES = Statement.read("account.organizationsByCode", """
			UNWIND range(0, size($codes) - 1) AS i
			MATCH (o:PartyOrganization {code: $codes[i]})
			RETURN o ORDER BY i
			""");

	static final Statement SCOPE_NAME = Statement.privileged("account.scopeName", """
			CALL () {
			  MATCH (n:Area {code: $code}) RETURN n
			  UNION
			  MATCH (n:PartyOrganization {code: $code}) RETURN n
			}
			RETURN n.name AS name
			""");

	static final Statement ME = Statement.read("account.me", "MATCH (p:Person {code: $code}) RETURN p");

}
