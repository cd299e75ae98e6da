package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// This file joins lines into paragraphs from their geometry alone: a line
// that ends so short of the right margin that the next line's first word
// (or character) would have fitted ends its paragraph; a line indented
// past the previous one, a change of font size or a wider vertical gap
// than the usual line pitch starts a new one. A paragraph running over a
// page break continues when the last line of the page is full and the
// first of the next is not indented. Wrapped title lines (larger type,
// centred under a full first line) stay one paragraph.

// layout are the body text's measures over the whole document.
type layout struct {
	body  float64             // dominant font size
	left  float64             // left margin of body text
	right float64             // right margin of body text
	inner float64             // leftmost start shared by body lines (indent.go)
	pitch map[float64]float64 // usual baseline distance per font size
}

func sizeKey(s float64) float64 { return math.Round(s*2) / 2 }

func measureLayout(pages []*page) layout {
	st := layout{pitch: map[float64]float64{}}
	sizes := map[float64]int{}
	for _, p := range pages {
		for _, it := range p.items {
			if it.table == nil {
				sizes[sizeKey(it.line.size)] += utf8.RuneCountInString(it.line.text)
			}
		}
	}
	best := 0
	for s, n := range sizes {
		if n > best || n == best && s < st.body {
			best, st.body = n, s
		}
	}
	lefts := map[float64]int{}
	var rights []float64
	pitches := map[float64][]float64{}
	for _, p := range pages {
		var prev *textLine
		for i := range p.items {
			it := &p.items[i]
			if it.table != nil {
				prev = nil
				continue
			}
			l := &it.line
			if math.Abs(l.size-st.body) <= 0.5 {
				lefts[math.Round(l.x0)]++
				rights = append(rights, l.x1)
			}
			if prev != nil && math.Abs(prev.size-l.size) <= 0.5 {
				d := prev.y - l.y
				if d > 0 && d < 3*l.size {
					k := sizeKey(l.size)
					pitches[k] = append(pitches[k], d)
				}
			}
			prev = l
		}
	}
	best = 0
	for x, n := range lefts {
		if n > best || n == best && x < st.left {
			best, st.left = n, x
		}
	}
	st.inner = innerMargin(lefts, st.left)
	if len(rights) > 0 {
		sort.Float64s(rights)
		st.right = rights[len(rights)*9/10]
	}
	if len(rights) < 8 && len(pages) > 0 {
		// Too few lines to see the margin: assume it mirrors the left one.
		b := pages[0].box
		st.right = math.Max(st.right, b[2]-(st.left-b[0]))
	}
	for k, ds := range pitches {
		sort.Float64s(ds)
		st.pitch[k] = ds[len(ds)/2]
	}
	return st
}

// usualPitch is the usual distance between baselines at a font size.
func (st layout) usualPitch(size float64) float64 {
	if p, ok := st.pitch[sizeKey(size)]; ok && p > 0 {
		return p
	}
	return 1.5 * size
}

func (st layout) centred(l textLine) bool {
	mid := (st.left + st.right) / 2
	return math.Abs((l.x0+l.x1)/2-mid) < 1.5*l.size && l.x0 > st.left+l.size
}

// opensItem reports whether s opens with the number of an outline item
// (一、 （一） 1. 1、 （1） ①; not a decimal number such as "1.5亿元").
// "1）" is left out, as it was when this test was a regular expression.
func opensItem(s string) bool {
	k, _, _ := notation.ParseMarker(s)
	return k != notation.MarkNone && k != notation.MarkArabicParen
}

// sentenceEnd reports whether a line ends a sentence.
func sentenceEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune("。；;！!？?：:）)〕]】", r)
}

// newParagraph decides whether line b starts a paragraph after line a.
func (st layout) newParagraph(a, b textLine) bool {
	if b.page != a.page && b.page != a.page+1 {
		return true
	}
	size := math.Max(a.size, b.size)
	if math.Abs(a.size-b.size) > 0.15*size {
		return true
	}
	if b.page == a.page {
		d := a.y - b.y
		if d <= 0 || d > 1.45*st.usualPitch(b.size) {
			return true
		}
	}
	// A line ends its paragraph when the first unit of the next line
	// would have fitted after it, with the line's own letter spacing (wide
	// on a character grid).
	lead := b.lead
	if lead <= 0 {
		lead = b.size
	}
	if a.x1+lead+a.track < st.right-0.2*size {
		return true
	}
	if b.x0 > a.x0+0.8*size {
		heading := size >= 1.15*st.body
		if !(heading && st.centred(b)) {
			return true
		}
	}
	if sentenceEnd(a.text) && opensItem(b.text) {
		return true
	}
	return st.indentedAgain(a, b, size) || st.backFromRight(a, b, size)
}

// assemble turns laid-out pages into the reader's Document.
func assemble(pages []*page) *document.Document {
	dropPageArtefacts(pages)
	// Margins and pitch are measured per page width, so that landscape
	// pages among portrait ones keep their own.
	classes := map[int][]*page{}
	classOf := map[int]int{}
	for _, p := range pages {
		w := int(math.Round(p.box[2] - p.box[0]))
		classes[w] = append(classes[w], p)
		classOf[p.num] = w
	}
	layouts := map[int]layout{}
	for w, ps := range classes {
		layouts[w] = measureLayout(ps)
	}
	newParagraph := func(a, b textLine) bool {
		if classOf[a.page] != classOf[b.page] {
			return true
		}
		return layouts[classOf[b.page]].newParagraph(a, b)
	}
	doc := &document.Document{Format: "pdf", Pages: len(pages)}
	line := 1
	var para strings.Builder
	var last *textLine
	paraPage, paraLine := 0, 0
	flush := func() {
		if para.Len() > 0 {
			doc.Blocks = append(doc.Blocks, document.Block{Text: para.String(), Line: paraLine, Page: paraPage})
			line++
		}
		para.Reset()
		last = nil
	}
	var lastTable *table // the table the previous block is, if any
	for pi, p := range pages {
		for ii := range p.items {
			it := &p.items[ii]
			if it.table != nil {
				flush()
				if lastTable != nil && continues(lastTable, it.table, pages, pi, ii) {
					line = appendRows(doc.Blocks[len(doc.Blocks)-1].Table, it.table, line)
					lastTable = it.table
					continue
				}
				t := &document.Table{}
				blockLine := line
				line = appendRows(t, it.table, line)
				doc.Blocks = append(doc.Blocks, document.Block{Table: t, Line: blockLine, Page: p.num})
				lastTable = it.table
				continue
			}
			l := it.line
			if last != nil && !newParagraph(*last, l) && !startsItem(para.String(), l.text) {
				joinText(&para, l.text)
				last = &it.line
				continue
			}
			flush()
			lastTable = nil
			para.WriteString(strings.TrimSpace(l.text))
			paraPage, paraLine = l.page, line
			last = &it.line
		}
	}
	flush()
	return doc
}

// startsItem reports whether line next, which the geometry would run on
// from the paragraph para (its last line filled the width), starts a new
// paragraph all the same: a line that opens with an outline number
// ("四、", "（二）", "3.") or a field label ("牵头单位：") does, unless para
// leaves a bracket open (the label or number is inside a clause), or ends
// with a character after which the sentence must go on ("第", "、", "，",
// "和"), or the number is one of a list ("一、二季度", "1、2月").
func startsItem(para, next string) bool {
	next = strings.TrimLeftFunc(next, notation.IsSpace)
	kind, _, rest := notation.ParseMarker(next)
	if kind == notation.MarkNone && (!notation.StartsWithField(next) || labelBroken(strings.TrimRightFunc(para, notation.IsSpace), next)) {
		return false
	}
	para = strings.TrimRightFunc(para, notation.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(para)
	if last == utf8.RuneError || strings.ContainsRune("第、，,和与及或至到共约是为的", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(rest, notation.IsSpace))
	if _, digit := notation.DigitValue(first); kind == notation.MarkCN && notation.IsCNNumeral(first) || kind == notation.MarkArabic && digit && !notation.StartsDate(rest) {
		return false
	}
	return notation.OpenBrackets(para) == 0
}

// continues reports whether table t, the first item of its page, goes on
// with the table prev that ended the previous page.
func continues(prev, t *table, pages []*page, pi, ii int) bool {
	if ii != 0 || pi == 0 {
		return false
	}
	before := pages[pi-1].items
	if len(before) == 0 || before[len(before)-1].table != prev {
		return false
	}
	return len(prev.rows) > 0 && len(t.rows) > 0 && (len(prev.rows[0]) == len(t.rows[0]) || realignColumns(prev, t))
}

// appendRows adds a table part's rows to dst, numbering their lines from
// line; a repeated header row is skipped, and a first row without its
// first cell (a row broken over the page) is joined to the last row.
func appendRows(dst *document.Table, t *table, line int) int {
	rows := t.rows
	if len(dst.Rows) > 0 && len(rows) > 0 && sameRow(dst.Rows[0], rows[0]) {
		rows = rows[1:]
	}
	if n := len(dst.Rows); n > 0 && len(rows) > 0 && rows[0][0] == "" && dst.Rows[n-1][0].Text != "" {
		lastRow := dst.Rows[n-1]
		for c := range lastRow {
			if c < len(rows[0]) {
				var b strings.Builder
				b.WriteString(lastRow[c].Text)
				joinText(&b, rows[0][c])
				lastRow[c].Text = b.String()
			}
		}
		rows = rows[1:]
	}
	for _, r := range rows {
		cells := make([]document.Cell, len(r))
		for c, s := range r {
			cells[c] = document.Cell{Text: s, Line: line, Page: t.page}
		}
		dst.Rows = append(dst.Rows, cells)
		line++
	}
	return line
}

func sameRow(a []document.Cell, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i] {
			return false
		}
	}
	return true
}
