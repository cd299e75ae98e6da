package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/folderlock"
)

// An output folder inside the input folder (or the input folder itself,
// or reached through a link) is never read back: three runs give the same
// notices (issue 17 item 3; it used to grow 20 → 111 → 436).
func TestOutputFolderNeverReadAsInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, out string }{{"same", "."}, {"inside", "out"}, {"nested", "a/out"}} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			in := filepath.Join(root, "in")
			for i := range 3 {
				writeGen(t, in, []string{"a.txt", "b.pdf", "c.docx"}[i], clauseNotice(t, 31, i), []string{"txt", "pdf", "docx"}[i])
			}
			link := filepath.Join(root, "link")
			if err := os.Symlink(in, link); err != nil {
				t.Skip(err)
			}
			for run, input := range []string{in, link, in} {
				opt := runOpt(input, filepath.Join(in, tc.out), nil)
				opt.Formats = []string{"pdf", "xlsx"}
				sum := mustRun(t, opt)
				if sum.Counts.Notices != 3 || sum.Counts.Extracted+sum.Counts.Unchanged != 3 || sum.Counts.Failed != 0 {
					t.Fatalf("run %d over %s: %+v", run+1, input, sum.Counts)
				}
			}
		})
	}
}

// A notice given by a file name inside the output folder is refused.
func TestOutputFileGivenByNameSkipped(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	in, out := filepath.Join(root, "in"), filepath.Join(root, "out")
	writeGen(t, in, "a.txt", clauseNotice(t, 32, 0), "txt")
	opt := runOpt(in, out, nil)
	opt.Formats = []string{"pdf"}
	sum := mustRun(t, opt)
	ledger := filepath.Join(out, "notices", sum.Inputs[0].Slug, LedgerName+".pdf")
	sum = mustRun(t, Options{Inputs: []string{in, ledger}, Out: out, Jobs: 1, Now: fixedNow, Formats: []string{"pdf"}})
	st := statusOf(t, root, sum)["out/notices/"+sum.Inputs[0].Slug+"/"+LedgerName+".pdf"]
	if st.Status != StatusSkipped || !strings.Contains(st.Error, "output folder") {
		t.Errorf("ledger given as input: %+v", st)
	}
}

// A second run on a locked output folder waits, then refuses naming the
// holder (issue 17 item 5: two runs broke each other's temporary files).
func TestLockedOutputFolderRefused(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	in, out := filepath.Join(root, "in"), filepath.Join(root, "out")
	writeGen(t, in, "a.txt", clauseNotice(t, 34, 0), "txt")
	os.MkdirAll(out, 0o755)
	l, err := folderlock.Acquire(out, 0)
	if err != nil {
		t.Fatal(err)
	}
	opt := runOpt(in, out, nil)
	opt.LockWait = 300 * time.Millisecond
	start := time.Now()
	_, err = Run(context.Background(), opt)
	var busy *folderlock.BusyError
	if !errors.As(err, &busy) || busy.Holder.PID != os.Getpid() || !strings.Contains(err.Error(), "pid ") {
		t.Fatalf("run on a locked folder: %v", err)
	}
	if d := time.Since(start); d < 300*time.Millisecond || d > 10*time.Second {
		t.Errorf("waited %v", d)
	}
	// Released while the second run waits: it goes on.
	go func() { time.Sleep(200 * time.Millisecond); l.Unlock() }()
	opt.LockWait = 20 * time.Second
	mustRun(t, opt)
}
