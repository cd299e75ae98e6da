// Package score measures extracted records against expected ones: task,
// unit, role and deadline F1 over one notice or a corpus, the way the
// project judges the extractor on real notices.
//
// Tasks are paired first by id (the outline path), then, among the tasks
// left, by text (whitespace removed). A paired task counts for task F1
// only when its text agrees too; units, roles and deadlines are compared
// within pairs, so a task found with the wrong number still earns its
// units. An unpaired expected task misses all its units and its deadline;
// an unpaired extracted task brings false ones.
package score

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/duban/duban"
)

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Add adds o to c.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// F1 is the harmonic mean of precision and recall; 1 when there was
// nothing to find and nothing was found.
func (c Counts) F1() float64 {
	if c.TP+c.FP+c.FN == 0 {
		return 1
	}
	return 2 * float64(c.TP) / float64(2*c.TP+c.FP+c.FN)
}

// Exact reports whether nothing was missed or added.
func (c Counts) Exact() bool { return c.FP == 0 && c.FN == 0 }

// Result is the score of one notice or the sum over several.
type Result struct {
	Tasks     Counts // task found with its text
	Units     Counts // (task, unit name)
	Roles     Counts // (task, unit name, role)
	Deadlines Counts // (task, date, kind) of tasks with a deadline
	Leaders   Counts // (task, leader)
	// DeadlineRight of DeadlineDue: expected tasks with a deadline whose
	// extracted deadline has the same date and kind.
	DeadlineRight, DeadlineDue int
}

// Add adds o to r.
func (r *Result) Add(o Result) {
	r.Tasks.Add(o.Tasks)
	r.Units.Add(o.Units)
	r.Roles.Add(o.Roles)
	r.Deadlines.Add(o.Deadlines)
	r.Leaders.Add(o.Leaders)
	r.DeadlineRight += o.DeadlineRight
	r.DeadlineDue += o.DeadlineDue
}

// Exact reports whether every measure is exact.
func (r Result) Exact() bool {
	return r.Tasks.Exact() && r.Units.Exact() && r.Roles.Exact() && r.Deadlines.Exact() && r.Leaders.Exact()
}

// DeadlineAccuracy is DeadlineRight / DeadlineDue (1 with none due).
func (r Result) DeadlineAccuracy() float64 {
	if r.DeadlineDue == 0 {
		return 1
	}
	return float64(r.DeadlineRight) / float64(r.DeadlineDue)
}

// String gives the four F1 values and the deadline accuracy on one line.
func (r Result) String() string {
	return fmt.Sprintf("task %.3f  unit %.3f  role %.3f  deadline %.3f (acc %d/%d)  leader %.3f",
		r.Tasks.F1(), r.Units.F1(), r.Roles.F1(), r.Deadlines.F1(), r.DeadlineRight, r.DeadlineDue, r.Leaders.F1())
}

// Compare scores the extracted tasks got against the expected tasks want.
func Compare(want, got []duban.Task) Result {
	pair := pairTasks(want, got)
	var r Result
	gotPaired := make([]bool, len(got))
	for wi := range want {
		w := &want[wi]
		gi := pair[wi]
		var g *duban.Task
		if gi >= 0 {
			g = &got[gi]
			gotPaired[gi] = true
		}
		if g != nil && squash(g.Text) == squash(w.Text) {
			r.Tasks.TP++
		} else {
			r.Tasks.FN++
			if g != nil {
				r.Tasks.FP++
			}
		}
		r.Units.Add(compareSets(unitKeys(w, false), unitKeys(g, false)))
		r.Roles.Add(compareSets(unitKeys(w, true), unitKeys(g, true)))
		r.Deadlines.Add(compareSets(deadlineKeys(w), deadlineKeys(g)))
		r.Leaders.Add(compareSets(leaderKeys(w), leaderKeys(g)))
		if dw := deadlineKeys(w); len(dw) > 0 {
			r.DeadlineDue++
			if dg := deadlineKeys(g); len(dg) > 0 && dg[0] == dw[0] {
				r.DeadlineRight++
			}
		}
	}
	for gi := range got {
		if gotPaired[gi] {
			continue
		}
		g := &got[gi]
		r.Tasks.FP++
		r.Units.FP += len(unitKeys(g, false))
		r.Roles.FP += len(unitKeys(g, true))
		r.Deadlines.FP += len(deadlineKeys(g))
		r.Leaders.FP += len(leaderKeys(g))
	}
	return r
}

// pairTasks gives, for each expected task, the index of its extracted
// partner or -1.
func pairTasks(want, got []duban.Task) []int {
	pair := make([]int, len(want))
	used := make([]bool, len(got))
	byID := map[string]int{}
	for i := range got {
		if _, dup := byID[got[i].ID]; !dup {
			byID[got[i].ID] = i
		}
	}
	for wi := range want {
		pair[wi] = -1
		if gi, ok := byID[want[wi].ID]; ok && !used[gi] {
			pair[wi], used[gi] = gi, true
		}
	}
	byText := map[string][]int{}
	for gi := range got {
		if !used[gi] {
			k := squash(got[gi].Text)
			byText[k] = append(byText[k], gi)
		}
	}
	for wi := range want {
		if pair[wi] >= 0 {
			continue
		}
		k := squash(want[wi].Text)
		if c := byText[k]; len(c) > 0 {
			pair[wi], used[c[0]] = c[0], true
			byText[k] = c[1:]
		}
	}
	return pair
}

// compareSets counts the keys of want found in got and the others.
func compareSets(want, got []string) Counts {
	var c Counts
	left := map[string]int{}
	for _, k := range got {
		left[k]++
	}
	for _, k := range want {
		if left[k] > 0 {
			c.TP++
			left[k]--
		} else {
			c.FN++
		}
	}
	for _, n := range left {
		c.FP += n
	}
	return c
}

func unitKeys(t *duban.Task, role bool) []string {
	if t == nil {
		return nil
	}
	keys := make([]string, 0, len(t.Units))
	for _, u := range t.Units {
		k := squash(u.Name)
		if role {
			k += "\x00" + string(u.Role)
		}
		keys = append(keys, k)
	}
	return keys
}

func deadlineKeys(t *duban.Task) []string {
	if t == nil || t.Deadline == nil {
		return nil
	}
	return []string{string(t.Deadline.Date) + "\x00" + string(t.Deadline.Kind)}
}

func leaderKeys(t *duban.Task) []string {
	if t == nil || t.Leader == "" {
		return nil
	}
	return []string{squash(t.Leader)}
}

// squash removes white space, so that texts compare as written.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
