// Sign-in throttling (issue 19): the failed sign-ins per user name and per client address, shared by
// every instance of the service on one database, in (:SignInFailure {key}) nodes; `key` is the kind
// and the name or address ('ACCOUNT:secretary', 'ADDRESS:10.0.0.1'). The backup leaves them out.
// See src/main/java/org/partynet/account/SignInFailureQueries.java.
CREATE CONSTRAINT sign_in_failure_key IF NOT EXISTS FOR (n:SignInFailure) REQUIRE n.key IS UNIQUE;
CREATE INDEX sign_in_failure_kind IF NOT EXISTS FOR (n:SignInFailure) ON (n.kind, n.last);
