package html

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tidy is a paragraph's text as a browser shows it, but for line breaks
// of the source: runs of white space (spaces, tabs, no-break spaces)
// become one space, and a run that holds a line break is dropped when a
// Chinese character or full-width punctuation stands beside it — the
// source was wrapped there, between ideographs, where a browser's space
// is an artefact. A space typed between two names ("市发改委 市财政局")
// stays. The ideographic space U+3000 is text and stays, but at the ends.
func tidy(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, wrapped := false, false
	for _, r := range s {
		if r == 0 {
			continue
		}
		if isCollapsible(r) {
			space = true
			wrapped = wrapped || r == '\n' || r == '\r'
			continue
		}
		if space {
			if b.Len() > 0 && !(wrapped && (wide(r) || wide(lastRune(b.String())))) {
				b.WriteByte(' ')
			}
			space, wrapped = false, false
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
