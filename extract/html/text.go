package html

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tidy is a paragraph's text as a browser shows it: runs of white space
// (line breaks of the source, tabs, no-break spaces) become one space, and
// a space beside a Chinese character or full-width punctuation goes — the
// source's line breaks fall between ideographs, where a browser shows none
// either. The ideographic space U+3000 is text and stays.
func tidy(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == 0 {
			continue
		}
		if isCollapsible(r) {
			space = true
			continue
		}
		if space {
			if b.Len() > 0 && !wide(r) && !wide(lastRune(b.String())) {
				b.WriteByte(' ')
			}
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), func(r rune) bool { return r == '\u3000' })
}

// isCollapsible reports whether r is white space HTML collapses.
func isCollapsible(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u200b', '\ufeff':
		return true
	}
	return false
}

// wide reports whether r is a Chinese character or full-width punctuation,
// beside which a collapsed space is dropped.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		r >= 0x3000 && r <= 0x303f || // CJK punctuation
		r >= 0xff00 && r <= 0xffef || // full-width forms
		r >= 0x2018 && r <= 0x201f || // curly quotes as Chinese text uses them
		r == 0x2014 || r == 0x2026 || r == 0x00b7 // dash, ellipsis, middle dot
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
