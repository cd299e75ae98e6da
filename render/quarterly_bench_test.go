package render

import (
	"os"
	"testing"
	"time"

	"github.com/duban/duban"
)

// BenchmarkQuarterly renders the sample's quarterly reports (2024Q2, Q3,
// Q4) in both formats, and in each format alone. "cold" parses the font
// afresh each time, as a new `duban run` process does.
func BenchmarkQuarterly(b *testing.B) {
	n := loadSample(b)
	dir := b.TempDir()
	if d := os.Getenv("DUBAN_BENCH_DIR"); d != "" {
		dir = d
	}
	run := func(b *testing.B, formats []string, cold bool) {
		opt := Options{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC), AsOf: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC), Formats: formats}
		for b.Loop() {
			if cold {
				fonts.mu.Lock()
				fonts.entries = map[*byte]*docFont{}
				fonts.mu.Unlock()
			}
			paths, err := Quarterly([]*duban.Notice{n}, dir, nil, opt)
			if err != nil {
				b.Fatal(err)
			}
			if len(paths) != 3*max(len(formats), 1)+3*boolInt(len(formats) == 0) {
				b.Fatalf("paths %v", paths)
			}
		}
	}
	b.Run("both-cold", func(b *testing.B) { run(b, nil, true) })
	b.Run("both-warm", func(b *testing.B) { run(b, nil, false) })
	b.Run("pdf-warm", func(b *testing.B) { run(b, []string{FormatPDF}, false) })
	b.Run("xlsx", func(b *testing.B) { run(b, []string{FormatXLSX}, false) })
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
