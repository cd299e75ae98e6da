package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestQuarterlyReports(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	opt := runOpt("../../seeds", out, nil)
	opt.Quarters = []string{"2024Q3"}
	sum := mustRun(t, opt)
	if got := dirNames(t, filepath.Join(out, "quarterly")); !reflect.DeepEqual(got, []string{"2024Q3.xlsx"}) {
		t.Errorf("--quarter 2024Q3 wrote %q", got)
	}
	if sum.Counts.Quarters != 1 {
		t.Errorf("counts: %+v", sum.Counts)
	}
	// Without --quarter: every quarter in which a task of the sample is due
	// (its deadlines fall in Q2, Q3 and Q4 of 2024).
	opt.Quarters = nil
	sum = mustRun(t, opt)
	want := []string{"2024Q2.xlsx", "2024Q3.xlsx", "2024Q4.xlsx"}
	if got := dirNames(t, filepath.Join(out, "quarterly")); !reflect.DeepEqual(got, want) {
		t.Errorf("quarterly reports %q, want %q", got, want)
	}
	if sum.Counts.Quarters != 3 || sum.Counts.Unchanged != 1 {
		t.Errorf("counts: %+v", sum.Counts)
	}
}
