package gen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/templates"
)

// TestExtractorReadsGeneratedNotices checks the generator against the
// extractor: every generated notice, in every format, gives back its 文号,
// issue date and tasks with their units and deadlines.
func TestExtractorReadsGeneratedNotices(t *testing.T) {
	c := sampleCorpus(t)
	checked := 0
	for i := range 45 {
		n := c.New(9, i)
		for _, f := range Formats {
			b, err := Encode(n, f, templates.Font())
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("n%d.%s", i, f)
			rec, err := extract.Bytes(name, b, extract.Options{})
			if err != nil {
				t.Errorf("%s (style %d): %v", name, n.Style, err)
				continue
			}
			checked++
			if rec.DocNumber != n.DocNumber || string(rec.IssueDate) != n.IssueDate {
				t.Errorf("%s: header %s %s, want %s %s", name, rec.DocNumber, rec.IssueDate, n.DocNumber, n.IssueDate)
			}
			var want []Task
			for _, s := range n.Sections {
				for _, sub := range s.Subs {
					want = append(want, sub.Tasks...)
				}
			}
			if len(rec.Tasks) != len(want) {
				t.Errorf("%s (style %d, depth %d): %d tasks, want %d", name, n.Style, n.Depth, len(rec.Tasks), len(want))
				continue
			}
			for k, tk := range rec.Tasks {
				var got []string
				for _, u := range tk.Units {
					got = append(got, u.Name)
				}
				units := append(append([]string(nil), want[k].Lead...), want[k].Units...)
				if strings.Join(got, "、") != strings.Join(units, "、") {
					t.Errorf("%s task %s: units %q, want %q", name, tk.ID, got, units)
				}
				raw := ""
				if tk.Deadline != nil {
					raw = tk.Deadline.Raw
				}
				// A task written without a deadline may take one from its text.
				if w := strings.ReplaceAll(want[k].Deadline, " ", ""); w != "" && raw != w && !strings.HasSuffix(w, raw) {
					t.Errorf("%s task %s: deadline %q, want %q", name, tk.ID, raw, w)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d notices checked", checked)
	}
}
