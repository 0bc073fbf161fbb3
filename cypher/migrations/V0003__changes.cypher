// The audit trail (issue 6): every mutation writes one (:Change)-[:AFFECTED]->(node) record in the
// transaction of its change. Ids are UUIDs, unique; `changes` lists them newest first and filters
// by time, so `at` has a range index.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE RANGE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
