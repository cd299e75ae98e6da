package store

import (
	"database/sql"
	"fmt"
	"sync"
)

// prepared keeps the statements the console runs on every request
// (generations, sessions, the latest reports, a report and its audit line)
// prepared: parsing their SQL again each time was a tenth of the console's
// CPU under its load test. database/sql prepares a statement once on each
// connection of the pool that runs it.
type prepared struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// stmt returns q prepared.
func (s *Store) stmt(q string) (*sql.Stmt, error) {
	s.prep.mu.Lock()
	defer s.prep.mu.Unlock()
	if st, ok := s.prep.m[q]; ok {
		return st, nil
	}
	st, err := s.db.Prepare(q)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.path, err)
	}
	if s.prep.m == nil {
		s.prep.m = map[string]*sql.Stmt{}
	}
	s.prep.m[q] = st
	return st, nil
}

// query runs q prepared.
func (s *Store) query(q string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Query(args...)
}

// queryRow runs q prepared; a failure to prepare comes back from Scan.
func (s *Store) queryRow(q string, args ...any) rowScanner {
	st, err := s.stmt(q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRow(args...)
}

// exec runs q prepared.
func (s *Store) exec(q string, args ...any) (sql.Result, error) {
	st, err := s.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

func (s *Store) closeStmts() {
	s.prep.mu.Lock()
	defer s.prep.mu.Unlock()
	for _, st := range s.prep.m {
		st.Close()
	}
	s.prep.m = nil
}

type rowScanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

func (e errRow) Scan(...any) error { return e.err }
