package store

// migrations bring a store from version i to i+1; migrations[0] is the
// first schema. Never edit one that has been released: append.
var migrations = []string{
	// 1: notices as extracted, corrections, bookkeeping.
	`CREATE TABLE notices (
		slug       TEXT PRIMARY KEY,
		keys       TEXT NOT NULL,          -- JSON array of the notice's identity keys
		sha256     TEXT NOT NULL DEFAULT '',
		source     TEXT NOT NULL DEFAULT '',
		extracted  TEXT NOT NULL,          -- the notice JSON as extracted
		updated_at TEXT NOT NULL
	);
	CREATE TABLE corrections (
		id     INTEGER PRIMARY KEY,
		slug   TEXT NOT NULL,
		task   TEXT NOT NULL,
		field  TEXT NOT NULL,
		old    TEXT NOT NULL DEFAULT '',   -- the value the person changed
		new    TEXT NOT NULL DEFAULT '',
		base   TEXT NOT NULL DEFAULT '',   -- the extracted value at that time
		by     TEXT NOT NULL DEFAULT '',
		at     TEXT NOT NULL,
		origin TEXT NOT NULL DEFAULT ''    -- file or command it came from
	);
	CREATE INDEX corrections_task ON corrections(slug, task, field);
	CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,

	// 2: progress reports and the unit directory in force.
	`CREATE TABLE reports (
		id         INTEGER PRIMARY KEY,
		slug       TEXT NOT NULL,
		task       TEXT NOT NULL,
		unit       TEXT NOT NULL,
		round      TEXT NOT NULL DEFAULT '',
		status     TEXT NOT NULL,
		detail     TEXT NOT NULL DEFAULT '',
		problems   TEXT NOT NULL DEFAULT '',
		next_steps TEXT NOT NULL DEFAULT '',
		done_date  TEXT NOT NULL DEFAULT '',
		note       TEXT NOT NULL DEFAULT '',
		file       TEXT NOT NULL DEFAULT '',
		sheet      TEXT NOT NULL DEFAULT '',
		row        INTEGER NOT NULL DEFAULT 0,
		by         TEXT NOT NULL DEFAULT '',
		at         TEXT NOT NULL
	);
	CREATE INDEX reports_task ON reports(slug, task, unit);
	CREATE TABLE directory (
		id   INTEGER PRIMARY KEY,
		hash TEXT NOT NULL,
		yaml TEXT NOT NULL,
		at   TEXT NOT NULL
	);
	ALTER TABLE notices ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;`,

	consoleSchema, // 3: accounts, sessions, audit log, uploads (console.go)

	// 4: the latest report of a task and unit found by one index seek; the
	// console asks for it whenever a report was added, and with reports_task
	// alone each lookup sorted every report of the pair (quadratic in them).
	`CREATE INDEX IF NOT EXISTS reports_latest ON reports(slug, task, unit, round, id);`,

	// 5: the store's generation (Generations, read on every request of the
	// console) from an index: without one, its MAX(updated_at) and COUNT(*)
	// read every notice's stored JSON (20 ms a request at 200 notices).
	`CREATE INDEX IF NOT EXISTS notices_updated ON notices(updated_at);`,
}

// Version is the schema version this build writes.
var Version = len(migrations)
