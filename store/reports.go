package store

import (
	"errors"
	"fmt"

	"github.com/duban/duban"
)

// Report is one unit's progress on one task, from one returned sheet row.
type Report struct {
	Slug, Task string
	duban.Progress
	Sheet string
	Row   int
	By    string
}

// ErrOlderRound is returned by AddReport for a report of an earlier round
// than one the store already holds for the same task and unit.
var ErrOlderRound = errors.New("older round")

// AddReport records a report. A report identical to the latest one for the
// same task and unit is not recorded again (false); one from an earlier
// round is refused with ErrOlderRound. Earlier reports stay as history.
func (s *Store) AddReport(r Report) (bool, error) {
	var round, status, detail, problems, next, done, note string
	err := s.queryRow(`SELECT round, status, detail, problems, next_steps, done_date, note FROM reports
		WHERE slug=? AND task=? AND unit=? ORDER BY round DESC, id DESC LIMIT 1`, r.Slug, r.Task, r.Unit).
		Scan(&round, &status, &detail, &problems, &next, &done, &note)
	if err == nil {
		if r.Round < round {
			return false, fmt.Errorf("%w: the store holds a report of %s, this sheet is of %s", ErrOlderRound, round, r.Round)
		}
		if r.Round == round && string(r.Status) == status && r.Detail == detail && r.Problems == problems &&
			r.NextSteps == next && r.DoneDate == done && r.Note == note {
			return false, nil
		}
	}
	if r.Reported == "" {
		r.Reported = s.stamp()
	}
	_, err = s.exec(`INSERT INTO reports(slug, task, unit, round, status, detail, problems, next_steps, done_date, note, file, sheet, row, by, at)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, r.Slug, r.Task, r.Unit, r.Round, string(r.Status), r.Detail, r.Problems,
		r.NextSteps, r.DoneDate, r.Note, r.File, r.Sheet, r.Row, r.By, r.Reported)
	if err != nil {
		return false, fmt.Errorf("%s: report %s %s: %w", s.path, r.Task, r.Unit, err)
	}
	return true, nil
}

// Reports returns every report on a notice, oldest first (history).
func (s *Store) Reports(slug string) ([]Report, error) {
	rows, err := s.db.Query(`SELECT slug, task, unit, round, status, detail, problems, next_steps, done_date, note, file, sheet, row, by, at
		FROM reports WHERE slug=? ORDER BY round, id`, slug)
	if err != nil {
		return nil, fmt.Errorf("%s: reports: %w", s.path, err)
	}
	defer rows.Close()
	var out []Report
	for rows.Next() {
		var r Report
		var st string
		if err := rows.Scan(&r.Slug, &r.Task, &r.Unit, &r.Round, &st, &r.Detail, &r.Problems, &r.NextSteps, &r.DoneDate,
			&r.Note, &r.File, &r.Sheet, &r.Row, &r.By, &r.Reported); err != nil {
			return nil, err
		}
		r.Status = duban.Status(st)
		out = append(out, r)
	}
	return out, rows.Err()
}

// attachProgress sets each task's Progress to the latest report of each
// unit.
func (s *Store) attachProgress(slug string, n *duban.Notice) error {
	rs, err := s.Reports(slug)
	if err != nil {
		return err
	}
	latest := map[[2]string]duban.Progress{}
	var order [][2]string
	for _, r := range rs {
		k := [2]string{r.Task, r.Unit}
		if _, ok := latest[k]; !ok {
			order = append(order, k)
		}
		latest[k] = r.Progress
	}
	idx := map[string]int{}
	for i := range n.Tasks {
		idx[n.Tasks[i].ID] = i
		n.Tasks[i].Progress = nil
	}
	for _, k := range order {
		if i, ok := idx[k[0]]; ok {
			n.Tasks[i].Progress = append(n.Tasks[i].Progress, latest[k])
		}
	}
	return nil
}
