package extract

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/notation"
)

func TestAddStatsMatchesRuneScan(t *testing.T) {
	for _, s := range scanSamples(20000) {
		var got wrapped
		got.addStats(s)
		var want wrapped
		for _, r := range s {
			switch {
			case notation.IsOpenBracket(r):
				want.open++
			case notation.IsCloseBracket(r) && want.open > 0:
				want.open--
			case strings.ContainsRune("，,。；;：:", r):
				want.running = true
			}
			if !notation.QuickSpace(r) {
				want.last = r
				want.runes++
			}
		}
		if want.runes > 30 {
			want.running = true
		}
		if got.open != want.open || got.running != want.running || got.last != want.last || got.runes != want.runes {
			t.Fatalf("addStats(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// TestSplitUnitsCutsPiecesExactly checks that unit names cut from the
// list's bytes equal the names built rune by rune, invalid UTF-8 included.
func TestSplitUnitsCutsPiecesExactly(t *testing.T) {
	cases := map[string][]string{
		"市发改委、市财政局（市国资委），各县（区）人民政府等": {"市发改委", "市财政局（市国资委）", "各县（区）人民政府"},
		"责任单位：市 发改委；市€局":             {"市发改委", "市€局"},
		"市发改委、\xff局":                 {"市发改委", "\uFFFD局"},
		"😀单位、x":                      {"😀单位", "x"},
	}
	for in, want := range cases {
		got, _ := notation.SplitUnits(in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("notation.SplitUnits(%q) = %q, want %q", in, got, want)
		}
	}
}

// scanSamples are strings made of the characters the byte-level scans must
// tell apart, cut at random byte offsets so that invalid UTF-8 is among
// them.
func scanSamples(n int) []string {
	parts := []string{"责任单位", "：", "（", "）", "(", ")", "〔", "〕", "【", "】", "［", "］", "[", "]",
		"，", "。", "；", " ", "\u3000", "\u00A0", "\u200B", "\uFEFF", "\u2028", "\u1680", "\t", "a", "5",
		"\u0085", "\x7f", "\x01", "€", "😀", "\xe3", "\xef\xbc", "\xff", "ぁ", "ｱ"}
	rng := rand.New(rand.NewSource(1))
	out := []string{""}
	for range n {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		if len(s) > 0 && rng.Intn(3) == 0 {
			i := rng.Intn(len(s))
			if rng.Intn(2) == 0 {
				s = s[i:]
			} else {
				s = s[:i]
			}
		}
		out = append(out, s)
	}
	return out
}
