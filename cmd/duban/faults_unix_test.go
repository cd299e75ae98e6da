//go:build unix

package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func subRun(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DUBAN_TEST_MAIN=1")
	return cmd
}

// Two runs started together on one output folder: the second waits for
// the first or refuses naming it, and neither breaks the other's files
// (issue 17 item 5: both failed with "rename …duban-tmp…").
func TestTwoRunsAtOnce(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	notices(t, in, 4)
	var cmds [2]*exec.Cmd
	var errs [2]bytes.Buffer
	for i := range cmds {
		cmds[i] = subRun("run", "-q", "-j", "1", "--formats", "xlsx", "-o", out, in)
		cmds[i].Stderr = &errs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	ok := 0
	for i, c := range cmds {
		err := c.Wait()
		msg := errs[i].String()
		switch {
		case err == nil:
			ok++
		case strings.Contains(msg, "in use by another duban (pid ") && strings.Contains(msg, "started "):
		default:
			t.Errorf("run %d: %v\n%s", i+1, err, msg)
		}
		if strings.Contains(msg, "no such file") {
			t.Errorf("run %d broke on the other's files:\n%s", i+1, msg)
		}
	}
	if ok == 0 {
		t.Error("neither run succeeded")
	}
	code, _, stderr := cli(t, "run", "-q", "--formats", "xlsx", "-o", out, in)
	if code != 0 {
		t.Errorf("a third run: exit %d\n%s", code, stderr)
	}
}

// A run killed outright (SIGKILL, no clean-up) leaves no lock behind: the
// next run starts at once, cleans the temporary files and finishes.
func TestKilledRunLeavesNoLock(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	notices(t, in, 6)
	cmd := subRun("run", "-v", "-j", "1", "-o", out, in)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "[") {
			cmd.Process.Kill()
			break
		}
	}
	cmd.Wait()
	start := time.Now()
	code, _, msg := cli(t, "run", "-q", "-o", out, in)
	if code != 0 {
		t.Fatalf("run after a kill: exit %d\n%s", code, msg)
	}
	if strings.Contains(msg, "in use") || time.Since(start) > 2*time.Minute {
		t.Errorf("waited for a dead run's lock (%v): %s", time.Since(start), msg)
	}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), "duban-tmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}
