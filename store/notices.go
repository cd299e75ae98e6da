package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/duban/duban"
)

// PutExtracted records a notice as extraction gave it (replacing the
// previous extraction of the same slug; corrections and reports stay).
func (s *Store) PutExtracted(slug string, keys []string, n *duban.Notice) error {
	b, err := json.Marshal(n)
	if err != nil {
		return err
	}
	k, _ := json.Marshal(keys)
	_, err = s.db.Exec(`INSERT INTO notices(slug, keys, sha256, source, extracted, updated_at) VALUES(?,?,?,?,?,?)
		ON CONFLICT(slug) DO UPDATE SET keys=excluded.keys, sha256=excluded.sha256, source=excluded.source,
		extracted=excluded.extracted, updated_at=excluded.updated_at, withdrawn=0`,
		slug, string(k), n.Source.SHA256, n.Source.Path, string(b), s.stamp())
	if err != nil {
		return fmt.Errorf("%s: notice %s: %w", s.path, slug, err)
	}
	return nil
}

// Extracted returns a notice as last extracted, nil when the store does
// not hold it.
func (s *Store) Extracted(slug string) (*duban.Notice, error) {
	var b string
	err := s.db.QueryRow("SELECT extracted FROM notices WHERE slug = ?", slug).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: notice %s: %w", s.path, slug, err)
	}
	var n duban.Notice
	if err := json.Unmarshal([]byte(b), &n); err != nil {
		return nil, fmt.Errorf("%s: notice %s: %w", s.path, slug, err)
	}
	return &n, nil
}

// Slugs lists the notices in the store, in slug order.
func (s *Store) Slugs() ([]string, error) {
	rows, err := s.db.Query("SELECT slug FROM notices WHERE withdrawn = 0 ORDER BY slug")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Notice is a notice as the office knows it: the extraction with every
// correction applied and each unit's latest report attached. Conflicts are
// the corrections whose extracted value changed since they were made.
func (s *Store) Notice(slug string, reparse Reparse) (*duban.Notice, []Conflict, error) {
	n, err := s.Extracted(slug)
	if err != nil || n == nil {
		return n, nil, err
	}
	cs, err := s.Corrections(slug)
	if err != nil {
		return nil, nil, err
	}
	conf := Apply(n, cs, reparse)
	if err := s.attachProgress(slug, n); err != nil {
		return nil, nil, err
	}
	return n, conf, nil
}

// Has reports whether the store holds a notice under slug.
func (s *Store) Has(slug string) (bool, error) {
	var n int
	err := s.db.QueryRow("SELECT COUNT(*) FROM notices WHERE slug = ?", slug).Scan(&n)
	return n > 0, err
}
