package extract

import (
	"strings"
	"unicode/utf8"
)

// markerKind is a style of outline number. A notice nests them in any
// order it likes; the parser gives each kind the depth at which it first
// appears under its parent.
type markerKind int

const (
	markNone        markerKind = iota
	markCN                     // 一、 一． 一.
	markParenCN                // （一） (一)
	markArabic                 // 1. 1、 1．
	markParenArabic            // （1） (1)
	markArabicParen            // 1） 1)
	markCircled                // ①
)

// isCNNumeral reports whether r is a digit of a Chinese outline number.
func isCNNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零', '〇', '两':
		return true
	}
	return false
}

// digitValue gives the value of an ASCII or full-width digit.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// parseMarker reads the outline number at the start of s: its kind, its
// canonical form (一, （一）, 1, （1）, ①) and the text after it. Decimal
// numbers ("1.5亿元"), years ("2024年") and the like are not markers.
func parseMarker(s string) (kind markerKind, canon, rest string) {
	s = strings.TrimLeftFunc(s, isSpace)
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳':
		return markCircled, string(r), s[size:]
	case r == '（' || r == '(':
		return parseParenMarker(s, size)
	case isCNNumeral(r):
		i := 0
		for i < len(s) && i < 12 {
			c, n := utf8.DecodeRuneInString(s[i:])
			if !isCNNumeral(c) {
				break
			}
			i += n
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		if c == '、' || c == '．' || c == '.' {
			return markCN, s[:i], s[i+n:]
		}
	default:
		if _, ok := digitValue(r); !ok {
			return markNone, "", s
		}
		var digits [3]byte // a marker has at most three digits
		nd, i := 0, 0
		for i < len(s) {
			c, n := utf8.DecodeRuneInString(s[i:])
			v, ok := digitValue(c)
			if !ok {
				break
			}
			if nd == len(digits) {
				return markNone, "", s
			}
			digits[nd] = byte('0' + v)
			nd++
			i += n
		}
		num := s[:i] // ASCII digits are their own canonical form
		if i != nd {
			num = string(digits[:nd])
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		after := s[i+n:]
		switch c {
		case '.', '．':
			if next, _ := utf8.DecodeRuneInString(after); next != utf8.RuneError {
				if _, isDigit := digitValue(next); isDigit && !startsDate(after) {
					return markNone, "", s
				}
			}
			return markArabic, num, after
		case '、':
			return markArabic, num, after
		case '）', ')':
			return markArabicParen, num, after
		}
	}
	return markNone, "", s
}

// startsDate reports whether s opens with a year or a month ("2024年",
// "4 月15日前"): after "1." such digits start the item's text ("1.4月底前，
// 完成…"), as no decimal number is followed by 年 or 月.
func startsDate(s string) bool {
	digits, i := 0, 0
	for i < len(s) {
		c, n := utf8.DecodeRuneInString(s[i:])
		if _, ok := digitValue(c); !ok {
			break
		}
		digits++
		i += n
	}
	if digits == 0 || digits > 4 {
		return false
	}
	rest := strings.TrimLeftFunc(s[i:], isSpace)
	return strings.HasPrefix(rest, "年") || strings.HasPrefix(rest, "月")
}

// parseParenMarker reads "（一）" or "(1)" in s, whose opening bracket is
// size bytes long.
func parseParenMarker(s string, size int) (markerKind, string, string) {
	inner := strings.TrimLeftFunc(s[size:], isSpace)
	i := 0
	cn, arabic := 0, 0
	var buf [48]byte // "（" + at most 12 numerals + "）"
	num := append(buf[:0], "（"...)
	for i < len(inner) {
		c, n := utf8.DecodeRuneInString(inner[i:])
		if v, ok := digitValue(c); ok {
			arabic++
			num = append(num, byte('0'+v))
		} else if isCNNumeral(c) {
			cn++
			num = utf8.AppendRune(num, c)
		} else {
			break
		}
		i += n
		if len(num) > len(buf)-3 {
			return markNone, "", s[size:]
		}
	}
	if (cn == 0) == (arabic == 0) || len(num)-len("（") > 12 {
		return markNone, "", s[size:]
	}
	after := strings.TrimLeftFunc(inner[i:], isSpace)
	c, n := utf8.DecodeRuneInString(after)
	if c != '）' && c != ')' {
		return markNone, "", s[size:]
	}
	if cn == 0 && arabic > 3 {
		return markNone, "", s[size:]
	}
	kind := markParenArabic
	if cn > 0 {
		kind = markParenCN
	}
	num = append(num, "）"...)
	// The common "（一）" written as its canonical form is a piece of s.
	if end := len(num); end <= len(s) && s[:end] == string(num) {
		return kind, s[:end], after[n:]
	}
	return kind, string(num), after[n:]
}

// outlineParser takes a paragraph that starts with an outline number and
// opens an item for it.
type outlineParser struct{}

func (outlineParser) parse(p *bodyPara, st *parseState) bool {
	if p.table != nil {
		return false
	}
	kind, canon, rest := parseMarker(p.text)
	if kind == markNone {
		return false
	}
	if st.attachments && (len(st.kinds) == 0 || kind != st.kinds[0]) {
		return true // "附件：1.…" — a list of attachments, not the outline
	}
	st.attachments = false
	depth := 0
	for i, k := range st.kinds {
		if k == kind {
			depth = i + 1
			break
		}
	}
	if depth == 0 {
		st.kinds = append(st.kinds, kind)
		depth = len(st.kinds)
	}
	st.kinds = st.kinds[:depth]
	// An item at depth d needs d-1 open ancestors; a notice that skips a
	// level ("1." right after the title of 一) gets it at the next free one.
	if depth > len(st.stack)+1 {
		depth = len(st.stack) + 1
		st.kinds = append(st.kinds[:depth-1], kind)
	}
	it := st.newItem()
	*it = outlineItem{
		depth: depth,
		text:  trimFunc(rest, isSpace),
		group: p.groupClause,
		line:  p.line,
		page:  p.page,
	}
	it.pathBuf[0] = canon
	it.path = it.pathBuf[:1:1]
	st.open(it)
	if statesLeadConvention(p.text) {
		st.leadFirst = true
	}
	return true
}

// rejoin puts back together the paragraphs of the body that an old page
// break or a hard line wrap cut in two: a paragraph is continued by the
// next one when it leaves a bracket open, or when it is running text
// (it holds punctuation) that stops without closing punctuation, and the
// next one does not start a new item, a labelled line or a table. The
// result is written over body, which the caller gives up.
func rejoin(body []bodyPara) []bodyPara {
	out := body[:0] // written behind the reading: each result joins one or more of body's
	var cur *wrapped
	var w wrapped // the one paragraph being rejoined; cur points to it
	flush := func() {
		if cur != nil {
			cur.p.text = cur.String()
			out = append(out, cur.p)
			cur = nil
		}
	}
	for _, p := range body {
		switch {
		case p.table != nil:
			flush()
			out = append(out, p)
		case cur != nil && cur.continuedBy(p.text):
			if inner, ok := wholeBracketed(p.text); ok && startsWithField(inner) {
				cur.p.groupClause = inner
			}
			cur.add(p.text)
		default:
			flush()
			w = wrapped{p: p} // a fresh builder: flush took the last one's text
			cur = &w
			kind, _, rest := parseMarker(p.text)
			cur.bare = kind != markNone && trimFunc(rest, isSpace) == ""
			cur.addStats(rest)
			cur.first = trimRightFunc(p.text, isSpace)
		}
	}
	flush()
	return out
}

// wrapped is a paragraph being rejoined, with what continuedBy needs to
// know about it, kept up to date piece by piece (so a long run of pieces
// costs linear time).
type wrapped struct {
	p       bodyPara
	first   string          // the first piece
	text    strings.Builder // the first piece and the rest, once there is a rest
	open    int             // brackets left open
	running bool            // holds sentence punctuation, or is long
	runes   int             // length after the number
	bare    bool            // a number alone on its line
	last    rune            // last character that is not a space
}

func (w *wrapped) addStats(piece string) {
	for i := 0; i < len(piece); {
		c := piece[i]
		if j := hanRun(piece, i); j > i {
			// U+4000–U+9FFF (CJK ideographs): no bracket, punctuation or
			// space, and most of the text; only the last is decoded.
			w.last = rune(piece[j-3]&0x0F)<<12 | rune(piece[j-2]&0x3F)<<6 | rune(piece[j-1]&0x3F)
			w.runes += (j - i) / 3
			i = j
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = decodeRune(piece, i)
		}
		i += n
		switch {
		case isOpenBracket(r):
			w.open++
		case isCloseBracket(r) && w.open > 0:
			w.open--
		case r == '，' || r == ',' || r == '。' || r == '；' || r == ';' || r == '：' || r == ':':
			w.running = true
		}
		if !quickSpace(r) {
			w.last = r
			w.runes++
		}
	}
	if w.runes > 30 {
		w.running = true
	}
}

func (w *wrapped) add(piece string) {
	piece = trimFunc(piece, isSpace)
	if w.text.Len() == 0 && w.first == "" {
		w.first = piece
		w.addStats(piece)
		return
	}
	if w.text.Len() == 0 {
		w.text.WriteString(w.first)
	}
	r, _ := utf8.DecodeRuneInString(piece)
	if isLatinLetter(w.last) && isLatinLetter(r) {
		w.text.WriteByte(' ')
	}
	w.text.WriteString(piece)
	w.bare = false
	w.addStats(piece)
}

// String returns the joined text.
func (w *wrapped) String() string {
	if w.text.Len() == 0 {
		return w.first
	}
	return w.text.String()
}

// continuedBy reports whether the paragraph next continues w.
func (w *wrapped) continuedBy(next string) bool {
	next = strings.TrimLeftFunc(next, isSpace)
	if w.last == 0 || next == "" {
		return w.bare && next != ""
	}
	if startsClause(next) {
		return true
	}
	if k, _, _ := parseMarker(next); k != markNone {
		return false
	}
	if strings.HasPrefix(next, "附件") || startsWithField(next) || isDateLine(next) || strings.HasPrefix(next, "抄送") {
		return false
	}
	if w.bare || w.open > 0 {
		return true // a number alone, or a bracket left open
	}
	if closesParagraph(w.last) {
		return false
	}
	// Running text stops mid-sentence at a page break; a heading
	// ("一、加强组织、协调") does not continue into the paragraph under it.
	return w.running
}

// startsClause reports whether s is a bracketed field clause on its own
// ("（责任单位：…）") that belongs to the paragraph before it.
func startsClause(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !isOpenBracket(r) {
		return false
	}
	if startsWithField(strings.TrimLeftFunc(s[n:], isSpace)) {
		return true
	}
	// an inline assignment: "（省数据局牵头，省公安厅参与）"
	var buf [4]bracketSpan
	gs := appendBracketGroups(buf[:0], s)
	if len(gs) == 0 || gs[0].open != 0 {
		return false
	}
	for _, part := range splitTopLevel(s[gs[0].inner:gs[0].close], "，,；;") {
		if _, _, _, ok := parseRolePart(strings.TrimFunc(part, isSpace)); ok {
			return true
		}
	}
	return false
}

// joinWrapped joins two pieces of a wrapped line; whitespace at the cut is
// left for cleanText to judge.
func joinWrapped(a, b string) string {
	a = strings.TrimRightFunc(a, isSpace)
	b = strings.TrimLeftFunc(b, isSpace)
	if a == "" || b == "" {
		return a + b
	}
	l, _ := utf8.DecodeLastRuneInString(a)
	r, _ := utf8.DecodeRuneInString(b)
	if isLatinLetter(l) && isLatinLetter(r) {
		return a + " " + b
	}
	return a + b
}

// isOpenBracket and isCloseBracket recognise the brackets notices use
// around clauses, in any mix of widths.
func isOpenBracket(r rune) bool {
	switch r {
	case '（', '(', '〔', '[', '［', '【':
		return true
	}
	return false
}

func isCloseBracket(r rune) bool {
	switch r {
	case '）', ')', '〕', ']', '］', '】':
		return true
	}
	return false
}

// quickSpace reports whether r is whitespace, as isSpace does, without a
// Unicode table lookup for the common characters of Chinese text.
func quickSpace(r rune) bool {
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
