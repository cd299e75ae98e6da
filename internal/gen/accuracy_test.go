package gen

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/templates"
)

// prf counts what was found against what was expected.
type prf struct{ tp, got, want int }

func (c prf) precision() float64 { return ratio(c.tp, c.got) }
func (c prf) recall() float64    { return ratio(c.tp, c.want) }
func (c prf) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

var (
	accuracyN    = flag.Int("accuracy.n", 80, "notices TestExtractorAccuracy generates")
	accuracySeed = flag.Int64("accuracy.seed", 11, "series TestExtractorAccuracy generates")
)

// formatScore is one format's counts for tasks, units and deadlines.
type formatScore struct{ tasks, units, deadlines prf }

// TestExtractorAccuracy extracts generated notices (80 of series 11;
// -args -accuracy.n=200 -accuracy.seed=12 for others) (a series other
// than TestExtractorReadsGeneratedNotices's) in every format and scores
// tasks, units and deadlines by precision, recall and F1, failing any
// below 0.95. A task is found when a record's text holds the task's text
// (records found in document order); its units count by name, its
// deadline when the raw text is the one written (a task written without a
// deadline may take one from its text, which is not counted against it).
func TestExtractorAccuracy(t *testing.T) {
	n := *accuracyN
	if testing.Short() {
		n = 20
	}
	c := sampleCorpus(t)
	scores := map[string]*formatScore{}
	misses := 0
	for _, f := range Formats {
		scores[f] = &formatScore{}
	}
	for i := range n {
		nt := c.New(*accuracySeed, i)
		var want []Task
		for _, s := range nt.Sections {
			for _, sub := range s.Subs {
				want = append(want, sub.Tasks...)
			}
		}
		for _, f := range Formats {
			b, err := Encode(nt, f, templates.Font())
			if err != nil {
				t.Fatal(err)
			}
			sc := scores[f]
			rec, err := extract.Bytes(fmt.Sprintf("a%d.%s", i, f), b, extract.Options{})
			if err != nil {
				t.Logf("a%d.%s: %v", i, f, err)
				rec = nil
			}
			for _, m := range scoreNotice(sc, rec, want) {
				if misses < 10 {
					t.Logf("a%d.%s (style %d, depth %d): %s", i, f, nt.Style, nt.Depth, m)
				}
				misses++
			}
		}
	}
	for _, f := range Formats {
		sc := scores[f]
		for _, m := range []struct {
			name string
			c    prf
		}{{"tasks", sc.tasks}, {"units", sc.units}, {"deadlines", sc.deadlines}} {
			t.Logf("%-4s %-9s P %.4f R %.4f F1 %.4f (%d found, %d right, %d expected)",
				f, m.name, m.c.precision(), m.c.recall(), m.c.f1(), m.c.got, m.c.tp, m.c.want)
			if m.c.f1() < 0.95 {
				t.Errorf("%s %s: F1 %.4f below 0.95", f, m.name, m.c.f1())
			}
		}
	}
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// scoreNotice adds a notice's counts to sc and says what it missed.
func scoreNotice(sc *formatScore, rec *duban.Notice, want []Task) (missed []string) {
	for _, w := range want {
		sc.tasks.want++
		sc.units.want += len(w.Lead) + len(w.Units)
		if w.Deadline != "" {
			sc.deadlines.want++
		}
	}
	if rec == nil {
		return []string{"no records"}
	}
	next := 0
	for _, tk := range rec.Tasks {
		sc.tasks.got++
		sc.units.got += len(tk.Units)
		text := noSpace(tk.Text)
		match := -1
		for k := next; k < len(want); k++ {
			if strings.Contains(text, noSpace(want[k].Text)) {
				match = k
				break
			}
		}
		raw := ""
		if tk.Deadline != nil {
			raw = noSpace(tk.Deadline.Raw)
		}
		if match < 0 {
			if raw != "" {
				sc.deadlines.got++
			}
			missed = append(missed, fmt.Sprintf("task %s %q matches no task", tk.ID, tk.Text))
			continue
		}
		for k := next; k < match; k++ {
			missed = append(missed, fmt.Sprintf("task %q not found", want[k].Text))
		}
		next = match + 1
		w := want[match]
		sc.tasks.tp++
		names := map[string]int{}
		for _, u := range append(append([]string(nil), w.Lead...), w.Units...) {
			names[u]++
		}
		for _, u := range tk.Units {
			if names[u.Name] > 0 {
				names[u.Name]--
				sc.units.tp++
			} else {
				missed = append(missed, fmt.Sprintf("task %s: unit %q not written", tk.ID, u.Name))
			}
		}
		for u, left := range names {
			if left > 0 {
				missed = append(missed, fmt.Sprintf("task %s: unit %q lost", tk.ID, u))
			}
		}
		if wd := noSpace(w.Deadline); wd != "" {
			if raw != "" {
				sc.deadlines.got++
				if raw == wd || strings.HasSuffix(wd, raw) {
					sc.deadlines.tp++
					continue
				}
			}
			missed = append(missed, fmt.Sprintf("task %s: deadline %q, want %q", tk.ID, raw, wd))
		}
	}
	for k := next; k < len(want); k++ {
		missed = append(missed, fmt.Sprintf("task %q not found", want[k].Text))
	}
	return missed
}
