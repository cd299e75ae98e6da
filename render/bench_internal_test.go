package render

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban/duban"
)

// benchRun renders what `duban run` renders for the sample: the ledger and
// every unit sheet, PDF and XLSX.
func benchRun(b *testing.B, n *duban.Notice, dir string, cold bool) {
	opt := Options{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		if cold {
			fonts.mu.Lock()
			fonts.entries = map[*byte]*docFont{}
			fonts.mu.Unlock()
		}
		if _, err := Ledger(n, filepath.Join(dir, "notice"), opt); err != nil {
			b.Fatal(err)
		}
		if _, err := UnitSheets([]*duban.Notice{n}, filepath.Join(dir, "units"), opt); err != nil {
			b.Fatal(err)
		}
	}
}

func loadSample(b *testing.B) *duban.Notice {
	ns := goldNoticesInternal(&testing.T{})
	if len(ns) == 0 {
		b.Fatal("no sample")
	}
	return ns[0]
}

// BenchmarkRenderSample: the ledger and all 25 unit sheets of the sample
// in both formats. "cold" parses the font afresh each time, as a new
// `duban run` process does; "warm" reuses the process's parsed font.
func BenchmarkRenderSample(b *testing.B) {
	n := loadSample(b)
	dir := b.TempDir()
	if d := os.Getenv("DUBAN_BENCH_DIR"); d != "" {
		dir = d
	}
	b.Run("cold", func(b *testing.B) { benchRun(b, n, dir, true) })
	b.Run("warm", func(b *testing.B) { benchRun(b, n, dir, false) })
}

// BenchmarkRunSample renders everything `duban run` renders for the
// sample, in the pipeline's order, with the font parsed afresh as in a new
// process: the ledger (notice stage), then Prepare, then the unit sheets
// and the quarterly reports at the same time.
func BenchmarkRunSample(b *testing.B) {
	n := loadSample(b)
	dir := b.TempDir()
	ns := []*duban.Notice{n}
	opt := Options{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		fonts.mu.Lock()
		fonts.entries = map[*byte]*docFont{}
		fonts.mu.Unlock()
		if _, err := Ledger(n, filepath.Join(dir, "notice"), opt); err != nil {
			b.Fatal(err)
		}
		if err := Prepare(ns, opt); err != nil {
			b.Fatal(err)
		}
		var unitErr, quarterErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, unitErr = UnitSheets(ns, filepath.Join(dir, "units"), opt)
		}()
		paths, quarterErr := Quarterly(ns, filepath.Join(dir, "quarterly"), nil, opt)
		<-done
		if unitErr != nil || quarterErr != nil {
			b.Fatal(unitErr, quarterErr)
		}
		if len(paths) != 6 {
			b.Fatalf("quarterly paths %v", paths)
		}
	}
}
