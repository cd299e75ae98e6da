package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/duban/duban"
)

// A cancellation while unit sheets and quarterly reports are rendered
// stops the run there (issue 17 item 6: it was acted on only when the run
// ended), and the next run finishes the documents.
func TestCancelDuringRendering(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	in, out := filepath.Join(root, "in"), filepath.Join(root, "out")
	for i := range 4 {
		writeGen(t, in, string(rune('a'+i))+".txt", clauseNotice(t, 41, i), "txt")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	be := Default()
	units, quarterly := be.UnitSheets, be.Quarterly
	be.UnitSheets = func(ns []*duban.Notice, dir string, opt RenderOptions) ([]string, error) {
		cancel() // the signal arrives as the sheets start
		return units(ns, dir, opt)
	}
	be.Quarterly = func(ns []*duban.Notice, dir string, q []string, opt RenderOptions) ([]string, error) {
		<-ctx.Done()
		return quarterly(ns, dir, q, opt)
	}
	opt := runOpt(in, out, be)
	opt.Formats = []string{"pdf", "xlsx"}
	sum, err := Run(ctx, opt)
	if !errors.Is(err, context.Canceled) || sum == nil || !sum.Interrupted {
		t.Fatalf("cancelled while rendering: %v (summary %v)", err, sum != nil && sum.Interrupted)
	}
	for _, d := range []string{"units", "quarterly"} {
		if ents, _ := os.ReadDir(filepath.Join(out, d)); len(ents) > 1 {
			t.Errorf("%s: %d documents written after the cancellation", d, len(ents))
		}
	}
	opt.Backend = nil
	sum = mustRun(t, opt)
	if sum.Counts.Units == 0 || sum.Counts.Quarters == 0 || sum.Counts.Unchanged != 4 {
		t.Errorf("next run: %+v", sum.Counts)
	}
}
