package gold

import (
	"fmt"

	"github.com/duban/duban"
)

// Scores measure records against gold records where they cannot be
// expected to match exactly (text recognised from a scan).
type Scores struct {
	TaskP, TaskR, TaskF1 float64 // tasks found, by id
	UnitP, UnitR, UnitF1 float64 // (task id, unit name, role) triples
	Deadline             float64 // gold tasks whose deadline date and kind came out right
	TextSim              float64 // mean character similarity of the texts of tasks found
}

func (s Scores) String() string {
	return fmt.Sprintf("task F1 %.3f (P %.3f R %.3f), unit F1 %.3f (P %.3f R %.3f), deadline accuracy %.3f, text similarity %.3f",
		s.TaskF1, s.TaskP, s.TaskR, s.UnitF1, s.UnitP, s.UnitR, s.Deadline, s.TextSim)
}

// Score compares got with want.
func Score(want, got *duban.Notice) Scores {
	var s Scores
	gotByID := map[string]duban.Task{}
	for _, t := range got.Tasks {
		gotByID[t.ID] = t
	}
	type unit struct{ id, name, role string }
	wantUnits, gotUnits := map[unit]bool{}, map[unit]bool{}
	for _, t := range got.Tasks {
		for _, u := range t.Units {
			gotUnits[unit{t.ID, u.Name, string(u.Role)}] = true
		}
	}
	found, deadlines := 0, 0
	var sim float64
	for _, w := range want.Tasks {
		for _, u := range w.Units {
			wantUnits[unit{w.ID, u.Name, string(u.Role)}] = true
		}
		g, ok := gotByID[w.ID]
		if !ok {
			continue
		}
		found++
		sim += similarity(w.Text, g.Text)
		if sameDeadline(w.Deadline, g.Deadline) {
			deadlines++
		}
	}
	s.TaskP, s.TaskR, s.TaskF1 = prf(found, len(got.Tasks), len(want.Tasks))
	both := 0
	for u := range wantUnits {
		if gotUnits[u] {
			both++
		}
	}
	s.UnitP, s.UnitR, s.UnitF1 = prf(both, len(gotUnits), len(wantUnits))
	if len(want.Tasks) > 0 {
		s.Deadline = float64(deadlines) / float64(len(want.Tasks))
	}
	if found > 0 {
		s.TextSim = sim / float64(found)
	}
	return s
}

func sameDeadline(w, g *duban.Deadline) bool {
	if w == nil || g == nil {
		return w == nil && g == nil
	}
	return w.Date == g.Date && w.Kind == g.Kind
}

func prf(tp, got, want int) (p, r, f float64) {
	if got > 0 {
		p = float64(tp) / float64(got)
	}
	if want > 0 {
		r = float64(tp) / float64(want)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// similarity is 1 − edit distance / longer length, over characters.
func similarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if n == 0 {
		return 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(rb)])/float64(n)
}
