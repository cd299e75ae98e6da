package store

import (
	"fmt"
)

// Correction fields.
const (
	FieldText         = "text"
	FieldSection      = "section"
	FieldUnits        = "units"         // JSON of []duban.Unit (name, role)
	FieldDeadlineRaw  = "deadline.raw"  // 完成时限 as written
	FieldDeadlineDate = "deadline.date" // 截止日期, YYYY-MM-DD
	FieldWithdrawn    = "withdrawn"     // "1": the row was deleted
	FieldAdded        = "added"         // JSON of a duban.Task added by a person; Base: the ID of the row it goes behind
)

// Correction is one field of one task changed by a person.
type Correction struct {
	ID     int64
	Slug   string
	Task   string
	Field  string
	Old    string // the value the person changed
	New    string
	Base   string // the extracted value when the correction was made
	By     string
	At     string
	Origin string // the file or command it came from
}

// AddCorrection records a correction. It does nothing (and returns false)
// when the field's current correction already says the same.
func (s *Store) AddCorrection(c Correction) (bool, error) {
	var cur string
	err := s.db.QueryRow(`SELECT new FROM corrections WHERE slug=? AND task=? AND field=? ORDER BY id DESC LIMIT 1`,
		c.Slug, c.Task, c.Field).Scan(&cur)
	if err == nil && cur == c.New {
		return false, nil
	}
	if c.By == "" {
		c.By = Who()
	}
	if c.At == "" {
		c.At = s.stamp()
	}
	_, err = s.db.Exec(`INSERT INTO corrections(slug, task, field, old, new, base, by, at, origin) VALUES(?,?,?,?,?,?,?,?,?)`,
		c.Slug, c.Task, c.Field, c.Old, c.New, c.Base, c.By, c.At, c.Origin)
	if err != nil {
		return false, fmt.Errorf("%s: correction %s %s: %w", s.path, c.Task, c.Field, err)
	}
	return true, nil
}

// Corrections returns the corrections in force for a notice: the latest
// one of each task and field, in the order they were made.
func (s *Store) Corrections(slug string) ([]Correction, error) {
	return s.corrections(`SELECT id, slug, task, field, old, new, base, by, at, origin FROM corrections c
		WHERE slug = ? AND id = (SELECT MAX(id) FROM corrections d WHERE d.slug=c.slug AND d.task=c.task AND d.field=c.field)
		ORDER BY id`, slug)
}

// History returns every correction ever made to a notice, oldest first.
func (s *Store) History(slug string) ([]Correction, error) {
	return s.corrections(`SELECT id, slug, task, field, old, new, base, by, at, origin FROM corrections WHERE slug = ? ORDER BY id`, slug)
}

func (s *Store) corrections(q string, args ...any) ([]Correction, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: corrections: %w", s.path, err)
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		var c Correction
		if err := rows.Scan(&c.ID, &c.Slug, &c.Task, &c.Field, &c.Old, &c.New, &c.Base, &c.By, &c.At, &c.Origin); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
