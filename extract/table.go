package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// Style 5: a task table, 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限. The
// columns are found by the words of the header row, whatever their order;
// a cell may hold text wrapped over several lines. A row whose cells all
// hold the same text (one cell merged across the table) and that starts
// with an outline number is a heading of the outline.

// taskCellText joins the lines of a cell's wrapped text.
func taskCellText(row []document.Cell, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	var w wrapped
	for _, l := range strings.Split(row[col].Text, "\n") {
		w.add(l)
	}
	return strings.TrimFunc(w.String(), notation.IsSpace)
}

// tableParser turns the rows of a task table into items under the current
// outline item.
type tableParser struct{}

func (tableParser) parse(p *bodyPara, st *parseState) bool {
	if p.table == nil {
		return false
	}
	rows := p.table.Rows
	hdr := -1
	var cols notation.TableCols
	for i := 0; i < len(rows) && i < 3; i++ {
		if c, ok := notation.TableHeader(rows[i]); ok {
			hdr, cols = i, c
			break
		}
	}
	if hdr < 0 {
		return true // not a task table
	}
	// A header over two rows ("责任单位" merged over "牵头 | 配合"): the
	// second row repeats the merged cells and names the sub-columns.
	if hdr+1 < len(rows) && isSubHeader(rows[hdr], rows[hdr+1], cols) {
		merged := make([]document.Cell, len(rows[hdr+1]))
		for i := range merged {
			top := ""
			if i < len(rows[hdr]) {
				top = rows[hdr][i].Text
			}
			sub := rows[hdr+1][i].Text
			if notation.StripSpace(sub) == notation.StripSpace(top) {
				sub = ""
			}
			merged[i] = document.Cell{Text: top + sub}
		}
		if c, ok := notation.TableHeader(merged); ok {
			cols = c
			hdr++
		}
	}
	// Rows belong to the last open heading, never to a task row.
	st.last = nil
	if len(st.stack) > 0 {
		st.last = st.stack[len(st.stack)-1]
	}
	t := &taskTable{st: st, cols: cols, parent: st.last}
	for _, row := range rows[hdr+1:] {
		t.row(row)
	}
	t.flush()
	return true
}

// taskTable turns the rows of one task table into items. Rows are kept
// until the table ends (or a heading row comes), as a task may span rows:
// a row without a number continues the row above it (a table row broken
// by a page), and a row repeating the number and task of the row above
// (merged cells) adds units to it.
type taskTable struct {
	st      *parseState
	cols    notation.TableCols
	parent  *outlineItem
	n       int
	pending []*tableRow
}

// tableRow is one task of a task table being built.
type tableRow struct {
	it   *outlineItem
	seq  string
	task string
	vals []string // per unit column, then the deadline column
}

func (t *taskTable) row(row []document.Cell) {
	c := t.cols
	seq := notation.StripSpace(taskCellText(row, c.Seq))
	if _, again := notation.TableHeader(row); again && !strings.ContainsAny(seq, "0123456789") {
		return // header repeated on a new page (a numbered row is a task)
	}
	task := taskCellText(row, c.Task)
	for _, col := range c.More {
		// "重点任务 | 具体措施": the task reads "任务：措施"
		v := taskCellText(row, col)
		switch {
		case v == "" || v == task:
		case task == "":
			task = v
		default:
			if last, _ := utf8.DecodeLastRuneInString(task); !strings.ContainsRune("。；;：:，,", last) {
				task += "："
			}
			task += v
		}
	}
	vals := make([]string, len(c.Units)+1)
	empty := true
	for i, uc := range c.Units {
		vals[i] = unitCellText(row, uc.Col)
		empty = empty && vals[i] == ""
	}
	vals[len(c.Units)] = taskCellText(row, c.Deadline)
	empty = empty && vals[len(c.Units)] == ""

	heading, isHeading := taskHeadingRow(row)
	if !isHeading && empty && seq != "" && isCNNumerals(seq) && task != "" {
		heading, isHeading = seq+"、"+task, true // 一 | 营商环境 | | |
	}
	if !isHeading && empty && seq == "" {
		if k, _, _ := notation.ParseMarker(task); k != notation.MarkNone {
			heading, isHeading = task, true
		}
	}
	if isHeading {
		t.flush()
		hp := bodyPara{text: heading, line: taskRowLine(row, c.Task), page: taskRowPage(row)}
		if (outlineParser{}).parse(&hp, t.st) {
			t.parent = t.st.last
		}
		return
	}
	if task == "" && empty {
		return
	}
	if n := len(t.pending); n > 0 {
		prev := t.pending[n-1]
		switch {
		case c.Seq >= 0 && seq == "":
			// the rest of the row above, cut by a page break
			prev.it.text = joinCells(prev.it.text, task)
			for i, v := range vals {
				prev.vals[i] = joinCells(prev.vals[i], v)
			}
			return
		case seq == prev.seq && task == prev.task:
			// the same task over several rows (merged cells)
			for i, v := range vals {
				if v != "" && v != prev.vals[i] {
					if prev.vals[i] != "" {
						prev.vals[i] += "、"
					}
					prev.vals[i] += v
				}
			}
			return
		}
	}
	t.n++
	num := strconv.Itoa(t.n)
	if seq != "" {
		if _, canon, rest := notation.ParseMarker(seq + "."); canon != "" && rest == "" {
			num = canon
		} else if _, canon, rest := notation.ParseMarker(seq); canon != "" && rest == "" {
			num = canon
		} else {
			num = seq
		}
	}
	it := &outlineItem{
		path:    []string{num},
		text:    task,
		line:    taskRowLine(row, c.Task),
		page:    taskRowPage(row),
		fromRow: true,
		parent:  t.parent,
		depth:   1,
	}
	if t.parent != nil {
		t.parent.children++
		it.path = append(append([]string{}, t.parent.path...), num)
		it.depth = t.parent.depth + 1
	}
	t.carryPageMerged(it.page, vals)
	t.pending = append(t.pending, &tableRow{it: it, seq: seq, task: task, vals: vals})
}

// flush assigns the rows kept so far.
func (t *taskTable) flush() {
	for _, r := range t.pending {
		for i, uc := range t.cols.Units {
			if r.vals[i] != "" {
				r.it.fields = append(r.it.fields, clauseField{kind: notation.FieldUnits, role: uc.Role, value: r.vals[i]})
			}
		}
		if v := r.vals[len(t.cols.Units)]; v != "" {
			r.it.fields = append(r.it.fields, clauseField{kind: notation.FieldDeadline, value: v})
		}
		t.st.finish(r.it)
	}
	t.pending = nil
}

// joinCells joins the two parts of a cell broken by a page.
func joinCells(a, b string) string {
	var w wrapped
	w.add(a)
	w.add(b)
	return w.String()
}

// isCNNumerals reports whether s is a Chinese number (一, 十二).
func isCNNumerals(s string) bool {
	for _, r := range s {
		if !notation.IsCNNumeral(r) {
			return false
		}
	}
	return s != ""
}

// taskHeadingRow reports whether a row is one merged cell holding an outline
// heading ("一、营商环境"), and returns its text.
func taskHeadingRow(row []document.Cell) (string, bool) {
	text := ""
	for _, c := range row {
		t := strings.TrimFunc(c.Text, notation.IsSpace)
		if t == "" {
			continue
		}
		if text != "" && t != text {
			return "", false
		}
		text = t
	}
	if text == "" {
		return "", false
	}
	nonEmpty := 0
	for _, c := range row {
		if strings.TrimFunc(c.Text, notation.IsSpace) != "" {
			nonEmpty++
		}
	}
	if k, _, _ := notation.ParseMarker(text); k == notation.MarkNone || (nonEmpty < 2 && len(row) > 2) {
		return "", false
	}
	return text, true
}

func taskRowLine(row []document.Cell, col int) int {
	if col >= 0 && col < len(row) && row[col].Line > 0 {
		return row[col].Line
	}
	for _, c := range row {
		if c.Line > 0 {
			return c.Line
		}
	}
	return 0
}

func taskRowPage(row []document.Cell) int {
	for _, c := range row {
		if c.Page > 0 {
			return c.Page
		}
	}
	return 0
}

// isSubHeader reports whether row continues the header hdr: its task cell
// is empty or repeats the header's, its number cell holds no number, and
// some cell names a role.
func isSubHeader(hdr, row []document.Cell, cols notation.TableCols) bool {
	if t := notation.StripSpace(taskCellText(row, cols.Task)); t != "" && t != notation.StripSpace(taskCellText(hdr, cols.Task)) {
		return false
	}
	if s := notation.StripSpace(taskCellText(row, cols.Seq)); s != "" && s != notation.StripSpace(taskCellText(hdr, cols.Seq)) {
		return false
	}
	for _, c := range row {
		if notation.ContainsAnyOf(notation.StripSpace(c.Text), "牵头", "配合", "协办", "责任", "时限", "时间") {
			return true
		}
	}
	return false
}
