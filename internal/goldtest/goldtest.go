// Package goldtest compares extracted records with gold records for the
// tests of reader packages (which cannot reach the parser's own test
// helpers): every field the gold sets, task by task.
package goldtest

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"

	"github.com/duban/duban"
)

// Load reads gold records.
func Load(path string) (*duban.Notice, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var n duban.Notice
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &n, nil
}

// Diff lists the differences between gold and extracted records in the
// fields the gold sets: the header fields, the task ids in order, and each
// task's path, section, subsection, text, units and deadline.
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
