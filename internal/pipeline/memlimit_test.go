package pipeline

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestRaisedLimit(t *testing.T) {
	for _, c := range []struct {
		live  uint64
		limit int64
		want  int64
	}{
		{40 << 20, 160 << 20, 160 << 20},  // room enough: unchanged
		{100 << 20, 160 << 20, 300 << 20}, // near the limit: three times the live heap
		{100 << 20, math.MaxInt64, math.MaxInt64},
		{0, 160 << 20, 160 << 20},
	} {
		if got := raisedLimit(c.live, c.limit); got != c.want {
			t.Errorf("raisedLimit(%d, %d) = %d, want %d", c.live, c.limit, got, c.want)
		}
	}
	old := debug.SetMemoryLimit(1 << 20) // far below any live heap
	defer debug.SetMemoryLimit(old)
	restore := roomForRecords()
	if got := debug.SetMemoryLimit(-1); got <= 1<<20 {
		t.Errorf("limit not raised: %d", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 1<<20 {
		t.Errorf("limit not restored: %d", got)
	}
}
