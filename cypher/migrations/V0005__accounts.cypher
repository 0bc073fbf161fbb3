// Accounts (issue 16): each (:Account) signs one user in and belongs to a person,
// (:Account)-[:OF]->(:Person). `key` is the user name in lower case: user names are unique
// ignoring case. See docs/adr/0015-accounts.md.
CREATE CONSTRAINT account_key IF NOT EXISTS FOR (n:Account) REQUIRE n.key IS UNIQUE;
