package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// outlineParser takes a paragraph that starts with an outline number and
// opens an item for it.
type outlineParser struct{}

func (outlineParser) parse(p *bodyPara, st *parseState) bool {
	if p.table != nil {
		return false
	}
	kind, canon, rest := notation.ParseMarker(p.text)
	if kind == notation.MarkNone {
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
		text:  notation.TrimFunc(rest, notation.IsSpace),
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
			cur.add(p.text)
		default:
			flush()
			w = wrapped{p: p} // a fresh builder: flush took the last one's text
			cur = &w
			kind, _, rest := notation.ParseMarker(p.text)
			cur.bare = kind != notation.MarkNone && notation.TrimFunc(rest, notation.IsSpace) == ""
			cur.addStats(rest)
			cur.first = notation.TrimRightFunc(p.text, notation.IsSpace)
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
		if j := notation.HanRun(piece, i); j > i {
			// U+4000–U+9FFF (CJK ideographs): no bracket, punctuation or
			// space, and most of the text; only the last is decoded.
			w.last = rune(piece[j-3]&0x0F)<<12 | rune(piece[j-2]&0x3F)<<6 | rune(piece[j-1]&0x3F)
			w.runes += (j - i) / 3
			i = j
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = notation.DecodeRune(piece, i)
		}
		i += n
		switch {
		case notation.IsOpenBracket(r):
			w.open++
		case notation.IsCloseBracket(r) && w.open > 0:
			w.open--
		case r == '，' || r == ',' || r == '。' || r == '；' || r == ';' || r == '：' || r == ':':
			w.running = true
		}
		if !notation.QuickSpace(r) {
			w.last = r
			w.runes++
		}
	}
	if w.runes > 30 {
		w.running = true
	}
}

func (w *wrapped) add(piece string) {
	piece = notation.TrimFunc(piece, notation.IsSpace)
	if w.text.Len() == 0 && w.first == "" {
		w.first = piece
		w.addStats(piece)
		return
	}
	if w.text.Len() == 0 {
		w.text.WriteString(w.first)
	}
	r, _ := utf8.DecodeRuneInString(piece)
	if notation.IsLatinLetter(w.last) && notation.IsLatinLetter(r) {
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
	next = strings.TrimLeftFunc(next, notation.IsSpace)
	if w.last == 0 || next == "" {
		return w.bare && next != ""
	}
	if startsClause(next) {
		return true
	}
	if k, _, _ := notation.ParseMarker(next); k != notation.MarkNone {
		return false
	}
	if strings.HasPrefix(next, "附件") || notation.StartsWithField(next) || isDateLine(next) || strings.HasPrefix(next, "抄送") {
		return false
	}
	if w.bare || w.open > 0 {
		return true // a number alone, or a bracket left open
	}
	if notation.ClosesParagraph(w.last) {
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
	if !notation.IsOpenBracket(r) {
		return false
	}
	if notation.StartsWithField(strings.TrimLeftFunc(s[n:], notation.IsSpace)) {
		return true
	}
	// an inline assignment: "（省数据局牵头，省公安厅参与）"
	var buf [4]notation.BracketSpan
	gs := notation.AppendBracketGroups(buf[:0], s)
	if len(gs) == 0 || gs[0].Open != 0 {
		return false
	}
	for _, part := range splitTopLevel(s[gs[0].Inner:gs[0].Close], "，,；;") {
		if _, _, _, ok := parseRolePart(strings.TrimFunc(part, notation.IsSpace)); ok {
			return true
		}
	}
	return false
}

// joinWrapped joins two pieces of a wrapped line; whitespace at the cut is
// left for notation.CleanText to judge.
func joinWrapped(a, b string) string {
	a = strings.TrimRightFunc(a, notation.IsSpace)
	b = strings.TrimLeftFunc(b, notation.IsSpace)
	if a == "" || b == "" {
		return a + b
	}
	l, _ := utf8.DecodeLastRuneInString(a)
	r, _ := utf8.DecodeRuneInString(b)
	if notation.IsLatinLetter(l) && notation.IsLatinLetter(r) {
		return a + " " + b
	}
	return a + b
}
