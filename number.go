package duban

import (
	"strings"
	"unicode/utf8"
)

// Number is the task's number as a person reads it in a document: its
// outline markers written one after the other, the way an office cites an
// item of a notice, without the dots of the record id (an internal key,
// kept unchanged in JSON, CSV, the store and the hidden sheets):
//
//	path 四 （一） 3      id 四.（一）.3     → 四（一）3
//	path 二 （二）        id 二.（二）       → 二（二）
//	path 二 （二）        id 二.（二）#2     → 二（二）第2项 (the second task the notice closes under 二（二）)
//	path 一 1            id 一.1           → 一、1 (two bare numbers keep the notice's 、 between them)
//	path 1 （1） ①        id 1.（1）.①      → 1（1）①
//	path 1 1             id 1.1            → 1-1 (two arabic numbers; "1." then "1）" in the notice)
//	path 3 or 一          id 3 or 一         → 3 or 一 (arabic-only paths, a table's 序号, stay as written)
//
// A task without a path (added by a person, split from another) is
// numbered from its id the same way: 补1 stays 补1, 四.（一）.3-2 reads
// 四（一）3-2.
func (t Task) Number() string {
	segs, rest := t.Path, ""
	if len(segs) == 0 {
		base := t.ID
		if i := strings.IndexByte(base, '#'); i >= 0 {
			base, rest = base[:i], base[i:]
		}
		if base != "" {
			segs = strings.Split(base, ".")
		}
	} else if tail, ok := strings.CutPrefix(t.ID, strings.Join(segs, ".")); ok {
		rest = tail
	}
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteString(numberJoint(segs[i-1], s))
		}
		b.WriteString(s)
	}
	if k, ok := strings.CutPrefix(rest, "#"); ok {
		n := 0
		for n < len(k) && k[n] >= '0' && k[n] <= '9' {
			n++
		}
		if n > 0 {
			b.WriteString("第" + k[:n] + "项")
			rest = k[n:]
		}
	}
	b.WriteString(rest)
	return b.String()
}

// numberJoint is what goes between two markers of a number: nothing where
// a bracket or a circled digit already sets them apart, "-" between two
// arabic numbers, else the 、 the notice writes after a bare number.
func numberJoint(a, b string) string {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	switch {
	case a == "" || b == "":
		return ""
	case last == '）' || last == ')' || first == '（' || first == '(' || circled(last) || circled(first):
		return ""
	case asciiDigit(last) && asciiDigit(first):
		return "-"
	}
	return "、"
}

func circled(r rune) bool    { return r >= '①' && r <= '⑳' }
func asciiDigit(r rune) bool { return r >= '0' && r <= '9' }
