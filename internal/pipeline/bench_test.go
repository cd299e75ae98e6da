package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/duban/duban/internal/gctune"
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
	return benchNoticesN(b, formats, count), count
}

// benchNoticesN is a folder of count generated notices in the given
// formats, made once per process.
func benchNoticesN(b *testing.B, formats []string, count int) string {
	benchMu.Lock()
	defer benchMu.Unlock()
	key := fmt.Sprint(formats, count)
	if dir, ok := benchDirs[key]; ok {
		return dir
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
	return dir
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

// BenchmarkRun runs the whole batch, every document rendered, over
// generated notices of each size in DUBAN_BENCH_SIZES (default 250 and
// 1000; a third each TXT, PDF and DOCX), one worker, under the garbage
// collector's pace of the duban command (gctune). A batch's cost should
// grow with its notices: notices/s and cpu-ms/notice should be about the
// same at every size, and peak-MB (the most memory the Go runtime held)
// and live-MB (the largest heap found live by a collection, which sets
// the soft memory limit, see gctune) should not grow much faster than the
// records themselves.
//
//	DUBAN_BENCH_SIZES=250,2000 go test -run '^$' -bench BenchmarkRun -benchtime 1x ./internal/pipeline
func BenchmarkRun(b *testing.B) {
	b.Cleanup(func() {
		for _, d := range benchDirs {
			os.RemoveAll(d)
		}
	})
	sizes := []int{250, 1000}
	if v := os.Getenv("DUBAN_BENCH_SIZES"); v != "" {
		sizes = nil
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				b.Fatalf("DUBAN_BENCH_SIZES: %q is not a number of notices", f)
			}
			sizes = append(sizes, n)
		}
	}
	gcPercent := debug.SetGCPercent(-1)
	debug.SetGCPercent(gcPercent)
	memLimit := debug.SetMemoryLimit(-1)
	stop := gctune.Tune()
	b.Cleanup(func() {
		stop()
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(memLimit)
	})
	for _, count := range sizes {
		b.Run(fmt.Sprintf("n%d", count), func(b *testing.B) {
			dir := benchNoticesN(b, gen.Formats, count)
			out := b.TempDir()
			runtime.GC()
			peak, live := startPeak()
			cpu0 := cpuTime()
			b.ResetTimer()
			for i := range b.N {
				opt := Options{Inputs: []string{dir}, Out: filepath.Join(out, strconv.Itoa(i)), Jobs: 1, Force: true, Now: fixedNow}
				sum, err := Run(context.Background(), opt)
				if err != nil {
					b.Fatal(err)
				}
				if sum.Counts.Extracted+sum.Counts.Failed+sum.Counts.Duplicate != count || sum.Counts.Units == 0 || sum.Counts.Quarters == 0 {
					b.Fatalf("counts %+v", sum.Counts)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(count*b.N)/b.Elapsed().Seconds(), "notices/s")
			b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(count*b.N), "cpu-ms/notice")
			b.ReportMetric(float64(peak())/(1<<20), "peak-MB")
			b.ReportMetric(float64(live())/(1<<20), "live-MB")
		})
	}
}

// startPeak samples the memory the Go runtime holds (mapped and not
// returned to the system) and the heap the last collection found live
// every 20 ms until peak is called, which gives the most held; live then
// gives the largest live heap seen.
func startPeak() (peak, live func() uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var most, mostLive atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64() - s[1].Value.Uint64(); v > most.Load() {
				most.Store(v)
			}
			if v := s[2].Value.Uint64(); v > mostLive.Load() {
				mostLive.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	var once sync.Once
	peak = func() uint64 {
		once.Do(func() { close(done); <-stopped })
		return most.Load()
	}
	live = func() uint64 {
		peak()
		return mostLive.Load()
	}
	return peak, live
}
