package notation

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

// bracketGroupsByRune is the plain rune loop bracketGroups must agree with.
func bracketGroupsByRune(s string) []BracketSpan {
	var gs []BracketSpan
	depth, open := 0, 0
	for i, r := range s {
		switch {
		case IsOpenBracket(r):
			if depth == 0 {
				open = i
			}
			depth++
		case IsCloseBracket(r) && depth > 0:
			depth--
			if depth == 0 {
				_, n := utf8.DecodeRuneInString(s[open:])
				gs = append(gs, BracketSpan{Open: open, Inner: open + n, Close: i, End: i + utf8.RuneLen(r)})
			}
		}
	}
	return gs
}

func TestBracketGroupsMatchesRuneScan(t *testing.T) {
	for _, s := range scanSamples(20000) {
		if got, want := AppendBracketGroups(nil, s), bracketGroupsByRune(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("AppendBracketGroups(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzBracketGroups(f *testing.F) {
	for _, s := range scanSamples(50) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendBracketGroups(nil, s), bracketGroupsByRune(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("AppendBracketGroups(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestBracketAtEveryRune checks bracketAt on every rune against
// IsOpenBracket and IsCloseBracket.
func TestBracketAtEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r) + "x"
		kind, n := bracketAt(s, 0)
		want := 0
		if IsOpenBracket(r) {
			want = 1
		} else if IsCloseBracket(r) {
			want = -1
		}
		if kind != want || n != utf8.RuneLen(r) {
			t.Fatalf("bracketAt(%q) = %d, %d; want %d, %d", s, kind, n, want, utf8.RuneLen(r))
		}
	}
}
