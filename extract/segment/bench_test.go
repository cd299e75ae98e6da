//go:build cgo && !nojieba

package segment

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkLoad measures a full load (dictionaries already in the cache
// folder, as on every run after the first): time per load, and the
// resident memory it adds (MB-rss, from /proc on Linux; gojieba's memory is
// C++ heap that runtime.MemStats does not see).
func BenchmarkLoad(b *testing.B) {
	if _, err := writeDicts(dictFS, cacheRoots()); err != nil {
		b.Fatal(err)
	}
	var rss float64
	for i := 0; i < b.N; i++ {
		before := residentMB()
		s, err := load()
		if err != nil {
			b.Fatal(err)
		}
		if after := residentMB(); after-before > rss {
			rss = after - before
		}
		s.jb.Free()
		runtime.GC()
	}
	if rss > 0 {
		b.ReportMetric(rss, "MB-rss")
	}
}

// BenchmarkCut measures segmenting one task-sized sentence.
func BenchmarkCut(b *testing.B) {
	s := testSeg(b)
	const text = "由市发改委牵头，市财政局配合，统筹安排南北结对帮扶合作项目资金，做好资金保障和绩效评价工作。"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Tag(text)
	}
}

// residentMB reads the process's resident set size, or 0 where /proc is
// missing.
func residentMB() float64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		return 0
	}
	return pages * float64(os.Getpagesize()) / (1 << 20)
}
