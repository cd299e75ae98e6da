package server

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/store"
)

// The snapshot the pages read, kept up to date report by report, holds
// what the store gives read afresh, whoever wrote the reports: the console,
// or another process (`duban import`) through its own connection, rounds
// out of order included. A unit sees its own report on its next page.
func TestSnapshotFollowsEveryWriter(t *testing.T) {
	e := newEnv(t, true)
	other, err := store.Open(e.out) // the command line, beside the console
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	edu := e.login("edu")
	n, _, err := e.st.Notice(sampleSlug, reparse)
	if err != nil {
		t.Fatal(err)
	}
	var eduTasks []string
	var pairs [][2]string // task, unit
	for _, tk := range n.Tasks {
		for _, u := range tk.Units {
			pairs = append(pairs, [2]string{tk.ID, u.Name})
			if u.Name == "市教育局" {
				eduTasks = append(eduTasks, tk.ID)
			}
		}
	}
	if len(eduTasks) < 2 {
		t.Fatalf("市教育局 has %d tasks", len(eduTasks))
	}
	check := func(step string) {
		t.Helper()
		sn, err := e.srv.current()
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := e.st.CurrentNotice(sampleSlug, reparse)
		if err != nil {
			t.Fatal(err)
		}
		got := sn.ns[0]
		for i := range want.Tasks {
			if !reflect.DeepEqual(got.Tasks[i].Progress, want.Tasks[i].Progress) {
				t.Fatalf("%s: task %s: snapshot %+v, store %+v", step, want.Tasks[i].ID, got.Tasks[i].Progress, want.Tasks[i].Progress)
			}
		}
	}
	check("start")
	for i := range 30 {
		p := pairs[i*7%len(pairs)]
		round := "2024Q4"
		if i%5 == 4 {
			round = "2024Q3" // an earlier round: kept as history, not as the latest
		}
		if i%6 == 5 {
			round = "2025Q1"
		}
		_, err := other.AddReport(store.Report{Slug: sampleSlug, Task: p[0], Progress: duban.Progress{Unit: p[1], Status: duban.StatusOnTrack,
			Detail: fmt.Sprintf("导入 %d", i), Round: round, File: "import.xlsx"}})
		if err != nil && !strings.Contains(err.Error(), "older round") {
			t.Fatal(err)
		}
		check(fmt.Sprintf("import %d", i))
		detail := fmt.Sprintf("控制台 %d", i)
		task := eduTasks[i%2]
		res, body := edu.post("/units/"+esc("市教育局")+"/report", url.Values{"notice": {sampleSlug}, "task": {task}, "status": {"滞后"}, "detail": {detail}}, true)
		if res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusConflict {
			t.Fatalf("report: %d %s", res.StatusCode, body)
		}
		check(fmt.Sprintf("console %d", i))
		if res.StatusCode == http.StatusSeeOther {
			if _, page := edu.get("/units/" + esc("市教育局")); !strings.Contains(page, detail) {
				t.Fatalf("report %d not on the unit's next page", i)
			}
		}
	}
}
