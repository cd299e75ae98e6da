package hostile

import (
	"runtime"
	"time"
)

// Cost runs f and returns its wall time and the bytes it allocated (all
// goroutines': run it with nothing else going on).
func Cost(f func()) (time.Duration, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	return d, after.TotalAlloc - before.TotalAlloc
}
