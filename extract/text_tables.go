package extract

import (
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Tables that arrive as text: a web page's text or pdftotext (without
// -layout) flattens a task table into paragraphs, in one of a few ways:
//
//	序号 | 任务 | 牵头单位 | 完成时限 |        one row per line, cells joined by |
//	工作任务 |⏎具体要求 |⏎…⏎||||             one cell per line, each ending " |";
//	                                          a line of bars ends a short row
//	序号⏎⏎任 务 名 称⏎⏎牵头部门⏎⏎1⏎⏎…         one cell per line, no separators
//
// textTables finds them by their header (the words of tableHeader, which
// may be spaced out or split over two lines: 责任⏎领导) and rebuilds the
// rows — by the bars, by the 序号 sequence, or by the header's width —
// into a Table the task-table parser reads like any other. It works on
// the Document's paragraphs, whatever reader produced them.

// textTables replaces the paragraphs of each table that arrives as text
// by one table paragraph.
func textTables(ps []bodyPara) []bodyPara {
	var out []bodyPara
	for i := 0; i < len(ps); i++ {
		if ps[i].table == nil && mayStartTextTable(ps, i) && !isPageNumberLine(ps[i].text) {
			if t, n := textTableAt(ps, i); t != nil {
				if out == nil {
					out = append(make([]bodyPara, 0, len(ps)), ps[:i]...)
				}
				out = append(out, bodyPara{table: t, line: ps[i].line, page: ps[i].page})
				i += n - 1
				continue
			}
		}
		if out != nil {
			out = append(out, ps[i])
		}
	}
	if out == nil {
		return ps
	}
	return out
}

// mayStartTextTable is a quick test: a bar, or a short paragraph that
// could be a header cell.
func mayStartTextTable(ps []bodyPara, i int) bool {
	s := ps[i].text
	if strings.HasSuffix(s, "|") {
		return true // a header row or cell closed by its bar (paragraphs come trimmed)
	}
	if len(s) > 3*60 {
		return false
	}
	if len(s) > 3*12 || i+1 == len(ps) || len(ps[i+1].text) > 3*12 {
		// not a header cell followed by another: a header row apart
		// by spaces, or nothing
		return strings.Contains(s, "序号") && (strings.Contains(s, "  ") || strings.Contains(s, "\u3000")) || singleSpaceHeader(s) != nil
	}
	if k, _, _ := notation.ParseMarker(s); k != notation.MarkNone {
		return false // an outline item, never a header cell
	}
	return headerWordCell(notation.StripSpace(s)) || strings.Contains(s, "序号") && (strings.Contains(s, "  ") || strings.Contains(s, "\u3000"))
}

// splitSpaceRuns splits a line at runs of two or more spaces (an ideographic
// space counts as two): the cells of a row that arrives as text with its
// columns apart.
func splitSpaceRuns(s string) []string {
	var cells []string
	from, spaces, at := 0, 0, 0
	for i, r := range s {
		switch {
		case r == ' ' || r == '\u00a0' || r == '\t':
			if spaces == 0 {
				at = i
			}
			spaces++
		case r == '\u3000':
			if spaces == 0 {
				at = i
			}
			spaces += 2
		default:
			if spaces >= 2 {
				if c := strings.TrimFunc(s[from:at], notation.IsSpace); c != "" {
					cells = append(cells, c)
				}
				from = i
			}
			spaces = 0
		}
	}
	if c := strings.TrimFunc(s[from:], notation.IsSpace); c != "" {
		cells = append(cells, c)
	}
	return cells
}

// spaceRowsTable reads rows of one line each whose cells stand apart by
// runs of spaces, under a header written the same way.
func spaceRowsTable(ps []bodyPara, i int) (*document.Table, int) {
	hdr := splitSpaceRuns(ps[i].text)
	for _, h := range hdr {
		if !headerWordCell(notation.StripSpace(h)) {
			return nil, 0
		}
	}
	if !headerOf(hdr) {
		return nil, 0
	}
	b := newRowBuilder(hdr, ps[i])
	n := 1
	for ; i+n < len(ps) && ps[i+n].table == nil; n++ {
		cells := splitSpaceRuns(ps[i+n].text)
		if len(cells) < 2 {
			break
		}
		b.add(cells, ps[i+n], i+n == len(ps)-1)
	}
	return b.table(), n
}

// headerCellWords are the words a header cell of a task table holds (the
// columns tableHeader recognises); headerFragments are the halves of a
// header cell split over two lines.
var (
	headerCellWords = []string{"序号", "编号", "任务", "内容", "事项", "措施", "工作", "项目", "目标", "要求",
		"单位", "部门", "科室", "牵头", "配合", "责任", "领导", "时限", "时间", "节点", "进度", "完成", "备注", "类别"}
	headerTails = []string{"领导", "科室", "单位", "部门", "任务", "情况", "时限", "时间", "节点", "完成情况"}
)

// headerWordCell reports whether s (without spaces) is short and holds a
// header word.
func headerWordCell(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= 12 && !notation.HeaderCellTooWordy(s) && !strings.ContainsAny(s, "：:、") &&
		notation.ContainsAnyOf(s, headerCellWords...)
}

// textTableAt reads a table that arrives as text starting at ps[i]; it
// returns the table and the number of paragraphs it took, or nil.
func textTableAt(ps []bodyPara, i int) (*document.Table, int) {
	if t, n := singleSpaceTable(ps, i); t != nil {
		return t, n
	}
	if cells := splitSpaceRuns(ps[i].text); len(cells) >= 3 && strings.IndexByte(ps[i].text, '|') < 0 {
		return spaceRowsTable(ps, i)
	}
	if strings.IndexByte(ps[i].text, '|') >= 0 {
		if cells, _ := splitBars(ps[i].text); nonEmptyCells(cells) >= 2 {
			return barRowsTable(ps, i)
		}
		return barCellsTable(ps, i)
	}
	return cellLinesTable(ps, i)
}

// splitBars splits "a | b | |" into its cells; closed reports a final bar.
func splitBars(s string) (cells []string, closed bool) {
	s = strings.TrimFunc(s, notation.IsSpace)
	closed = strings.HasSuffix(s, "|")
	if closed {
		s = s[:len(s)-1]
	}
	for _, c := range strings.Split(s, "|") {
		cells = append(cells, strings.TrimFunc(c, notation.IsSpace))
	}
	return cells, closed
}

func nonEmptyCells(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}

// headerOf checks that texts make a task-table header.
func headerOf(texts []string) bool {
	row := make([]document.Cell, len(texts))
	for i, t := range texts {
		row[i] = document.Cell{Text: t}
	}
	_, ok := notation.TableHeader(row)
	return ok
}

// barRowsTable reads rows of one line each, cells joined by bars.
func barRowsTable(ps []bodyPara, i int) (*document.Table, int) {
	hdr, _ := splitBars(ps[i].text)
	hdr = trimEmptyTail(hdr)
	if !headerOf(hdr) {
		return nil, 0
	}
	b := newRowBuilder(hdr, ps[i])
	n := 1
	for i+n < len(ps) && ps[i+n].table == nil && strings.IndexByte(ps[i+n].text, '|') >= 0 {
		line, k := ps[i+n].text, 1
		// a cell holding a line break: the row runs on until a line
		// closes it with a bar
		for !strings.HasSuffix(strings.TrimFunc(line, notation.IsSpace), "|") && i+n+k < len(ps) && ps[i+n+k].table == nil &&
			strings.IndexByte(ps[i+n+k].text, '|') >= 0 && !startsBarRow(ps[i+n+k].text) {
			line += ps[i+n+k].text
			k++
		}
		cells, _ := splitBars(line)
		b.add(trimEmptyTail(cells), ps[i+n], i+n+k == len(ps))
		n += k
	}
	return b.table(), n
}

func trimEmptyTail(cells []string) []string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// barCellsTable reads cells of one line each ending in a bar; a line of
// bars only closes a row (and the cell before it, when that cell's line
// had no bar of its own).
func barCellsTable(ps []bodyPara, i int) (*document.Table, int) {
	type tok struct {
		text  string
		bars  int // a line of bars: how many
		p     bodyPara
		close bool
	}
	var toks []tok
	n := 0
	inHeader := true
	for ; i+n < len(ps) && ps[i+n].table == nil; n++ {
		p := ps[i+n]
		t := strings.TrimFunc(p.text, notation.IsSpace)
		if strings.Trim(t, "| ") == "" {
			toks = append(toks, tok{bars: strings.Count(t, "|"), p: p})
			inHeader = false
			continue
		}
		if inHeader && len(toks) >= maxHeaderCells {
			return nil, 0
		}
		cells, closed := splitBars(t)
		if len(cells) != 1 {
			break
		}
		if !closed && i+n+1 < len(ps) && !strings.HasSuffix(strings.TrimFunc(ps[i+n+1].text, notation.IsSpace), "|") && i+n+1 != len(ps)-1 {
			if n > 0 {
				break // text after the table
			}
			return nil, 0
		}
		toks = append(toks, tok{text: cells[0], p: p, close: closed})
	}
	// The header: cells up to the first line of bars.
	var hdr []string
	k := 0
	width := 0
	for ; k < len(toks); k++ {
		if toks[k].bars > 0 {
			width = len(hdr) + toks[k].bars
			k++
			break
		}
		hdr = append(hdr, toks[k].text)
	}
	if !headerOf(hdr) || width == 0 {
		return nil, 0
	}
	// Rows: cells until a line of bars or the table's width.
	var rows [][]string
	var rowParas []bodyPara
	var cur []string
	count := 0
	open := false // the last cell's line had no bar
	for ; k < len(toks); k++ {
		t := toks[k]
		if t.bars > 0 {
			bars := t.bars
			if open {
				bars-- // the bar of the cell before
				count++
			}
			open = false
			if bars > 0 && len(cur) > 0 {
				rows = append(rows, cur)
				cur, count = nil, 0
			}
			continue
		}
		if len(cur) == 0 {
			rowParas = append(rowParas, t.p)
		}
		if open {
			count++
		}
		cur = append(cur, t.text)
		open = !t.close
		if !open {
			count++
		}
		if count >= width {
			rows = append(rows, cur)
			cur, count, open = nil, 0, false
		}
	}
	if len(cur) > 0 {
		rows = append(rows, cur)
	}
	// Rows with more cells than the header has names: the first header
	// cell spans the extra columns, which are categories.
	most := 0
	for _, r := range rows {
		most = max(most, len(r))
	}
	if extra := most - len(hdr); extra > 0 {
		spanned := make([]string, 0, most)
		for range extra + 1 {
			spanned = append(spanned, notation.CategoryHeader)
		}
		hdr = append(spanned, hdr[1:]...)
	}
	b := newRowBuilder(hdr, ps[i])
	for j, r := range rows {
		last := j == len(rows)-1 && len(cur) > 0
		b.add(r, rowParas[min(j, len(rowParas)-1)], last)
	}
	return b.table(), n
}

// cellLinesTable reads cells of one paragraph each, without separators:
// the header's cells first, then rows found by the 序号 sequence or, with
// no 序号 column, by the header's width.
func cellLinesTable(ps []bodyPara, i int) (*document.Table, int) {
	var hdr []string
	n := 0
	for ; i+n < len(ps) && ps[i+n].table == nil; n++ {
		s := notation.StripSpace(ps[i+n].text)
		if !headerWordCell(s) && !(n > 0 && isHeaderTail(s)) && !(n > 0 && isHeaderHead(s)) {
			break
		}
		hdr = append(hdr, s)
		if len(hdr) > maxHeaderCells {
			return nil, 0
		}
	}
	if len(hdr) < 2 {
		return nil, 0
	}
	seq := hdr[0] == "序号" || hdr[0] == "编号"
	// decide before reading on: the rows start at 1, or the header
	// names the columns as it stands
	if seq && (i+n >= len(ps) || notation.StripSpace(ps[i+n].text) != "1") || !seq && !headerOf(hdr) {
		return nil, 0
	}
	var cells []bodyPara
	m := n
	for ; i+m < len(ps) && ps[i+m].table == nil; m++ {
		t := strings.TrimFunc(ps[i+m].text, notation.IsSpace)
		if isAttachmentLine(t) || (m > n && isDateLine(t)) {
			break
		}
		cells = append(cells, ps[i+m])
	}
	if len(cells) == 0 {
		return nil, 0
	}
	var rows [][]bodyPara
	if seq {
		next := 1
		for _, c := range cells {
			if notation.StripSpace(c.text) == strconv.Itoa(next) {
				rows = append(rows, nil)
				next++
			}
			if len(rows) == 0 {
				return nil, 0 // text before the first number
			}
			rows[len(rows)-1] = append(rows[len(rows)-1], c)
		}
		if len(rows) > 0 {
			hdr = mergeHeaderFragments(hdr, len(rows[0]))
		}
	}
	if !seq {
		// the first row's label may have been read as a header cell
		// (组织领导 holds 领导)
		for k := 0; k <= 1 && len(hdr)-k >= 2; k++ {
			if t := rowLabelTable(hdr[:len(hdr)-k], append(ps[i+n-k:i+n:i+n], cells...), ps[i]); t != nil {
				return t, m
			}
		}
	}
	if !headerOf(hdr) {
		return nil, 0
	}
	b := newRowBuilder(hdr, ps[i])
	b.left = seq
	if seq {
		for j, r := range rows {
			texts := make([]string, len(r))
			for k, c := range r {
				texts[k] = strings.TrimFunc(c.text, notation.IsSpace)
			}
			b.add(texts, r[0], j == len(rows)-1 && i+m == len(ps))
		}
		return b.table(), m
	}
	// No 序号: headings (一、… / （一）…) stand for the row-spanned
	// category columns; the other cells fill the remaining columns in turn.
	depths := 0
	var cur []string
	var curPara bodyPara
	width := len(hdr)
	for ci, c := range cells {
		t := strings.TrimFunc(c.text, notation.IsSpace)
		if k, _, rest := notation.ParseMarker(t); (k == notation.MarkCN || k == notation.MarkParenCN) && len(cur) == 0 && !notation.ContainsAnyRune(rest, "。；;") {
			b.heading(t, c)
			if k == notation.MarkCN {
				depths = max(depths, 1)
			} else {
				depths = max(depths, 2)
			}
			width = len(hdr) - depths
			continue
		}
		if len(cur) == 0 {
			curPara = c
		}
		cur = append(cur, t)
		if len(cur) >= width {
			b.add(append(make([]string, len(hdr)-width), cur...), curPara, ci == len(cells)-1 && i+m == len(ps))
			cur = nil
		}
	}
	if len(cur) > 0 {
		b.add(append(make([]string, len(hdr)-width), cur...), curPara, true)
	}
	return b.table(), m
}

// maxHeaderCells bounds the header of a table that arrives as text.
const maxHeaderCells = 24

// isHeaderTail reports whether s is the second half of a header cell
// split over two lines (责任⏎领导).
func isHeaderTail(s string) bool {
	for _, t := range headerTails {
		if s == t {
			return true
		}
	}
	return false
}

// isHeaderHead reports whether s is a short first half of a split header
// cell (攻坚目标, 第二季度).
func isHeaderHead(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= 6 && !strings.ContainsAny(s, "0123456789") && !notation.HeaderCellTooWordy(s) &&
		(strings.HasPrefix(s, "第") || notation.ContainsAnyOf(s, "目标", "责任", "工作"))
}

// mergeHeaderFragments joins header cells split over two lines (责任⏎领导)
// until the header is as wide as the first row.
func mergeHeaderFragments(hdr []string, width int) []string {
	for len(hdr) > width {
		merged := false
		for k := 0; k+1 < len(hdr) && len(hdr) > width; k++ {
			if isHeaderTail(hdr[k+1]) && !isHeaderTail(hdr[k]) && !endsWithTail(hdr[k]) {
				hdr = append(hdr[:k], append([]string{hdr[k] + hdr[k+1]}, hdr[k+2:]...)...)
				merged = true
			}
		}
		if !merged {
			break
		}
	}
	return hdr
}

func endsWithTail(s string) bool {
	for _, t := range headerTails {
		if strings.HasSuffix(s, t) {
			return true
		}
	}
	return false
}

// rowBuilder aligns the rows of a table that arrives as text: a short row
// (row-spanned cells appear once) takes the cells it lacks from the row
// above — the leading ones always (categories, the higher items), the
// trailing ones (unit, deadline) only when the row is complete, not cut
// off by the end of the text.
type rowBuilder struct {
	cols  notation.TableCols
	width int
	rows  [][]document.Cell
	prev  []document.Cell
	left  bool // rows start at the first column (found by their 序号)
}

func newRowBuilder(hdr []string, p bodyPara) *rowBuilder {
	row := make([]document.Cell, len(hdr))
	for i, h := range hdr {
		row[i] = document.Cell{Text: h, Line: p.line, Page: p.page}
	}
	cols, _ := notation.TableHeader(row)
	return &rowBuilder{cols: cols, width: len(hdr), rows: [][]document.Cell{row}}
}

// heading adds a row holding one heading across the table.
func (b *rowBuilder) heading(text string, p bodyPara) {
	row := make([]document.Cell, b.width)
	for i := range row {
		row[i] = document.Cell{Text: text, Line: p.line, Page: p.page}
	}
	b.rows = append(b.rows, row)
	b.prev = nil
}

// add adds one row of cell texts; cut marks a row the text ends in.
func (b *rowBuilder) add(texts []string, p bodyPara, cut bool) {
	if len(texts) > b.width {
		// more cells than columns: the last ones run on in the last column
		texts = append(texts[:b.width-1:b.width-1], strings.Join(texts[b.width-1:], ""))
	}
	if nonEmptyCells(texts) == 0 {
		return // a line of bars only
	}
	if nonEmptyCells(texts) == 1 && texts[0] != "" {
		if k, _, rest := notation.ParseMarker(texts[0]); k != notation.MarkNone && !notation.ContainsAnyRune(rest, "。；;") && (len(b.rows) == 1 || b.prev != nil || k == notation.MarkCN) {
			b.heading(texts[0], p)
			return
		}
	}
	row := make([]document.Cell, b.width)
	start := 0
	if len(texts) < b.width && b.prev != nil && !b.left && !(b.cols.Seq == 0 && isDigits(notation.StripSpace(texts[0]))) {
		start = b.shortRowStart(texts)
	}
	for i := range row {
		row[i] = document.Cell{Line: p.line, Page: p.page}
		switch {
		case i >= start && i-start < len(texts):
			row[i].Text = texts[i-start]
		case b.prev != nil && (i < start || !cut):
			row[i].Text = b.prev[i].Text
		}
	}
	if cut {
		b.dropCutName(row, texts, start)
	}
	b.rows = append(b.rows, row)
	b.prev = row
}

// dropCutName removes from the last cell of a row the text ends in a unit
// name cut short ("…、区商务局、区"), when that cell is a unit column.
func (b *rowBuilder) dropCutName(row []document.Cell, texts []string, start int) {
	last := start + len(texts) - 1
	isUnit := false
	for _, uc := range b.cols.Units {
		isUnit = isUnit || uc.Col == last
	}
	if !isUnit || last < 0 || last >= len(row) {
		return
	}
	row[last].Text = trimCutName(row[last].Text)
}

// trimCutName drops the last name of a unit list when it does not end
// like an organisation's (the text was cut inside it).
func trimCutName(s string) string {
	i := strings.LastIndexAny(s, "、，,；;")
	tail := s
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		tail = s[i+n:]
	}
	if t := notation.StripSpace(tail); utf8.RuneCountInString(t) >= 3 && allOrgNames([]string{t}) {
		return s
	}
	if i < 0 {
		return s // a single name: keep what there is
	}
	return s[:i]
}

// shortRowStart gives the column a short row's first cell belongs in: the
// column where the row above has an item of the same numbering kind
// ("(2)…" under "(1)…"), else the first column after the categories.
func (b *rowBuilder) shortRowStart(texts []string) int {
	if k, _, _ := notation.ParseMarker(texts[0]); k != notation.MarkNone {
		for i, c := range b.prev {
			if k2, _, _ := notation.ParseMarker(c.Text); k2 == k && i+len(texts) <= b.width {
				return i
			}
		}
	}
	start := 0
	for i, c := range b.rows[0] {
		if notation.StripSpace(c.Text) == notation.CategoryHeader || i == b.cols.Seq {
			start = i + 1
		}
	}
	if b.cols.Task > start && b.cols.Task+len(texts) <= b.width {
		start = b.cols.Task
	}
	if start+len(texts) > b.width {
		start = b.width - len(texts)
	}
	return start
}

func (b *rowBuilder) table() *document.Table { return &document.Table{Rows: b.rows} }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// startsBarRow reports whether a line opens a new row of a bar table: its
// first cell is a number or an outline item.
func startsBarRow(s string) bool {
	first, _, _ := strings.Cut(s, "|")
	first = notation.StripSpace(first)
	if isDigits(first) {
		return true
	}
	k, _, _ := notation.ParseMarker(first)
	return k != notation.MarkNone
}
