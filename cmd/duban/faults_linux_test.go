//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// smallDisk mounts a tmpfs of size bytes (root only) and unmounts it when
// the test ends; it skips the test where mounting is not permitted.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root): %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// A full disk: the notices not written are named once with why, even with
// -q, and no empty or half-written notice folder is left (issue 17 item 8).
func TestRunDiskFull(t *testing.T) {
	in := t.TempDir()
	paths := notices(t, in, 6)
	out := filepath.Join(smallDisk(t, "160k"), "out")
	code, _, stderr := cli(t, "run", "-q", "-j", "1", "--formats", "xlsx", "-o", out, in)
	if code != exitFailed {
		t.Fatalf("exit %d on a full disk, want %d\n%s", code, exitFailed, stderr)
	}
	if n := strings.Count(stderr, "no space left"); n == 0 || strings.Count(stderr, "notices not written") != 1 {
		t.Errorf("want the notices not written said once:\n%s", stderr)
	}
	written := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			ents, _ := os.ReadDir(p)
			if len(ents) == 0 {
				t.Errorf("empty folder left: %s", p)
			}
			if filepath.Base(filepath.Dir(p)) == "notices" {
				for _, f := range []string{"notice.json", "tasks.csv", "任务分解表.xlsx"} {
					if _, err := os.Stat(filepath.Join(p, f)); err != nil {
						t.Errorf("half-written notice: %v", err)
					}
				}
				written++
			}
		}
		if strings.Contains(d.Name(), "duban-tmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if written == len(paths) {
		t.Fatalf("the disk was not full: all %d notices written", written)
	}
	for _, p := range paths {
		if !strings.Contains(stderr, filepath.Base(p)) && written < len(paths) {
			// every notice not written is named; those written need not be
			if !noticeWritten(out, p) {
				t.Errorf("%s not named in:\n%s", p, stderr)
			}
		}
	}
}

func noticeWritten(out, path string) bool {
	ents, _ := os.ReadDir(filepath.Join(out, "notices"))
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(out, "notices", e.Name(), "notice.json"))
		if strings.Contains(string(b), filepath.Base(path)) {
			return true
		}
	}
	return false
}
