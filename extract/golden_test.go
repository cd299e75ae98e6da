package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
)

// goldenCases pairs each sample notice with its gold records.
func goldenCases(t testing.TB) [][2]string {
	cases := [][2]string{
		{"../seeds/lianyungang-2024-22.txt", "../testdata/lianyungang-2024-22.gold.json"},
		{"../testdata/lianyungang-2024-22.docx", "../testdata/lianyungang-2024-22.gold.json"},
	}
	styles, err := filepath.Glob("../testdata/styles/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range styles {
		ext := strings.ToLower(filepath.Ext(f))
		if ext != ".txt" && ext != ".docx" {
			continue
		}
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		base = strings.TrimSuffix(base, ".gb18030")
		cases = append(cases, [2]string{f, filepath.Join(filepath.Dir(f), base+".gold.json")})
	}
	return cases
}

// TestGolden checks every field the gold records have, for every TXT and
// DOCX sample.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(filepath.Base(c[0]), func(t *testing.T) {
			got := checkGold(t, c[0], c[1])
			for _, task := range got.Tasks {
				if task.Source.Line <= 0 {
					t.Errorf("task %s: no source line", task.ID)
				}
			}
			if got.Source.SHA256 == "" || got.Source.Path != c[0] {
				t.Errorf("source = %+v", got.Source)
			}
		})
	}
}

// checkGold extracts a notice, reports every difference from its gold
// records as a test error and returns the extracted records.
func checkGold(t *testing.T, notice, gold string) *duban.Notice {
	t.Helper()
	got, err := File(notice, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(gold)
	if err != nil {
		t.Fatal(err)
	}
	var want duban.Notice
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %v", gold, err)
	}
	for _, d := range diffNotice(&want, got) {
		t.Error(d)
	}
	if len(got.Tasks) != len(want.Tasks) {
		t.Errorf("%d tasks, want %d", len(got.Tasks), len(want.Tasks))
	}
	return got
}

// diffNotice lists the differences between the gold and the extracted
// records in the fields the gold sets.
func diffNotice(want, got *duban.Notice) []string {
	var ds []string
	cmp := func(what string, w, g any) {
		if !reflect.DeepEqual(w, g) {
			wj, _ := json.Marshal(w)
			gj, _ := json.Marshal(g)
			ds = append(ds, fmt.Sprintf("%s:\n  want %s\n  got  %s", what, wj, gj))
		}
	}
	cmp("doc_number", want.DocNumber, got.DocNumber)
	cmp("issuer", want.Issuer, got.Issuer)
	cmp("issue_date", want.IssueDate, got.IssueDate)
	cmp("title", want.Title, got.Title)
	cmp("plan_title", want.PlanTitle, got.PlanTitle)
	cmp("year", want.Year, got.Year)
	gotByID := map[string]duban.Task{}
	var gotIDs, wantIDs []string
	for _, t := range got.Tasks {
		gotByID[t.ID] = t
		gotIDs = append(gotIDs, t.ID)
	}
	for _, t := range want.Tasks {
		wantIDs = append(wantIDs, t.ID)
	}
	cmp("task ids", wantIDs, gotIDs)
	for _, w := range want.Tasks {
		g, ok := gotByID[w.ID]
		if !ok {
			continue
		}
		p := "task " + w.ID + " "
		cmp(p+"path", w.Path, g.Path)
		cmp(p+"section", w.Section, g.Section)
		cmp(p+"subsection", w.Subsection, g.Subsection)
		cmp(p+"text", w.Text, g.Text)
		cmp(p+"units", w.Units, g.Units)
		cmp(p+"units_open", w.UnitsOpen, g.UnitsOpen)
		cmp(p+"deadline", w.Deadline, g.Deadline)
	}
	return ds
}
