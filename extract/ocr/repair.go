package ocr

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/duban/duban/internal/notation"
)

// halfToFull maps the ASCII punctuation tesseract writes for Chinese
// punctuation to the full-width form a Chinese notice uses.
var halfToFull = map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

// repair undoes what OCR does to Chinese text: spaces between ideographs
// (and between ideographs and digits or punctuation), ASCII punctuation
// beside Chinese text where the notice has full-width punctuation, 丶 read
// for 、, a full stop after Chinese text read as ".", a semicolon read for
// the colon after a field label (责任单位；), and square brackets read for
// 〔〕.
func repair(s string) string {
	rs := []rune(strings.ReplaceAll(s, "丶", "、"))
	rs = dropSpaces(rs)
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
	squareBrackets(rs)
	angleBrackets(rs)
	monthEnd(rs)
	out := string(dropSpaces(labelColons(rs)))
	if m := lostOpen.FindStringIndex(out); m != nil {
		out = "（" + out // "六）深化…": the （ of an outline number lost
	}
	return docNumber.ReplaceAllString(out, "${1}〔${2}〕${3}号")
}

// lostOpen is an outline number that lost its opening bracket.
var lostOpen = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}[）)]`)

// docNumber is a 文号 whose brackets OCR lost or mangled ("连政办发2024]j
// 22号", "发[2024]22号").
var docNumber = regexp.MustCompile(`([发字函])\s*[\[【〔（(]?\s*((?:19|20)\d{2})\s*[\]】〕）)][A-Za-z|]?\s*(\d{1,4})\s*号`)

// dropSpaces removes spaces touching a CJK character or full-width
// punctuation and collapses the others.
func dropSpaces(rs []rune) []rune {
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
	return out
}

// labelColons repairs the colon after a field label opening a clause
// ("（责任单位；", "（责任单位，", "（责任单位东海县"): the mark read in its
// place becomes the colon, a missing one is put back.
func labelColons(rs []rune) []rune {
	out := make([]rune, 0, len(rs)+4)
	for i := 0; i < len(rs); i++ {
		out = append(out, rs[i])
		if !clauseStart(rs, i+1) {
			continue
		}
		// a label starting at i+1?
		for k := 6; k >= 2; k-- {
			if i+1+k > len(rs) {
				continue
			}
			cand := string(rs[i+1:i+1+k]) + "："
			if _, n, ok := notation.LabelAt(cand); !ok || n != len(cand) {
				continue
			}
			out = append(out, rs[i+1:i+1+k]...)
			i += k
			switch next := at(rs, i+1); {
			case next == '：' || next == ':':
			case strings.ContainsRune("；;，,、.。", next):
				i++
				out = append(out, '：')
			case unicode.Is(unicode.Han, next):
				out = append(out, '：')
			}
			break
		}
	}
	return out
}

// clauseStart: a field clause may start at i (after an opening bracket or
// a separator).
func clauseStart(rs []rune, i int) bool {
	return i > 0 && i < len(rs) && strings.ContainsRune("（(〔【[，,；;", rs[i-1])
}

func at(rs []rune, i int) rune {
	if i < len(rs) {
		return rs[i]
	}
	return 0
}

// angleBrackets: 《 or 〈 closed by ） was a （ read wrongly.
func angleBrackets(rs []rune) {
	for i, r := range rs {
		if r != '《' && r != '〈' {
			continue
		}
		for j := i + 1; j < len(rs); j++ {
			if c := rs[j]; c == '）' || c == ')' {
				rs[i] = '（'
				break
			} else if c == '》' || c == '〉' || c == '（' || c == '(' {
				break
			}
		}
	}
}

// monthEnd: "4月确前" — one unknown character between 月 and 前 after a
// month number is 底 misread (the other forms, 月末前 and 月中旬前, are
// kept).
func monthEnd(rs []rune) {
	for i := 1; i+2 < len(rs); i++ {
		if rs[i] == '月' && unicode.IsDigit(rs[i-1]) && rs[i+2] == '前' && !strings.ContainsRune("底末中上下旬初", rs[i+1]) {
			rs[i+1] = '底'
		}
	}
}

// squareBrackets: tesseract reads 〔 and 〕 as [, 【, ［ and ], 】, ］, mixing
// them; a pair of those (other than 【…】 as written) becomes 〔…〕.
func squareBrackets(rs []rune) {
	open := -1
	for i, r := range rs {
		switch r {
		case '[', '【', '［', '〔':
			open = i
		case ']', '】', '］', '〕':
			if open >= 0 && !(rs[open] == '【' && r == '】') && (hasWide(rs[open+1:i]) || nearWide(rs, open) || nearWide(rs, i)) {
				rs[open], rs[i] = '〔', '〕'
			}
			open = -1
		}
	}
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
