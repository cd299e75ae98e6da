package render

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// testWidth is a simple metric: CJK and full-width 1.0, ASCII 0.5.
func testWidth(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func testStrWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += testWidth(r)
	}
	return w
}

func TestWrapCases(t *testing.T) {
	cases := []struct {
		text string
		max  float64
		want []string
	}{
		{"一二三四五六", 3, []string{"一二三", "四五六"}},
		// closing punctuation travels with the character before it
		{"一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"一二三。」四", 3, []string{"一二", "三。」", "四"}},
		// opening punctuation travels with the character after it
		{"一二（三四", 3, []string{"一二", "（三四"}},
		{"一《二》三四", 3, []string{"一", "《二》", "三四"}},
		{"一二《三四", 3, []string{"一二", "《三四"}},
		// ASCII words stay together when they fit
		{"完成2024年度", 3, []string{"完成", "2024年", "度"}},
		{"到2030年达到15%以上", 5, []string{"到2030年达", "到15%以上"}},
		// a word longer than a line is broken
		{"abcdefghij", 2, []string{"abcd", "efgh", "ij"}},
		// hard line feeds
		{"一二\n三", 5, []string{"一二", "三"}},
		{"一\r\n\n二", 5, []string{"一", "", "二"}},
		{"", 5, nil},
		// a character wider than the line gets a line of its own
		{"一二", 0.5, []string{"一", "二"}},
		{"ab cd", 1.5, []string{"ab ", "cd"}},
	}
	for _, c := range cases {
		got := wrapLines(c.text, c.max, testWidth)
		if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
			t.Errorf("Wrap(%q, %v) = %q, want %q", c.text, c.max, got, c.want)
		}
	}
}

// checkLines asserts the wrapping invariants for text without line feeds.
func checkLines(t *testing.T, text string, max float64, lines []string) {
	t.Helper()
	if got := strings.Join(lines, ""); got != text {
		t.Fatalf("Wrap(%q, %v): lines %q concatenate to %q", text, max, lines, got)
	}
	for i, line := range lines {
		if line == "" && text != "" {
			t.Fatalf("Wrap(%q, %v): empty line %d in %q", text, max, i, lines)
		}
		if w := testStrWidth(strings.TrimRight(line, " \u3000\t")); w > max && utf8.RuneCountInString(line) > 1 {
			// Over-wide lines are allowed only when an unbreakable run of
			// punctuation forces them; then every break point inside is
			// forbidden.
			if canBreakInside(line, max) {
				t.Fatalf("Wrap(%q, %v): line %q is %v wide", text, max, line, w)
			}
		}
		if i > 0 {
			first, _ := utf8.DecodeRuneInString(line)
			prev, _ := utf8.DecodeLastRuneInString(lines[i-1])
			if isClosing(first) && !forcedBreak(lines[i-1], line, max) {
				t.Fatalf("Wrap(%q, %v): line %d %q starts with closing punctuation (%q)", text, max, i, line, lines)
			}
			if isOpening(prev) && !forcedBreak(lines[i-1], line, max) {
				t.Fatalf("Wrap(%q, %v): line %d %q ends with opening punctuation (%q)", text, max, i-1, lines[i-1], lines)
			}
		}
	}
}

// forcedBreak reports whether a forbidden break between a and b was
// unavoidable: the run of characters glued across it (by punctuation
// rules) is wider than a line on its own.
func forcedBreak(a, b string, max float64) bool {
	rs := []rune(a + b)
	at := len([]rune(a))
	forbidden := func(k int) bool { // break before rs[k]
		return isOpening(rs[k-1]) || isClosing(rs[k]) || isSpace(rs[k])
	}
	lo, hi := at, at
	for lo > 0 && (lo == at || forbidden(lo)) {
		lo--
	}
	for hi < len(rs) && (hi == at || forbidden(hi)) {
		hi++
	}
	return testStrWidth(string(rs[lo:hi])) > max
}

// canBreakInside reports whether line has an allowed break point that
// would have made its first part fit.
func canBreakInside(line string, max float64) bool {
	rs := []rune(line)
	w := 0.0
	for k := 1; k < len(rs); k++ {
		w += testWidth(rs[k-1])
		if w > max {
			break
		}
		if !isOpening(rs[k-1]) && !isClosing(rs[k]) && !isSpace(rs[k]) && !(isWordRune(rs[k-1]) && isWordRune(rs[k])) {
			return true
		}
	}
	return false
}

func TestWrapProperty(t *testing.T) {
	alphabet := []rune("一二三四五六七八九十市发改委，。、；：？！）》」』”’〕】（《「『“‘〔【abcXYZ0123456789.%- ()[],;:!?")
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		k := rng.IntN(40)
		rs := make([]rune, k)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		text := string(rs)
		max := 0.5 + float64(rng.IntN(16))*0.5
		checkLines(t, text, max, wrapLines(text, max, testWidth))
	}
}

func TestWrapLineFeeds(t *testing.T) {
	text := "第一段，文字。\n第二段（含括号）\n\n末段"
	lines := wrapLines(text, 3, testWidth)
	joined := strings.Join(lines, "")
	if joined != strings.ReplaceAll(text, "\n", "") {
		t.Fatalf("lost text: %q", lines)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("两市政府签订南北结对帮扶合作2024年度协议。", 3.0)
	f.Add("（责任单位：市发改委，完成时间：10月底前）", 2.5)
	f.Fuzz(func(t *testing.T, text string, max float64) {
		// the oracle is quadratic: keep inputs short (wrapLines itself is linear,
		// see TestWrapLargeInput)
		if !utf8.ValidString(text) || strings.ContainsAny(text, "\r\n") || max != max || len(text) > 4000 {
			return
		}
		checkLines(t, text, max, wrapLines(text, max, testWidth))
	})
}

// TestWrapLargeInput: wrapLines is linear, also when every rune is its own line
// or one unbreakable run fills many lines.
func TestWrapLargeInput(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("任务，（内容）。", 40000),
		strings.Repeat("a", 300000),
		strings.Repeat("（", 100000) + strings.Repeat("）", 100000),
	} {
		for _, max := range []float64{0.5, 3, 40} {
			lines := wrapLines(text, max, testWidth)
			if strings.Join(lines, "") != text {
				t.Fatalf("max %v: text not kept", max)
			}
		}
	}
}
