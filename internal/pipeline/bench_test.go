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
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchNotices is a folder of generated notices (DUBAN_BENCH_NOTICES,
// default 1000), made once per process.
func benchNotices(b *testing.B) (string, int) {
	count := 1000
	if v, err := strconv.Atoi(os.Getenv("DUBAN_BENCH_NOTICES")); err == nil && v > 0 {
		count = v
	}
	benchOnce.Do(func() {
		c, font := testCorpus(b)
		var files []gen.File
		if files, benchErr = c.Files(1, count, nil, font); benchErr != nil {
			return
		}
		if benchDir, benchErr = os.MkdirTemp("", "duban-bench-"); benchErr != nil {
			return
		}
		benchErr = gen.WriteDir(benchDir, files)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir, count
}

// BenchmarkBatch runs whole batches over generated notices (a third each
// TXT, PDF and DOCX, every style): extraction only (records, CSV) and with
// every document rendered, with one and two workers. It reports notices
// per second; compare j1 and j2 for the speed-up.
//
//	go test -run '^$' -bench BenchmarkBatch -benchtime 1x ./internal/pipeline
func BenchmarkBatch(b *testing.B) {
	dir, count := benchNotices(b)
	b.Cleanup(func() { os.RemoveAll(dir) })
	for _, mode := range []string{"extract", "render"} {
		for _, jobs := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/j%d", mode, jobs), func(b *testing.B) {
				be := Default()
				if mode == "extract" {
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
