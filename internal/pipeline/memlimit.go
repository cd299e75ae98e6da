package pipeline

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// headroom is how many times the live heap the soft memory limit is kept
// at while unit sheets and quarterly reports are rendered.
const headroom = 3

// roomForRecords raises the process's soft memory limit (cmd/duban sets
// 160 MB) to headroom times the live heap, when it is below that, and
// returns the function that puts it back. The records of every notice are
// live while the documents are rendered: with 1,000 notices they come near
// the limit, the collector then runs after almost every allocation, and
// the rendering cost grew with the square of the notices (73.8 s of CPU at
// 1,000 notices against 11.9 s at 250; 33.9 s without the limit).
func roomForRecords() (restore func()) {
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		return func() {} // no limit set
	}
	runtime.GC() // the live heap with the records just loaded
	want := raisedLimit(liveHeap(), limit)
	if want == limit {
		return func() {}
	}
	debug.SetMemoryLimit(want)
	return func() { debug.SetMemoryLimit(limit) }
}

// raisedLimit is the soft limit for a live heap of live bytes under the
// limit set: never lower than it.
func raisedLimit(live uint64, limit int64) int64 {
	if live == 0 || live > 1<<50 {
		return limit
	}
	if want := int64(live) * headroom; want > limit {
		return want
	}
	return limit
}

func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
