//go:build unix

package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestSIGINTStopsCleanlyAndNextRunFinishes(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	const total = 8
	notices(t, in, total)
	cmd := exec.Command(os.Args[0], "run", "-v", "-j", "1", "-o", out, in)
	cmd.Env = append(os.Environ(), "DUBAN_TEST_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	lines := 0
	var rest []string
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "[") {
			if lines++; lines == 2 {
				if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
					t.Fatal(err)
				}
			}
		}
		rest = append(rest, sc.Text())
	}
	err = cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 {
		t.Fatalf("after SIGINT: %v, want exit status 1\n%s", err, strings.Join(rest, "\n"))
	}
	var sum struct {
		Interrupted bool           `json:"interrupted"`
		Counts      map[string]int `json:"counts"`
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil || json.Unmarshal(b, &sum) != nil || !sum.Interrupted || sum.Counts["pending"] == 0 {
		t.Fatalf("summary after SIGINT: %v %s", err, b)
	}
	done := sum.Counts["extracted"]
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), "tmp") {
			t.Errorf("temporary file left after SIGINT: %s", p)
		}
		return nil
	})

	start := time.Now()
	code, _, errs := cli(t, "run", "-q", "-o", out, in)
	if code != 0 {
		t.Fatalf("next run: exit %d %s", code, errs)
	}
	b, _ = os.ReadFile(filepath.Join(out, "summary.json"))
	sum.Counts, sum.Interrupted = nil, false
	if err := json.Unmarshal(b, &sum); err != nil || sum.Interrupted {
		t.Fatal(err)
	}
	if sum.Counts["unchanged"] != done || sum.Counts["extracted"] != total-done || sum.Counts["notices"] != total {
		t.Errorf("next run (%v): %v; %d were done before the signal", time.Since(start), sum.Counts, done)
	}
}
