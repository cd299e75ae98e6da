package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMemLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, memLimitFloor},
		{20 << 20, memLimitFloor},
		{memLimitFloor / memLimitFactor, memLimitFloor},
		{150 << 20, 300 << 20},
		{1 << 40, 2 << 40},
		{math.MaxUint64, 1 << 62},
	} {
		if got := memLimit(c.live); got != c.want {
			t.Errorf("memLimit(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

// waitLimit collects garbage until cond holds for the soft memory limit.
func waitLimit(t *testing.T, what string, cond func(int64) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond(debug.SetMemoryLimit(-1)) {
		if time.Now().After(deadline) {
			t.Fatalf("%s: the limit stayed at %d MB", what, debug.SetMemoryLimit(-1)>>20)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

// The limit rises with the live heap, and falls back when it is freed: a
// large batch never collects against a fixed ceiling it has outgrown.
func TestFollowLiveHeap(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	stop := FollowLiveHeap()
	waitLimit(t, "small heap", func(l int64) bool { return l == memLimitFloor })

	live := make([][]byte, 128)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	waitLimit(t, "128 MB live", func(l int64) bool { return l >= 256<<20 })
	runtime.KeepAlive(live)
	live = nil
	waitLimit(t, "freed", func(l int64) bool { return l == memLimitFloor })

	stop()
	runtime.GC() // the hook armed before stop may still run once
	time.Sleep(20 * time.Millisecond)
	debug.SetMemoryLimit(1 << 40)
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("after stop the limit was set to %d", got)
	}
}
