package extract

import "unicode/utf8"

// Byte-level scans for the hot paths. Chinese text is almost all
// three-byte UTF-8; these loops look at lead bytes and decode only where a
// character of interest can start, with the same results as ranging over
// the runes (a valid sequence always starts at a lead byte, so a rune loop
// lands on it too).

// hasQuickSpace reports whether s holds a character quickSpace accepts;
// it is strings.IndexFunc(s, quickSpace) >= 0.
func hasQuickSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7F {
				return true
			}
			continue
		}
		switch c {
		case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: // the lead bytes of non-ASCII spaces
			if r, _ := utf8.DecodeRuneInString(s[i:]); quickSpace(r) {
				return true
			}
		}
	}
	return false
}

// plainText reports whether s is valid UTF-8 without whitespace, so that
// cleanText would return it unchanged.
func plainText(s string) bool {
	return !hasQuickSpace(s) && utf8.ValidString(s)
}
