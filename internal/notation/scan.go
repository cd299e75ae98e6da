package notation

import (
	"strings"
	"unicode/utf8"
)

// Byte-level scans for the hot paths. Chinese text is almost all
// three-byte UTF-8; these loops look at lead bytes and decode only where a
// character of interest can start, with the same results as ranging over
// the runes (a valid sequence always starts at a lead byte, so a rune loop
// lands on it too).

// HasQuickSpace reports whether s holds a character QuickSpace accepts;
// it is strings.IndexFunc(s, QuickSpace) >= 0. The non-ASCII spaces are
// matched by their bytes: U+0085 and U+00A0 (C2 85, C2 A0), U+1680
// (E1 9A 80), U+2000–U+200D, U+2028, U+2029, U+202F (E2 80 xx), U+205F,
// U+2060 (E2 81 9F/A0), U+3000 (E3 80 80) and U+FEFF (EF BB BF).
func HasQuickSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7F {
				return true
			}
			continue
		}
		if j := HanRun(s, i); j > i {
			i = j - 1
			continue
		}
		if c >= 0xC2 && c <= 0xEF && spaceAt(s, i) {
			return true
		}
	}
	return false
}

// HanRun returns the end of the run of three-byte characters with lead
// bytes E4–E9 (U+4000–U+9FFF: CJK ideographs, no punctuation, bracket or
// space) that starts at s[i]; i when none starts there. For such a lead
// byte, two continuation bytes are all that makes the character valid.
func HanRun(s string, i int) int {
	for i >= 0 && i < len(s)-2 { // written so that the compiler drops the bounds checks
		b := s[i : i+3]
		if b[0]-0xE4 > 0xE9-0xE4 || (uint(b[2])<<8|uint(b[1]))&0xC0C0 != 0x8080 {
			break
		}
		i += 3
	}
	return i
}

// spaceAt reports whether the non-ASCII space characters of QuickSpace
// start at s[i].
func spaceAt(s string, i int) bool {
	var b1, b2 byte
	if i+1 < len(s) {
		b1 = s[i+1]
	}
	if i+2 < len(s) {
		b2 = s[i+2]
	}
	switch s[i] {
	case 0xC2:
		return b1 == 0x85 || b1 == 0xA0
	case 0xE1:
		return b1 == 0x9A && b2 == 0x80
	case 0xE2:
		if b1 == 0x80 {
			return b2 >= 0x80 && b2 <= 0x8D || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF
		}
		return b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0)
	case 0xE3:
		return b1 == 0x80 && b2 == 0x80
	case 0xEF:
		return b1 == 0xBB && b2 == 0xBF
	}
	return false
}

// PlainText reports whether s is valid UTF-8 without whitespace, so that
// CleanText would return it unchanged. It checks both in one pass: most
// of a notice is three-byte characters with lead bytes E4–E9, whose two
// continuation bytes are all there is to check.
func PlainText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c <= ' ' || c == 0x7F {
				return false
			}
			i++
			continue
		case c >= 0xE4 && c <= 0xE9:
			if j := HanRun(s, i); j > i {
				i = j
				continue
			}
		}
		if spaceAt(s, i) {
			return false
		}
		_, n := DecodeRune(s, i)
		if n == 1 {
			return false // invalid (a lead byte was checked above)
		}
		i += n
	}
	return true
}

// TextStats is what checkText needs to know of a text: whether it is valid
// UTF-8, holds a NUL byte, and how many other control characters.
type TextStats struct {
	Valid bool
	NUL   bool
	Ctrl  int
}

// ScanText reads s once for TextStats.
func ScanText(s string) TextStats {
	st := TextStats{Valid: true}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c < 0x20 {
				switch c {
				case 0:
					st.NUL = true
				case '\n', '\r', '\t', '\f':
				default:
					st.Ctrl++
				}
			}
			i++
			continue
		case c >= 0xE4 && c <= 0xE9:
			if j := HanRun(s, i); j > i {
				i = j
				continue
			}
		}
		_, n := DecodeRune(s, i)
		if n == 1 {
			st.Valid = false
		}
		i += n
	}
	return st
}

// DecodeRune is utf8.DecodeRuneInString(s[i:]) with the three-byte
// characters of Chinese text decoded inline.
func DecodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// plainAt reports whether the character at s[i:] is an ASCII letter or
// digit or a CJK ideograph (lead byte E4–E9), which none of the trimming
// predicates of this package accept.
func plainAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return HanRun(s, i) > i
}

// plainEnd reports whether s ends with a character plainAt accepts.
func plainEnd(s string) bool {
	n := len(s)
	if c := s[n-1]; c < utf8.RuneSelf {
		return plainAt(s, n-1)
	}
	return n >= 3 && HanRun(s, n-3) == n
}

// TrimFunc is strings.TrimFunc for predicates that accept no ASCII letter
// or digit and no ideograph: text that starts and ends with one (most
// text) is returned without decoding its ends.
func TrimFunc(s string, f func(rune) bool) string {
	if s == "" || plainAt(s, 0) && plainEnd(s) {
		return s
	}
	return strings.TrimFunc(s, f)
}

// TrimRightFunc is strings.TrimRightFunc with TrimFunc's shortcut.
func TrimRightFunc(s string, f func(rune) bool) string {
	if s == "" || plainEnd(s) {
		return s
	}
	return strings.TrimRightFunc(s, f)
}
