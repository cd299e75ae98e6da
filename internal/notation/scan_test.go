package notation

import (
	"math/rand"
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
		want := strings.IndexFunc(s, QuickSpace) >= 0
		if got := HasQuickSpace(s); got != want {
			t.Fatalf("HasQuickSpace(%q) = %v, want %v", s, got, want)
		}
		if got, want := PlainText(s), !want && utf8.ValidString(s); got != want {
			t.Fatalf("PlainText(%q) = %v, want %v", s, got, want)
		}
	}
}

// cleanTextByRunes is CleanText as first written, over a []rune: the
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
		if !IsSpace(rs[i]) {
			b.WriteRune(rs[i])
			prev = rs[i]
			havePrev = true
			i++
			continue
		}
		j := i
		for j < len(rs) && IsSpace(rs[j]) {
			j++
		}
		if !havePrev || j == len(rs) {
			i = j
			continue
		}
		next := rs[j]
		lLone := i < 2 || IsSpace(rs[i-2]) || IsCJK(rs[i-2])
		rLone := j+1 >= len(rs) || IsSpace(rs[j+1]) || IsCJK(rs[j+1])
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
		if got, want := CleanText(s), cleanTextByRunes(s); got != want {
			t.Fatalf("CleanText(%q) = %q, want %q", s, got, want)
		}
	}
}

// isSpaceByTable is IsSpace as first written.
func isSpaceByTable(r rune) bool {
	switch r {
	case '\u00A0', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202F', '\u2007':
		return true
	}
	return unicode.IsSpace(r)
}

func TestIsSpaceMatchesTable(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if IsSpace(r) != isSpaceByTable(r) {
			t.Fatalf("IsSpace(%U) = %v", r, IsSpace(r))
		}
	}
}

// TestQuickSpaceCoversIsSpace backs StripSpace's fast path: text without a
// QuickSpace character has no IsSpace character either.
func TestQuickSpaceCoversIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if IsSpace(r) && !QuickSpace(r) {
			t.Fatalf("IsSpace(%U) but not QuickSpace", r)
		}
	}
}

// TestScansEveryRune checks HasQuickSpace and PlainText on every rune
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
	space := strings.IndexFunc(s, QuickSpace) >= 0
	if got := HasQuickSpace(s); got != space {
		t.Fatalf("HasQuickSpace(%q) = %v, want %v", s, got, space)
	}
	if got, want := PlainText(s), !space && utf8.ValidString(s); got != want {
		t.Fatalf("PlainText(%q) = %v, want %v", s, got, want)
	}
}

// TestScanTextMatchesLibrary checks ScanText against utf8.ValidString and
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
	want := TextStats{Valid: utf8.ValidString(s)}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0:
			want.NUL = true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			want.Ctrl++
		}
	}
	if got := ScanText(s); got != want {
		t.Fatalf("ScanText(%q) = %+v, want %+v", s, got, want)
	}
}

func TestDecodeRuneMatchesLibrary(t *testing.T) {
	check := func(s string) {
		for i := 0; i < len(s); i++ {
			r, n := DecodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("DecodeRune(%q, %d) = %q, %d; want %q, %d", s, i, r, n, wr, wn)
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

// stripSpaceByRunes is StripSpace as a plain loop over the runes (text
// without whitespace is returned as it is, invalid bytes and all).
func stripSpaceByRunes(s string) string {
	if strings.IndexFunc(s, QuickSpace) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestStripSpaceMatchesRuneLoop(t *testing.T) {
	for _, s := range scanSamples(20000) {
		if got, want := StripSpace(s), stripSpaceByRunes(s); got != want {
			t.Fatalf("StripSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzStripSpace(f *testing.F) {
	for _, s := range scanSamples(50) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := StripSpace(s), stripSpaceByRunes(s); got != want {
			t.Fatalf("StripSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// trimPredicates are the predicates TrimFunc is used with.
var trimPredicates = map[string]func(rune) bool{
	"IsSpace": IsSpace, "QuickSpace": QuickSpace, "IsFieldSeparator": IsFieldSeparator,
	"IsCloseBracket": IsCloseBracket, "IsClauseSep": IsClauseSep,
}

func checkTrim(t *testing.T, s string) {
	for name, f := range trimPredicates {
		if got, want := TrimFunc(s, f), strings.TrimFunc(s, f); got != want {
			t.Fatalf("TrimFunc(%q, %s) = %q, want %q", s, name, got, want)
		}
		if got, want := TrimRightFunc(s, f), strings.TrimRightFunc(s, f); got != want {
			t.Fatalf("TrimRightFunc(%q, %s) = %q, want %q", s, name, got, want)
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
