package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/store"
	"github.com/xuri/excelize/v2"
)

func readNoticeJSON(t *testing.T, p string) *duban.Notice {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var n duban.Notice
	if err := json.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	return &n
}

func taskByID(n *duban.Notice, id string) *duban.Task {
	for i := range n.Tasks {
		if n.Tasks[i].ID == id {
			return &n.Tasks[i]
		}
	}
	return nil
}

// A correction made in JSON and a row deleted in the ledger survive
// `run --force`; the state lives in the store, not in a file.
func TestCorrectionsSurviveForce(t *testing.T) {
	out := t.TempDir()
	seed := "../../seeds/lianyungang-2024-22.txt"
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "-o", out, seed); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(out, store.FileName)); err != nil {
		t.Fatalf("no store: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, ".duban-state.json")); err == nil {
		t.Error("state still kept in .duban-state.json")
	}
	dirs, _ := filepath.Glob(filepath.Join(out, "notices", "*"))
	if len(dirs) != 1 {
		t.Fatalf("notice folders: %q", dirs)
	}
	nj := filepath.Join(dirs[0], "notice.json")
	n := readNoticeJSON(t, nj)
	total := len(n.Tasks)
	first, second := n.Tasks[0].ID, n.Tasks[1].ID
	taskByID(n, first).Text = "改过的任务内容"
	taskByID(n, second).Deadline.Raw = "11月底前"
	edited := filepath.Join(t.TempDir(), "edited.json")
	b, _ := json.Marshal(n)
	os.WriteFile(edited, b, 0o644)
	if code, _, errs := cli(t, "render", "-q", "--formats", "xlsx", "--by", "王科员", "-o", out, edited); code != 0 {
		t.Fatalf("render: %s", errs)
	}

	// Delete the last task's row in the ledger workbook and render it.
	ledger := filepath.Join(dirs[0], "任务分解表.xlsx")
	f, err := excelize.OpenFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	last := n.Tasks[len(n.Tasks)-1]
	sheet := f.GetSheetName(0)
	rows, _ := f.GetRows(sheet)
	deleted := false
	for i, r := range rows {
		if strings.Contains(strings.Join(r, "|"), last.Text[:min(len(last.Text), 30)]) {
			f.RemoveRow(sheet, i+1)
			deleted = true
			break
		}
	}
	if !deleted {
		t.Fatalf("row of %s not found in the ledger", last.ID)
	}
	edLedger := filepath.Join(t.TempDir(), "任务分解表.xlsx")
	if err := f.SaveAs(edLedger); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if code, _, errs := cli(t, "render", "-q", "--formats", "xlsx", "-o", out, edLedger); code != 0 {
		t.Fatalf("render ledger: %s", errs)
	}

	check := func(when string) {
		t.Helper()
		got := readNoticeJSON(t, nj)
		if len(got.Tasks) != total-1 || taskByID(got, last.ID) != nil {
			t.Errorf("%s: %d tasks, want %d with %s withdrawn", when, len(got.Tasks), total-1, last.ID)
		}
		if a := taskByID(got, first); a == nil || a.Text != "改过的任务内容" {
			t.Errorf("%s: text correction lost: %+v", when, a)
		}
		if d := taskByID(got, second).Deadline; d.Raw != "11月底前" || d.Date != "2024-11-30" || d.Quarter != "2024Q4" {
			t.Errorf("%s: 完成时限 correction did not redate: %+v", when, d)
		}
	}
	check("after render")
	if code, _, errs := cli(t, "run", "-q", "--force", "--formats", "xlsx", "-o", out, seed); code != 0 {
		t.Fatalf("run --force: %s", errs)
	}
	check("after run --force")

	s, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, _ := s.History(filepath.Base(dirs[0]))
	if len(h) != 3 {
		t.Fatalf("history: %+v", h)
	}
	if h[0].By != "王科员" || h[0].Origin != edited || h[2].Field != store.FieldWithdrawn || h[2].Origin != edLedger {
		t.Errorf("history: %+v", h)
	}
}
