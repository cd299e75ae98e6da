package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// One PDF whose xref subsection starts at 2^32−1 made the PDF library
// allocate 128 GiB and the whole batch die (issue 17 item 1). A run over it
// and the sample must end normally and write everything for the sample.
// The PDF reader now checks the cross-reference chain before the library
// allocates by it and rebuilds the table from the objects, so the damaged
// copy reads as the sample itself: it is listed by name as a duplicate
// (or extracted, when it wins the race), and nothing fails.
func TestRunSurvivesXrefCrasher(t *testing.T) {
	sample, err := os.ReadFile("../../testdata/lianyungang-2024-22.pdf")
	if err != nil {
		t.Fatal(err)
	}
	crasher := bytes.Replace(sample, []byte("xref\n0 80\n"), []byte("xref\n4294967295 80\n"), 1)
	if bytes.Equal(crasher, sample) {
		t.Fatal("the sample PDF has no xref subsection 0 80 to damage")
	}
	in, out := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(in, "crasher.pdf"), crasher, 0o644)
	os.WriteFile(filepath.Join(in, "sample.pdf"), sample, 0o644)
	cmd := exec.Command(os.Args[0], "run", "-q", "--formats", "xlsx", "-o", out, in)
	cmd.Env = append(os.Environ(), "DUBAN_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("run over the crasher did not end in 3 minutes")
	}
	if strings.Contains(stderr.String(), "fatal error: runtime: out of memory") {
		t.Fatalf("the PDF reader allocated for the xref start and the run died:\n%s", stderr.String())
	}
	if err != nil {
		t.Fatalf("exit %v, want 0\n%s", err, stderr.String())
	}
	var sum struct {
		Counts   map[string]int `json:"counts"`
		Failures []struct{ Path string }
		Inputs   []struct{ Path, Status string }
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil || json.Unmarshal(b, &sum) != nil {
		t.Fatalf("summary.json: %v", err)
	}
	named := false
	for _, in := range sum.Inputs {
		named = named || filepath.Base(in.Path) == "crasher.pdf" && (in.Status == "duplicate" || in.Status == "extracted")
	}
	if !named || len(sum.Failures) != 0 || sum.Counts["notices"] != 1 || sum.Counts["units"] == 0 || sum.Counts["quarters"] == 0 {
		t.Errorf("summary: %s", b)
	}
	for _, f := range []string{"notices/连政办发2024-22/notice.json", "notices/连政办发2024-22/任务分解表.xlsx", "units/市工商联.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("sample output missing: %v", err)
		}
	}
}
