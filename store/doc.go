// Package store is duban's system of record: an SQLite database in the
// output folder (duban.db) holding every notice as extracted, every
// correction a person made to its records, the progress units reported and
// the run's bookkeeping. notice.json, tasks.csv and the documents are
// renders of it: re-extracting a notice never loses a correction or a
// report.
//
// The database is opened in WAL mode with a busy timeout, so the command
// line and a web console can use one store at once. Its schema is
// versioned in code (PRAGMA user_version): an older store is migrated in
// place, a newer one is refused.
package store
