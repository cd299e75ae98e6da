package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/duban/duban/internal/gen"
)

var (
	benchMu   sync.Mutex
	benchDirs = map[string]string{}
)

// benchNotices is a folder of generated notices (DUBAN_BENCH_NOTICES,
// default 1000) in the given formats, made once per process.
func benchNotices(b *testing.B, formats []string) (string, int) {
	count := 1000
	if v, err := strconv.Atoi(os.Getenv("DUBAN_BENCH_NOTICES")); err == nil && v > 0 {
		count = v
	}
	benchMu.Lock()
	defer benchMu.Unlock()
	key := fmt.Sprint(formats)
	if dir, ok := benchDirs[key]; ok {
		return dir, count
	}
	c, font := testCorpus(b)
	files, err := c.Files(1, count, formats, font)
	if err != nil {
		b.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "duban-bench-")
	if err != nil {
		b.Fatal(err)
	}
	if err := gen.WriteDir(dir, files); err != nil {
		b.Fatal(err)
	}
	benchDirs[key] = dir
	return dir, count
}

// BenchmarkBatch runs whole batches over generated notices (a third each
// TXT, PDF and DOCX, every style): extraction only (records, CSV) and with
// every document rendered, with one and two workers; "extract-txt-docx"
// leaves PDFs out. It reports notices per second and CPU time per notice;
// compare j1 and j2 for the speed-up. (The PDF reader and the renderer
// already use every CPU inside one notice, so on a small machine -j adds
// most for TXT and DOCX.)
//
//	go test -run '^$' -bench BenchmarkBatch -benchtime 1x ./internal/pipeline
func BenchmarkBatch(b *testing.B) {
	b.Cleanup(func() {
		for _, d := range benchDirs {
			os.RemoveAll(d)
		}
	})
	for _, mode := range []string{"extract", "extract-txt-docx", "render"} {
		for _, jobs := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/j%d", mode, jobs), func(b *testing.B) {
				formats := gen.Formats
				if mode == "extract-txt-docx" {
					formats = []string{"txt", "docx"}
				}
				dir, count := benchNotices(b, formats)
				be := Default()
				if mode != "render" {
					be.Ledger, be.UnitSheets, be.Quarterly = nil, nil, nil
				}
				out := b.TempDir()
				cpu0 := cpuTime()
				b.ResetTimer()
				for i := range b.N {
					opt := Options{Inputs: []string{dir}, Out: filepath.Join(out, strconv.Itoa(i)), Jobs: jobs, Force: true, Now: fixedNow, Backend: be}
					sum, err := Run(context.Background(), opt)
					if err != nil {
						b.Fatal(err)
					}
					if sum.Counts.Extracted+sum.Counts.Failed+sum.Counts.Duplicate != count {
						b.Fatalf("counts %+v", sum.Counts)
					}
					if i == 0 {
						b.Logf("%s j%d: %d extracted, %d failed, %d duplicate, %d tasks, %d unit sheets",
							mode, jobs, sum.Counts.Extracted, sum.Counts.Failed, sum.Counts.Duplicate, sum.Counts.Tasks, sum.Counts.Units)
					}
				}
				b.ReportMetric(float64(count*b.N)/b.Elapsed().Seconds(), "notices/s")
				// CPU time per notice does not depend on what else the
				// machine is running; wall time does.
				b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(count*b.N), "cpu-ms/notice")
			})
		}
	}
}
