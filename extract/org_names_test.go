package extract

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/notation"
)

// allOrgNamesByContains is allOrgNames as first written, with a search
// for every suffix followed by a bracket.
func allOrgNamesByContains(names []string) bool {
	for _, n := range names {
		n = strings.TrimRightFunc(n, notation.IsCloseBracket)
		ok := false
		for _, suf := range unitNameEnds {
			if strings.HasSuffix(n, suf) || strings.Contains(n, suf+"（") || strings.Contains(n, suf+"(") {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return len(names) > 0
}

func FuzzAllOrgNames(f *testing.F) {
	for _, s := range []string{"市发改委", "海州区（连云港高新区）", "各县(市、区)住建局", "张三", "市场主体（个体户等）", "（局", "局("} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		names := strings.Split(s, "、")
		if got, want := allOrgNames(names), allOrgNamesByContains(names); got != want {
			t.Fatalf("allOrgNames(%q) = %v, want %v", names, got, want)
		}
	})
}
