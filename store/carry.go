package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"

	"github.com/duban/duban"
)

// CarryReports copies the latest report of each unit on task from onto
// task to of the same notice, as new report rows; the originals stay where
// they were made, in history. The console uses it when a task is merged
// into another (the merged-away task's progress goes with its text) and
// when a task is split (the part split off starts from the progress on the
// whole).
//
// Only the units keep accepts are carried (nil: every unit). A unit whose
// latest report on to is the more recent one — a later round, or the same
// round written later — keeps it. The copy is by by, its file says origin
// (合并自 一.5); round, texts and the time the unit reported are the
// original's. It returns the reports written, in the order written.
func (s *Store) CarryReports(slug, from, to string, keep func(unit string) bool, by, origin string) ([]Report, error) {
	var out []Report
	err := s.tx(func(tx *sql.Tx) error {
		out = nil
		src, err := latestOf(tx, slug, from)
		if err != nil {
			return err
		}
		cur, err := latestOf(tx, slug, to)
		if err != nil {
			return err
		}
		dst := map[string]idReport{}
		for _, d := range cur {
			dst[d.Unit] = d
		}
		for _, r := range src {
			if keep != nil && !keep(r.Unit) {
				continue
			}
			if d, ok := dst[r.Unit]; ok && (d.Round > r.Round || d.Round == r.Round && d.id > r.id) {
				continue
			}
			c := r.Report
			c.Task, c.By, c.File = to, by, origin
			if _, err := tx.Exec(`INSERT INTO reports(slug, task, unit, round, status, detail, problems, next_steps, done_date, note, file, sheet, row, by, at)
				VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, c.Slug, c.Task, c.Unit, c.Round, string(c.Status), c.Detail, c.Problems,
				c.NextSteps, c.DoneDate, c.Note, c.File, c.Sheet, c.Row, c.By, c.Reported); err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: carrying the reports of %s to %s: %w", s.path, from, to, err)
	}
	return out, nil
}

// idReport is a report with its row id.
type idReport struct {
	Report
	id int64
}

// latestOf returns the latest report (latest round, then latest written)
// of each unit on a task, in the order written.
func latestOf(tx *sql.Tx, slug, task string) ([]idReport, error) {
	rows, err := tx.Query(`SELECT id, slug, task, unit, round, status, detail, problems, next_steps, done_date, note, file, sheet, row, by, at
		FROM reports WHERE slug=? AND task=? ORDER BY round, id`, slug, task)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	latest := map[string]idReport{}
	for rows.Next() {
		var r idReport
		var st string
		if err := rows.Scan(&r.id, &r.Slug, &r.Task, &r.Unit, &r.Round, &st, &r.Detail, &r.Problems, &r.NextSteps, &r.DoneDate,
			&r.Note, &r.File, &r.Sheet, &r.Row, &r.By, &r.Reported); err != nil {
			return nil, err
		}
		r.Progress.Status = duban.Status(st)
		latest[r.Unit] = r // ordered by round and id: the last is the latest
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]idReport, 0, len(latest))
	for _, r := range latest {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b idReport) int { return cmp.Compare(a.id, b.id) })
	return out, nil
}
