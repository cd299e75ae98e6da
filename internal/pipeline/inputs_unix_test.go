//go:build unix

package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Links to notices are followed; a link loop, a dangling link, a device
// and a FIFO are listed as failed with what they are, in bounded time
// (issue 17 item 4: links were dropped silently, a FIFO blocked forever).
func TestLinksFIFOsAndDevices(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	in, out, elsewhere := filepath.Join(root, "in"), filepath.Join(root, "out"), filepath.Join(root, "elsewhere")
	target := writeGen(t, elsewhere, "real.txt", clauseNotice(t, 33, 0), "txt")
	writeGen(t, in, "plain.txt", clauseNotice(t, 33, 1), "txt")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Skip("cannot make the special files here:", err)
		}
	}
	must(os.Symlink(target, filepath.Join(in, "linked.txt")))
	must(os.Symlink(filepath.Join(in, "loop2.txt"), filepath.Join(in, "loop1.txt")))
	must(os.Symlink(filepath.Join(in, "loop1.txt"), filepath.Join(in, "loop2.txt")))
	must(os.Symlink(filepath.Join(root, "gone.txt"), filepath.Join(in, "dangling.txt")))
	must(os.Symlink("/dev/zero", filepath.Join(in, "zero.txt")))
	must(syscall.Mkfifo(filepath.Join(in, "pipe.txt"), 0o644))

	done := make(chan *Summary, 1)
	go func() {
		sum, _ := Run(context.Background(), runOpt(in, out, nil))
		done <- sum
	}()
	var sum *Summary
	select {
	case sum = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("run over a FIFO and /dev/zero did not finish in 60 s")
	}
	st := statusOf(t, in, sum)
	want := map[string]string{
		"plain.txt": StatusExtracted, "linked.txt": StatusExtracted,
		"loop1.txt": StatusFailed, "loop2.txt": StatusFailed, "dangling.txt": StatusFailed,
		"zero.txt": StatusFailed, "pipe.txt": StatusFailed,
	}
	why := map[string]string{"loop1.txt": "loop", "dangling.txt": "missing", "zero.txt": "character device", "pipe.txt": "named pipe"}
	for name, status := range want {
		if st[name].Status != status || !strings.Contains(st[name].Error, why[name]) {
			t.Errorf("%s: %+v, want %s (%s)", name, st[name], status, why[name])
		}
	}

	// Given by name, to extract as to run, neither blocks.
	ext := make(chan []Extracted, 1)
	go func() {
		res, _ := Extract(context.Background(), []string{filepath.Join(in, "pipe.txt"), filepath.Join(in, "zero.txt"), filepath.Join(in, "linked.txt")}, Options{Jobs: 1})
		ext <- res
	}()
	var res []Extracted
	select {
	case res = <-ext:
	case <-time.After(60 * time.Second):
		t.Fatal("extract of a FIFO and /dev/zero did not finish in 60 s")
	}
	for i, r := range res[:2] {
		if r.Err == nil || !strings.Contains(r.Err.Error(), []string{"named pipe", "character device"}[i]) {
			t.Errorf("extract %s: %v", r.Path, r.Err)
		}
	}
	if res[2].Err != nil || res[2].Notice == nil {
		t.Errorf("extract through a link: %v", res[2].Err)
	}
}
