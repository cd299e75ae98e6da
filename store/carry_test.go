package store

import (
	"strings"
	"testing"

	"github.com/duban/duban"
)

// CarryReports copies each unit's latest report on one task onto another
// as new rows, unless the unit's report there is the more recent; the
// originals stay, and a unit keep refuses is not carried.
func TestCarryReports(t *testing.T) {
	s := open(t)
	add := func(task, unit, round, detail string) {
		t.Helper()
		if _, err := s.AddReport(Report{Slug: "x", Task: task, By: unit, Sheet: "s", Row: 7,
			Progress: duban.Progress{Unit: unit, File: "f.xlsx", Status: duban.StatusOnTrack, Round: round, Detail: detail, Reported: "2024-10-0" + round[5:] + "T00:00:00Z"}}); err != nil {
			t.Fatal(err)
		}
	}
	add("一.5", "甲", "2024Q3", "甲 on 一.5, Q3")
	add("一.5", "甲", "2024Q4", "甲 on 一.5, Q4") // the latest of 甲 on 一.5
	add("一.5", "乙", "2024Q3", "乙 on 一.5")
	add("一.4", "乙", "2024Q4", "乙 on 一.4, later round") // 乙 keeps this
	add("一.4", "丙", "2024Q3", "丙 on 一.4")
	add("一.5", "丙", "2024Q3", "丙 on 一.5, written later") // carried over 丙's own
	add("一.5", "丁", "2024Q3", "丁 on 一.5")

	got, err := s.CarryReports("x", "一.5", "一.4", func(u string) bool { return u != "丁" }, "office", "合并自 一.5")
	if err != nil {
		t.Fatal(err)
	}
	var carried []string
	for _, r := range got {
		carried = append(carried, r.Unit+":"+r.Detail)
		if r.Task != "一.4" || r.By != "office" || r.File != "合并自 一.5" || r.Sheet != "s" || r.Row != 7 || r.Reported == "" {
			t.Errorf("carried row %+v", r)
		}
	}
	if want := "甲:甲 on 一.5, Q4 丙:丙 on 一.5, written later"; strings.Join(carried, " ") != want {
		t.Errorf("carried %q, want %q", strings.Join(carried, " "), want)
	}
	latest, _ := s.LatestReports("x")
	on := map[string]string{}
	for _, r := range latest {
		on[r.Task+" "+r.Progress.Unit] = r.Progress.Detail + " " + r.Progress.Round
	}
	for k, want := range map[string]string{
		"一.4 甲": "甲 on 一.5, Q4 2024Q4", "一.4 乙": "乙 on 一.4, later round 2024Q4", "一.4 丙": "丙 on 一.5, written later 2024Q3",
		"一.5 甲": "甲 on 一.5, Q4 2024Q4", "一.5 丁": "丁 on 一.5 2024Q3",
	} {
		if on[k] != want {
			t.Errorf("latest of %s: %q, want %q", k, on[k], want)
		}
	}
	if _, ok := on["一.4 丁"]; ok {
		t.Error("丁 carried though keep refused it")
	}
	all, _ := s.Reports("x")
	if len(all) != 9 {
		t.Errorf("%d reports in history, want 7 + 2 carried", len(all))
	}
	// Carrying again adds nothing: the copies are now the latest.
	if again, err := s.CarryReports("x", "一.5", "一.4", nil, "office", "合并自 一.5"); err != nil || len(again) != 1 || again[0].Unit != "丁" {
		t.Errorf("carrying again: %+v %v", again, err)
	}
}
