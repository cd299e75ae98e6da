package ocr

import (
	"strings"
	"unicode"
)

// halfToFull maps the ASCII punctuation tesseract writes for Chinese
// punctuation to the full-width form a Chinese notice uses.
var halfToFull = map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

// repair undoes what OCR does to Chinese text: spaces between ideographs
// (and between ideographs and digits or punctuation), ASCII punctuation
// beside Chinese text where the notice has full-width punctuation, 丶 read
// for 、, and a full stop after Chinese text read as ".".
func repair(s string) string {
	rs := []rune(strings.ReplaceAll(s, "丶", "、"))
	// Spaces touching a CJK character or full-width punctuation go.
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if unicode.IsSpace(r) {
			var prev, next rune
			if len(out) > 0 {
				prev = out[len(out)-1]
			}
			for j := i + 1; j < len(rs); j++ {
				if !unicode.IsSpace(rs[j]) {
					next = rs[j]
					break
				}
			}
			if prev == 0 || next == 0 || wide(prev) || wide(next) || unicode.IsSpace(prev) {
				continue
			}
			r = ' '
		}
		out = append(out, r)
	}
	rs = out
	// Brackets change in pairs: a pair holding or touching Chinese text
	// becomes full-width; the rest of the punctuation by its neighbours.
	open := -1
	for i, r := range rs {
		switch r {
		case '(':
			open = i
		case ')':
			if open >= 0 && (hasWide(rs[open+1:i]) || nearWide(rs, open) || nearWide(rs, i)) {
				rs[open], rs[i] = '（', '）'
			}
			open = -1
		}
	}
	for i, r := range rs {
		f, ok := halfToFull[r]
		switch {
		case r == '(' || r == ')':
			if nearWide(rs, i) && !hasPair(rs, i) {
				rs[i] = f
			}
		case ok:
			if nearWide(rs, i) && !(r == ':' && digitsAround(rs, i)) {
				rs[i] = f
			}
		case r == '.':
			if i > 0 && unicode.Is(unicode.Han, rs[i-1]) && (i+1 == len(rs) || wide(rs[i+1])) {
				rs[i] = '。'
			}
		}
	}
	return string(rs)
}

// wide reports CJK characters and full-width punctuation.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

func hasWide(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func nearWide(rs []rune, i int) bool {
	return (i > 0 && wide(rs[i-1])) || (i+1 < len(rs) && wide(rs[i+1]))
}

// hasPair reports whether an ASCII bracket at i has its partner on the
// same text (then the pair was left as written).
func hasPair(rs []rune, i int) bool {
	if rs[i] == '(' {
		return strings.ContainsRune(string(rs[i+1:]), ')')
	}
	return strings.ContainsRune(string(rs[:i]), '(')
}

func digitsAround(rs []rune, i int) bool {
	return i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])
}
