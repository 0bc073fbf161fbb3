// Backups (issue 19). Every transaction that writes the network first locks the one
// (:BackupGate {name: 'network'}) node, and a backup holds that lock while it reads: so a backup
// sees no write half done and none commits while it reads. (:BackupSchedule {name}) holds the
// daily backup's last run, so that of several instances on one database one takes it. Both are
// the service's bookkeeping, created when first used, and left out of the backup.
// See src/main/java/org/partynet/graph/Graph.java and src/main/java/org/partynet/backup/.
CREATE CONSTRAINT backup_gate_name IF NOT EXISTS FOR (n:BackupGate) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT backup_schedule_name IF NOT EXISTS FOR (n:BackupSchedule) REQUIRE n.name IS UNIQUE;
