package notation

import (
	"strings"
	"unicode/utf8"
)

// Text converted from a justified PDF (pdftotext without -layout) may
// space out every character of a line: "完 成 时 限 ： 6 月 底 前". Such a
// line has its spacing repaired (CleanText) before the structure parser
// reads it, so that labels, numbers and brackets are found. A line is
// spaced out when most pairs of neighbouring CJK characters stand one
// space apart; lines that only separate a few words (a signature and a
// date, "市发改委　市财政局") are left as they are.

// minSpacedPairs is the fewest spaced CJK pairs a spaced-out line holds.
const minSpacedPairs = 4

// UnspaceLine repairs a spaced-out line and returns other lines unchanged.
func UnspaceLine(s string) string {
	// A spaced-out CJK line has a space for every character (3 bytes):
	// lines with far fewer spaces are not read further.
	// (pdftotext spaces characters out with ASCII spaces.)
	if len(s) < 4*minSpacedPairs {
		return s
	}
	spaces := strings.Count(s, " ")
	if spaces < minSpacedPairs || 6*spaces < len(s) || !IsSpacedOut(s) {
		return s
	}
	return CleanText(s)
}

// IsSpacedOut reports whether most neighbouring CJK characters of s are
// one space apart.
func IsSpacedOut(s string) bool {
	spaced, tight := 0, 0
	var prev rune // last non-space rune
	gap := 0      // spaces since prev
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if IsSpace(r) {
			gap++
			continue
		}
		if r >= 0x3000 && prev >= 0x3000 { // CJK, roughly: a cheap test suffices here
			switch gap {
			case 0:
				tight++
			case 1:
				spaced++
			}
		}
		prev, gap = r, 0
	}
	return spaced >= minSpacedPairs && spaced > 2*tight
}
