package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// FileName is the store's name in the output folder.
const FileName = "duban.db"

// Store is an open duban.db.
type Store struct {
	db   *sql.DB
	path string
	// Now stamps corrections and reports (nil: the clock).
	Now func() time.Time

	prep prepared
}

// ErrNewer is returned when a store was written by a newer duban.
var ErrNewer = errors.New("written by a newer version of duban")

// Open opens (creating it when missing) the store of an output folder and
// migrates it to this build's schema.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return OpenFile(filepath.Join(dir, FileName))
}

// OpenFile opens the store at path (see Open).
func OpenFile(path string) (*Store, error) {
	dsn := "file:" + filepath.ToSlash(path) +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// Keep connections open for the console's concurrent requests: with
	// database/sql's default of two idle ones, every request beyond them
	// opened a new SQLite connection (pragmas, a cold page cache) — 6% of
	// the CPU under the load test; with 16 kept, 50 sessions still
	// opened one now and then (and prepared their statements again).
	db.SetMaxIdleConns(64)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, path: path}
	if err := s.migrateWaiting(len(migrations)); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openWait bounds how long opening waits for another process that is
// creating or converting the same store.
const openWait = 10 * time.Second

// migrateWaiting is migrate, tried again while SQLite answers "database is
// locked": a connection's journal_mode(WAL) pragma on a store another
// process is creating at that moment fails at once, without the busy
// timeout's wait (a console and a command line started together).
func (s *Store) migrateWaiting(to int) error {
	deadline := time.Now().Add(openWait)
	for pause := 5 * time.Millisecond; ; pause = min(2*pause, 200*time.Millisecond) {
		err := s.migrate(to)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(pause)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (extended codes too).
func isBusy(err error) bool {
	var e interface{ Code() int }
	return errors.As(err, &e) && e.Code()&0xff == 5
}

// openAt opens path and migrates it only up to version v (tests make old
// stores with it).
func openAt(path string, v int) (*Store, error) {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.migrateWaiting(v); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// Close closes the store.
func (s *Store) Close() error {
	s.closeStmts()
	return s.db.Close()
}

// SchemaVersion reads the store's schema version.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate runs the migrations the store lacks up to version to, each in a
// transaction with its version bump.
func (s *Store) migrate(to int) error {
	v, err := s.SchemaVersion()
	if err != nil {
		return fmt.Errorf("%s: not a duban store: %w", s.path, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("%s: %w (schema %d; this duban knows up to %d): use the newer duban or another output folder", s.path, ErrNewer, v, len(migrations))
	}
	for v < to {
		// The version is read again under the write lock (BEGIN
		// IMMEDIATE): another process opening the new store at the same
		// moment (a run and the console, two runs) may have migrated it.
		err := s.tx(func(tx *sql.Tx) error {
			var cur int
			if err := tx.QueryRow("PRAGMA user_version").Scan(&cur); err != nil {
				return err
			}
			if cur != v {
				v = cur
				return nil
			}
			if _, err := tx.Exec(migrations[v]); err != nil {
				return err
			}
			if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
				return err
			}
			v++
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: migrating to schema %d: %w", s.path, v+1, err)
		}
		if v > len(migrations) {
			return fmt.Errorf("%s: %w (schema %d; this duban knows up to %d): use the newer duban or another output folder", s.path, ErrNewer, v, len(migrations))
		}
	}
	return nil
}

func (s *Store) tx(f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339Nano) }

// Who is the name recorded with a correction when none is given: $DUBAN_USER,
// else the login name.
func Who() string {
	if v := os.Getenv("DUBAN_USER"); v != "" {
		return v
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "unknown"
}

// Get reads the JSON value stored under key into v; ok is false when
// there is none.
func (s *Store) Get(key string, v any) (ok bool, err error) {
	var b string
	err = s.queryRow("SELECT value FROM kv WHERE key = ?", key).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %s: %w", s.path, key, err)
	}
	return true, json.Unmarshal([]byte(b), v)
}

// Put stores v as JSON under key.
func (s *Store) Put(key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = s.db.Exec("INSERT INTO kv(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, string(b))
	if err != nil {
		return fmt.Errorf("%s: %s: %w", s.path, key, err)
	}
	return nil
}
