package divisions

import (
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	for _, n := range []string{"赣榆区", "东海县", "灌云县", "连云港市", "江苏省", "通榆县"} {
		if !Known(n) {
			t.Errorf("Known(%q) = false", n)
		}
	}
	for _, n := range []string{"闵榆区", "市辖区", "灌云具", ""} {
		if Known(n) {
			t.Errorf("Known(%q) = true", n)
		}
	}
	ns := Names()
	if len(ns) < 3000 || !slices.IsSorted(ns) {
		t.Errorf("%d names, sorted %v", len(ns), slices.IsSorted(ns))
	}
}

func TestShaped(t *testing.T) {
	for n, want := range map[string]bool{"闵榆区": true, "灌云具": false, "市发改委": false, "区": false} {
		if got := Shaped(n); got != want {
			t.Errorf("Shaped(%q) = %v", n, got)
		}
	}
}

func TestNear(t *testing.T) {
	city, prov := Near([]string{"东海县", "灌云县", "不是地名"})
	if !slices.Contains(city, "赣榆区") || slices.Contains(city, "鼓楼区") || slices.Contains(city, "闵行区") {
		t.Errorf("city: %q", city)
	}
	if !slices.Contains(prov, "鼓楼区") || slices.Contains(prov, "闵行区") {
		t.Errorf("province: %d names", len(prov))
	}
	if c, p := Near(nil); len(c)+len(p) != 0 {
		t.Errorf("Near(nil) = %d, %d names", len(c), len(p))
	}
}
