package extract

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

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

func TestHasQuickSpaceMatchesRuneScan(t *testing.T) {
	for _, s := range scanSamples(20000) {
		want := strings.IndexFunc(s, quickSpace) >= 0
		if got := hasQuickSpace(s); got != want {
			t.Fatalf("hasQuickSpace(%q) = %v, want %v", s, got, want)
		}
		if got, want := plainText(s), !want && utf8.ValidString(s); got != want {
			t.Fatalf("plainText(%q) = %v, want %v", s, got, want)
		}
	}
}

// bracketGroupsByRune is the plain rune loop bracketGroups must agree with.
func bracketGroupsByRune(s string) []bracketSpan {
	var gs []bracketSpan
	depth, open := 0, 0
	for i, r := range s {
		switch {
		case isOpenBracket(r):
			if depth == 0 {
				open = i
			}
			depth++
		case isCloseBracket(r) && depth > 0:
			depth--
			if depth == 0 {
				_, n := utf8.DecodeRuneInString(s[open:])
				gs = append(gs, bracketSpan{open: open, inner: open + n, close: i, end: i + utf8.RuneLen(r)})
			}
		}
	}
	return gs
}

func TestBracketGroupsMatchesRuneScan(t *testing.T) {
	for _, s := range scanSamples(20000) {
		if got, want := appendBracketGroups(nil, s), bracketGroupsByRune(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("appendBracketGroups(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestAddStatsMatchesRuneScan(t *testing.T) {
	for _, s := range scanSamples(20000) {
		var got wrapped
		got.addStats(s)
		var want wrapped
		for _, r := range s {
			switch {
			case isOpenBracket(r):
				want.open++
			case isCloseBracket(r) && want.open > 0:
				want.open--
			case strings.ContainsRune("，,。；;：:", r):
				want.running = true
			}
			if !quickSpace(r) {
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
		got, _ := splitUnits(in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("splitUnits(%q) = %q, want %q", in, got, want)
		}
	}
}

// cleanTextByRunes is cleanText as first written, over a []rune: the
// reference the string-walking version must agree with.
func cleanTextByRunes(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	var prev rune
	havePrev := false
	i := 0
	for i < len(rs) {
		if !isSpace(rs[i]) {
			b.WriteRune(rs[i])
			prev = rs[i]
			havePrev = true
			i++
			continue
		}
		j := i
		for j < len(rs) && isSpace(rs[j]) {
			j++
		}
		if !havePrev || j == len(rs) {
			i = j
			continue
		}
		next := rs[j]
		lLone := i < 2 || isSpace(rs[i-2]) || isCJK(rs[i-2])
		rLone := j+1 >= len(rs) || isSpace(rs[j+1]) || isCJK(rs[j+1])
		if !joinable(prev, next, lLone, rLone) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

func TestCleanTextMatchesRuneScan(t *testing.T) {
	extra := []string{"2 0 2 4 年", " 5 G 网络 ", "“ 2+1 ”", "Windows 10 系统", "a  b", "\xff 年 \xfe", "年 \xff", "3 . 5", "x 年", "年 x y"}
	for _, s := range append(scanSamples(30000), extra...) {
		if got, want := cleanText(s), cleanTextByRunes(s); got != want {
			t.Fatalf("cleanText(%q) = %q, want %q", s, got, want)
		}
	}
}

// isSpaceByTable is isSpace as first written.
func isSpaceByTable(r rune) bool {
	switch r {
	case '\u00A0', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202F', '\u2007':
		return true
	}
	return unicode.IsSpace(r)
}

func TestIsSpaceMatchesTable(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if isSpace(r) != isSpaceByTable(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// TestQuickSpaceCoversIsSpace backs stripSpace's fast path: text without a
// quickSpace character has no isSpace character either.
func TestQuickSpaceCoversIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) && !quickSpace(r) {
			t.Fatalf("isSpace(%U) but not quickSpace", r)
		}
	}
}

// TestScansEveryRune checks hasQuickSpace and plainText on every rune
// alone, between CJK characters and cut short.
func TestScansEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		e := string(r)
		for _, s := range []string{e, "中" + e + "文", e[:len(e)-1], "中" + e[:len(e)-1]} {
			checkScans(t, s)
		}
	}
}

func FuzzScans(f *testing.F) {
	for _, s := range scanSamples(50) {
		f.Add(s)
	}
	f.Fuzz(checkScans)
}

func checkScans(t *testing.T, s string) {
	space := strings.IndexFunc(s, quickSpace) >= 0
	if got := hasQuickSpace(s); got != space {
		t.Fatalf("hasQuickSpace(%q) = %v, want %v", s, got, space)
	}
	if got, want := plainText(s), !space && utf8.ValidString(s); got != want {
		t.Fatalf("plainText(%q) = %v, want %v", s, got, want)
	}
}

// TestScanTextMatchesLibrary checks scanText against utf8.ValidString and
// a count of control bytes.
func TestScanTextMatchesLibrary(t *testing.T) {
	for _, s := range append(scanSamples(20000), "\x00", "a\x01\x02b", "\r\n\t\f", "中\xe4\xb8", "\xe4\xb8\xad\x00") {
		checkScanText(t, s)
	}
}

func FuzzScanText(f *testing.F) {
	for _, s := range scanSamples(50) {
		f.Add(s)
	}
	f.Fuzz(checkScanText)
}

func checkScanText(t *testing.T, s string) {
	want := textStats{valid: utf8.ValidString(s)}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0:
			want.nul = true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			want.ctrl++
		}
	}
	if got := scanText(s); got != want {
		t.Fatalf("scanText(%q) = %+v, want %+v", s, got, want)
	}
}

func TestDecodeRuneMatchesLibrary(t *testing.T) {
	check := func(s string) {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %q, %d; want %q, %d", s, i, r, n, wr, wn)
			}
		}
	}
	for _, s := range scanSamples(5000) {
		check(s)
	}
	for r := rune(0); r <= unicode.MaxRune; r += 7 {
		e := string(r)
		check(e + "a")
		check(e[:len(e)-1])
	}
	for _, s := range []string{"\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbf", "\xe1\x80"} { // surrogate, overlong, U+FFFF, short
		check(s)
	}
}

func FuzzBracketGroups(f *testing.F) {
	for _, s := range scanSamples(50) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendBracketGroups(nil, s), bracketGroupsByRune(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("appendBracketGroups(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestBracketAtEveryRune checks bracketAt on every rune against
// isOpenBracket and isCloseBracket.
func TestBracketAtEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r) + "x"
		kind, n := bracketAt(s, 0)
		want := 0
		if isOpenBracket(r) {
			want = 1
		} else if isCloseBracket(r) {
			want = -1
		}
		if kind != want || n != utf8.RuneLen(r) {
			t.Fatalf("bracketAt(%q) = %d, %d; want %d, %d", s, kind, n, want, utf8.RuneLen(r))
		}
	}
}

// stripSpaceByRunes is stripSpace as a plain loop over the runes (text
// without whitespace is returned as it is, invalid bytes and all).
func stripSpaceByRunes(s string) string {
	if strings.IndexFunc(s, quickSpace) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestStripSpaceMatchesRuneLoop(t *testing.T) {
	for _, s := range scanSamples(20000) {
		if got, want := stripSpace(s), stripSpaceByRunes(s); got != want {
			t.Fatalf("stripSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzStripSpace(f *testing.F) {
	for _, s := range scanSamples(50) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := stripSpace(s), stripSpaceByRunes(s); got != want {
			t.Fatalf("stripSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// trimPredicates are the predicates trimFunc is used with.
var trimPredicates = map[string]func(rune) bool{
	"isSpace": isSpace, "quickSpace": quickSpace, "isFieldSeparator": isFieldSeparator,
	"isCloseBracket": isCloseBracket, "isClauseSep": isClauseSep,
}

func checkTrim(t *testing.T, s string) {
	for name, f := range trimPredicates {
		if got, want := trimFunc(s, f), strings.TrimFunc(s, f); got != want {
			t.Fatalf("trimFunc(%q, %s) = %q, want %q", s, name, got, want)
		}
		if got, want := trimRightFunc(s, f), strings.TrimRightFunc(s, f); got != want {
			t.Fatalf("trimRightFunc(%q, %s) = %q, want %q", s, name, got, want)
		}
	}
}

func TestTrimFuncMatchesLibrary(t *testing.T) {
	for _, s := range append(scanSamples(20000), "中", "a中 ", " 中a", "中\xe4\xb8", "\x80\x80中") {
		checkTrim(t, s)
	}
	// the shortcut's premise: no predicate accepts an ASCII letter or
	// digit or an ideograph U+4000–U+9FFF
	for name, f := range trimPredicates {
		for r := rune(0x4000); r <= 0x9FFF; r++ {
			if f(r) {
				t.Fatalf("%s accepts %q", name, r)
			}
		}
		for _, r := range "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" {
			if f(r) {
				t.Fatalf("%s accepts %q", name, r)
			}
		}
	}
}

func FuzzTrimFunc(f *testing.F) {
	for _, s := range scanSamples(50) {
		f.Add(s)
	}
	f.Fuzz(checkTrim)
}
