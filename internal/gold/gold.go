// Package gold compares extracted records with the gold records of the
// sample notices, field by field, for the tests of the parser and of each
// reader.
package gold

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/duban/duban"
)

// Diff lists the differences between the gold and the extracted
// records in the fields the gold sets.
func Diff(want, got *duban.Notice) []string {
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

// Read reads gold records from a JSON file.
func Read(path string) (*duban.Notice, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var n duban.Notice
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &n, nil
}

// Check reports every difference between the gold records in the file
// gold and got as an error of t.
func Check(t testing.TB, got *duban.Notice, gold string) {
	t.Helper()
	want, err := Read(gold)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Diff(want, got) {
		t.Error(d)
	}
	if len(got.Tasks) != len(want.Tasks) {
		t.Errorf("%d tasks, want %d", len(got.Tasks), len(want.Tasks))
	}
}
