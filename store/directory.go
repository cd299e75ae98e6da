package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// DirectoryVersion is one version of the unit directory (aliases and
// groups, as YAML) edited in the console.
type DirectoryVersion struct {
	YAML string
	Hash string // SHA-256 of YAML
	At   string
}

// SetDirectory stores a new version of the unit directory; the latest is
// the one in force. It does nothing (false) when the YAML is unchanged.
func (s *Store) SetDirectory(yaml string) (bool, error) {
	sum := sha256.Sum256([]byte(yaml))
	h := hex.EncodeToString(sum[:])
	cur, err := s.Directory()
	if err != nil {
		return false, err
	}
	if cur != nil && cur.Hash == h {
		return false, nil
	}
	if _, err := s.db.Exec(`INSERT INTO directory(hash, yaml, at) VALUES(?,?,?)`, h, yaml, s.stamp()); err != nil {
		return false, fmt.Errorf("%s: unit directory: %w", s.path, err)
	}
	return true, nil
}

// Directory returns the unit directory in force, nil when none was stored.
func (s *Store) Directory() (*DirectoryVersion, error) {
	var d DirectoryVersion
	err := s.db.QueryRow(`SELECT yaml, hash, at FROM directory ORDER BY id DESC LIMIT 1`).Scan(&d.YAML, &d.Hash, &d.At)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: unit directory: %w", s.path, err)
	}
	return &d, nil
}
