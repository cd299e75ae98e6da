package notation

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsCJK reports whether r is a character of Chinese running text: a Han
// ideograph, CJK punctuation (U+3000–U+303F), a full-width form
// (U+FF00–U+FFEF) or one of the other CJK blocks (kana, bopomofo, CJK
// compatibility, enclosed CJK).
func IsCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // half- and full-width forms
		return true
	case r >= 0x3040 && r <= 0x31FF: // kana, bopomofo, CJK strokes
		return true
	case r >= 0x3200 && r <= 0x33FF: // enclosed CJK, compatibility
		return true
	case r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	}
	return false
}

// IsCJKQuote reports whether r is punctuation that Chinese text shares with
// Western text (curly quotes, dashes, ellipsis, middle dot). Whitespace
// next to it is dropped only when the other side is CJK.
func IsCJKQuote(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '—', '–', '…', '·', '•', '●', '■', '□', '★', '☆', '※', '→', '√', '×', '℃', '‰':
		return true
	}
	return false
}

// IsSpace reports whether r is whitespace, including the ideographic space
// U+3000, no-break spaces and zero-width characters that PDF and Word text
// carry.
func IsSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || r >= '\t' && r <= '\r'
	case r > 0x3000: // ideographs and the rest: only the BOM
		return r == '\uFEFF'
	}
	switch r {
	case '\u00A0', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\u202F', '\u2007':
		return true
	}
	return unicode.IsSpace(r)
}

// StripSpace removes every whitespace character from s (including U+3000,
// no-break and zero-width spaces). Unit names and deadline texts are kept
// this way.
func StripSpace(s string) string {
	if !HasQuickSpace(s) { // QuickSpace holds every IsSpace character
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	from := 0 // start of the text not yet written
	for i := 0; i < len(s); {
		if j := HanRun(s, i); j > i {
			i = j
			continue
		}
		r, n := DecodeRune(s, i)
		switch {
		case IsSpace(r):
			b.WriteString(s[from:i])
			from = i + n
		case r == utf8.RuneError && n == 1:
			b.WriteString(s[from:i])
			b.WriteRune(r) // as ranging over s would give it
			from = i + n
		}
		i += n
	}
	b.WriteString(s[from:])
	return b.String()
}

// joinable reports whether a run of whitespace between the characters l and
// r is a line-wrap or justification artefact to be removed. lLone and rLone
// say whether l (r) stands alone between whitespace (or CJK) on its far
// side, which is how justified PDF text spaces out digit runs ("2 0 2 4").
func joinable(l, r rune, lLone, rLone bool) bool {
	lc, rc := IsCJK(l), IsCJK(r)
	switch {
	case lc && rc:
		return true
	case lc || rc:
		// CJK next to anything that is not a Latin letter or ASCII
		// punctuation follows Chinese typesetting: no space.
		o := r
		if rc {
			o = l
		}
		return IsASCIIDigit(o) || IsCJKQuote(o) || IsASCIIPunct(o) || IsLatinLetter(o)
	case IsASCIIDigit(l) && IsASCIIDigit(r):
		return lLone || rLone
	case IsASCIIDigit(l) && IsLatinLetter(r), IsLatinLetter(l) && IsASCIIDigit(r):
		// "5 G" spaced out by justification; "Windows 10" keeps its space.
		return lLone && rLone
	case l == '“' || l == '‘':
		// “ 2+1 ”: an opening quote hugs what it quotes…
		return IsCJKQuote(r) || IsASCIIDigit(r) || IsLatinLetter(r)
	case r == '”' || r == '’':
		// …and so does a closing one.
		return IsCJKQuote(l) || IsASCIIDigit(l) || IsLatinLetter(l)
	case IsASCIIDigit(l) && IsASCIIPunct(r), IsASCIIPunct(l) && IsASCIIDigit(r):
		// "2 + 1", "3 . 5" spaced out by justification.
		return lLone && rLone
	}
	return false
}

func IsLatinLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// IsASCIIPunct reports whether r is ASCII punctuation or a symbol (+ = %).
func IsASCIIPunct(r rune) bool {
	return r < 0x80 && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

// CleanText repairs the spacing that line wrapping and justified layout
// leave in Chinese text: whitespace between two CJK characters (ideographs,
// CJK punctuation, full-width forms), and between CJK and digits, Latin
// letters or ASCII punctuation, is removed; spaced-out digit runs are
// rejoined; the rest is trimmed and collapsed to single spaces, so spaces
// between Latin words stay.
func CleanText(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	// The runes are read off s as a []rune would hold them (an invalid
	// byte is one U+FFFD); n counts those read. prev is the last rune
	// written, last the last one read (a whitespace run reads as ' '),
	// before the one read just ahead of prev.
	var prev, last, before rune
	havePrev := false
	n := 0
	for i := 0; i < len(s); {
		if j := HanRun(s, i); j > i {
			// A run of ideographs is copied whole.
			b.WriteString(s[i:j])
			k := (j - i) / 3
			if k >= 2 {
				last, _ = DecodeRune(s, j-6)
			}
			before = last
			prev, _ = DecodeRune(s, j-3)
			last, havePrev = prev, true
			n += k
			i = j
			continue
		}
		r, size := DecodeRune(s, i)
		if !IsSpace(r) {
			if r == utf8.RuneError && size == 1 {
				b.WriteRune(r)
			} else {
				b.WriteString(s[i : i+size])
			}
			before, prev, last, havePrev = last, r, r, true
			n++
			i += size
			continue
		}
		// A run of whitespace from i to j; next is the rune after it.
		runStart := n
		j := i
		var next rune
		nextSize := 0
		for j < len(s) {
			next, nextSize = utf8.DecodeRuneInString(s[j:])
			if !IsSpace(next) {
				break
			}
			j += nextSize
			n++
			nextSize = 0
		}
		last = ' '
		if !havePrev || nextSize == 0 {
			i = j // leading or trailing whitespace
			continue
		}
		lLone := runStart < 2 || IsSpace(before) || IsCJK(before)
		after, _ := utf8.DecodeRuneInString(s[j+nextSize:])
		rLone := j+nextSize >= len(s) || IsSpace(after) || IsCJK(after)
		if !joinable(prev, next, lLone, rLone) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// QuickSpace reports whether r is whitespace, as IsSpace does, without a
// Unicode table lookup for the common characters of Chinese text.
func QuickSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r <= ' ' || r == 0x7F
	case r < 0x2000:
		return r == 0x85 || r == 0xA0 || r == 0x1680
	case r <= 0x200D:
		return true
	}
	switch r {
	case 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF:
		return true
	}
	return false
}
