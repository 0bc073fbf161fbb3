// The import journal (issue 14): an import writes in batches, each its own transaction, under one
// (:ImportJournal) whose entries say how to undo each batch; a failure, or the next start after a
// crash, undoes them. See docs/adr/0012-bulk-import.md.
CREATE CONSTRAINT import_journal_id IF NOT EXISTS FOR (n:ImportJournal) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_journal_entry IF NOT EXISTS FOR (n:ImportJournalEntry) ON (n._journal, n._seq);
