package notation

import "unicode/utf8"

// The brackets of notices, all in this file. Clauses and inline
// assignments are bracketed with the clause set (IsOpenBracket,
// IsCloseBracket; bracketAt reads the same set on the bytes); unit names
// may also hold the name set (isOpener, isCloser: the clause set and
// {｛〈《「『), whose separators SplitUnits leaves alone.

// IsOpenBracket and IsCloseBracket recognise the brackets notices use
// around clauses, in any mix of widths.
func IsOpenBracket(r rune) bool {
	switch r {
	case '（', '(', '〔', '[', '［', '【':
		return true
	}
	return false
}

func IsCloseBracket(r rune) bool {
	switch r {
	case '）', ')', '〕', ']', '］', '】':
		return true
	}
	return false
}

// OpenBrackets counts the brackets s leaves open.
func OpenBrackets(s string) int {
	open := 0
	for _, r := range s {
		switch {
		case IsOpenBracket(r):
			open++
		case IsCloseBracket(r) && open > 0:
			open--
		}
	}
	return open
}

// BracketSpan is one top-level bracket group of a text: byte offsets of its
// opening bracket, its inside, its closing bracket and the end.
type BracketSpan struct{ Open, Inner, Close, End int }

// AppendBracketGroups appends to gs the top-level bracket groups of s
// (a caller can lend a buffer on its stack); any closing bracket closes
// any opening one, as notices mix （ and ).
func AppendBracketGroups(gs []BracketSpan, s string) []BracketSpan {
	depth, open := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c-0xE4 <= 0xE9-0xE4 { // ideographs: no brackets
			if j := HanRun(s, i); j > i {
				i = j
				continue
			}
		}
		kind, n := bracketAt(s, i)
		switch {
		case kind > 0:
			if depth == 0 {
				open = i
			}
			depth++
		case kind < 0 && depth > 0:
			depth--
			if depth == 0 {
				_, on := bracketAt(s, open)
				gs = append(gs, BracketSpan{Open: open, Inner: open + on, Close: i, End: i + n})
			}
		}
		i += n
	}
	return gs
}

// bracketAt reads the character at s[i] as IsOpenBracket and
// IsCloseBracket would: kind is 1 for an opening bracket, -1 for a
// closing one, 0 for anything else; n is the character's length (1 for a
// byte that starts no valid character). The full-width brackets are
// matched by their bytes: （ ） ［ ］ are EF BC 88/89/BB/BD, 【 】 〔 〕
// E3 80 90/91/94/95.
func bracketAt(s string, i int) (kind, n int) {
	c := s[i]
	switch c {
	case '(', '[':
		return 1, 1
	case ')', ']':
		return -1, 1
	case 0xE3, 0xEF:
		if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			return 0, 1
		}
		switch b1, b2 := s[i+1], s[i+2]; {
		case c == 0xEF && b1 == 0xBC && (b2 == 0x88 || b2 == 0xBB),
			c == 0xE3 && b1 == 0x80 && (b2 == 0x90 || b2 == 0x94):
			return 1, 3
		case c == 0xEF && b1 == 0xBC && (b2 == 0x89 || b2 == 0xBD),
			c == 0xE3 && b1 == 0x80 && (b2 == 0x91 || b2 == 0x95):
			return -1, 3
		}
		return 0, 3
	}
	if c < utf8.RuneSelf {
		return 0, 1
	}
	_, n = DecodeRune(s, i)
	return 0, n
}

// isOpener reports whether r opens a bracket that may appear in a unit
// name: ( （ 〔 [ 【 ［ { ｛ 〈 《 「 『.
func isOpener(r rune) bool {
	switch r {
	case '(', '（', '〔', '[', '【', '［', '{', '｛', '〈', '《', '「', '『':
		return true
	}
	return false
}

// isCloser reports whether r closes one of isOpener's brackets.
func isCloser(r rune) bool {
	switch r {
	case ')', '）', '〕', ']', '】', '］', '}', '｝', '〉', '》', '」', '』':
		return true
	}
	return false
}
