// Leases (issue 19): state that every instance of the service on one database must share, such as
// "one import at a time" and its progress, lives in (:Lease {name}) nodes. See src/main/java/org/partynet/shared/LeaseQueries.java.
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (n:Lease) REQUIRE n.name IS UNIQUE;
