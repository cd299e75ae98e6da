// Package gctune sets the garbage collector's pace for duban's commands
// (and for the benchmarks that measure them): a run is short and
// allocation-heavy (PDF interpretation, rendering), so the heap may grow
// well beyond what is live before the collector runs, under a soft memory
// limit that follows the live heap.
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The soft memory limit of a run follows its live heap. A fixed limit made
// large batches thrash: the records of every notice and the unit sheets and
// quarterly reports being rendered grow with the batch, and once they came
// near a fixed 160 MB the collector ran after almost every allocation (2,000
// notices: 40 % of the CPU in the collector, against 4 % for 250).
const (
	// memLimitFloor is the limit of a small run: up to it the heap may
	// grow to GOGC's goal (Tune sets 400) before the collector runs.
	memLimitFloor = 160 << 20
	// memLimitFactor keeps the limit at this multiple of the live heap, so
	// a collection is always followed by at least as many bytes of
	// allocation as the heap holds: the collector's share of the CPU stays
	// that of GOGC=100 at worst, however large the batch.
	memLimitFactor = 2
)

// Tune trades memory for speed where the user has not chosen (GOGC,
// GOMEMLIMIT): garbage collection at the default pace cost about a third of
// the CPU of reading the sample PDF. The soft memory limit keeps batches
// bounded: 160 MB, or twice the live heap when a large batch holds more.
// stop stops following the live heap (the limit stays where it is).
func Tune() (stop func()) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		return FollowLiveHeap()
	}
	return func() {}
}

// memLimit is the soft memory limit for a live heap of live bytes.
func memLimit(live uint64) int64 {
	const most = 1 << 62
	if live > most/memLimitFactor {
		return most
	}
	return max(memLimitFloor, int64(live)*memLimitFactor)
}

// gcTick is an object made unreachable at once: its cleanup runs after the
// next collection. (It holds a pointer so that it is not batched with
// other small objects, which would delay its cleanup.)
type gcTick struct{ _ *byte }

// FollowLiveHeap sets the soft memory limit to memLimit(live heap) now and
// after every garbage collection, until the returned stop is called.
func FollowLiveHeap() (stop func()) {
	var stopped atomic.Bool
	var arm func()
	set := func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 {
			debug.SetMemoryLimit(memLimit(s[0].Value.Uint64()))
		}
	}
	arm = func() {
		runtime.AddCleanup(new(gcTick), func(struct{}) {
			if stopped.Load() {
				return
			}
			set()
			arm()
		}, struct{}{})
	}
	set()
	arm()
	return func() { stopped.Store(true) }
}
