package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
)

// Style 5: a task table, 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限. The
// columns are found by the words of the header row, whatever their order;
// a cell may hold text wrapped over several lines. A row whose cells all
// hold the same text (one cell merged across the table) and that starts
// with an outline number is a heading of the outline.

// column roles of a task table
type tableCols struct {
	seq, task, deadline int
	more                []int // further text columns ("重点任务 | 具体措施")
	units               []unitCol
	leader              int   // 责任领导 / 分管领导: people, -1 when none
	remark              int   // 备注: a deadline when no column holds one
	category            []int // categories spanning rows: the section
}

type unitCol struct {
	col  int
	role duban.Role
}

// tableHeader finds the columns of a task table in one row; ok is false
// when the row is no task-table header.
func tableHeader(row []Cell) (tableCols, bool) {
	c := tableCols{seq: -1, task: -1, deadline: -1, leader: -1, remark: -1}
	seen := map[string]bool{}
	for i, cell := range row {
		h := stripSpace(cell.Text)
		if h == "" || (seen[h] && h != categoryHeader) {
			continue
		}
		if headerCellTooWordy(h) {
			// a sentence ("…积极配合有关部门，…") is data, whatever
			// words it holds
			return tableCols{}, false
		}
		seen[h] = true
		switch {
		case containsAnyOf(h, "领导"):
			// people answerable for the task (责任领导, 分管领导), not units
			if c.leader < 0 {
				c.leader = i
			}
		case h == "备注":
			c.remark = i
		case containsAnyOf(h, "责任人", "联系人", "联络员", "类型", "完成情况", "进展"):
			// people, classes and progress, not units or deadlines
		case h == categoryHeader:
			c.category = append(c.category, i)
		case strings.Contains(h, "牵头"):
			c.units = append(c.units, unitCol{i, duban.RoleLead})
		case containsAnyOf(h, "配合", "协办", "协同", "参与", "协助"):
			c.units = append(c.units, unitCol{i, duban.RoleCo})
		case containsAnyOf(h, "时限", "时间", "期限", "节点", "进度"):
			if c.deadline < 0 {
				c.deadline = i
			}
		case containsAnyOf(h, "责任", "负责", "承办", "主体", "实施单位"):
			c.units = append(c.units, unitCol{i, duban.RoleResponsible})
		case containsAnyOf(h, "序号", "编号") || h == "序":
			if c.seq < 0 {
				c.seq = i
			}
		case containsAnyOf(h, "任务", "内容", "事项", "措施", "工作", "项目", "目标", "要求", "指标"):
			if c.task < 0 {
				c.task = i
			} else {
				c.more = append(c.more, i)
			}
		}
	}
	return c, c.task >= 0 && (len(c.units) > 0 || c.deadline >= 0)
}

// headerCellTooWordy reports whether a cell is too long, or holds sentence
// or list punctuation, to be a column heading.
func headerCellTooWordy(h string) bool {
	return utf8.RuneCountInString(h) > 30 || strings.ContainsAny(h, "。，,；;")
}

func containsAnyOf(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// taskCellText joins the lines of a cell's wrapped text.
func taskCellText(row []Cell, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	var w wrapped
	for _, l := range strings.Split(row[col].Text, "\n") {
		w.add(l)
	}
	return strings.TrimFunc(w.String(), isSpace)
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
	var cols tableCols
	for i := 0; i < len(rows) && i < 3; i++ {
		if c, ok := tableHeader(rows[i]); ok {
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
		merged := make([]Cell, len(rows[hdr+1]))
		for i := range merged {
			top := ""
			if i < len(rows[hdr]) {
				top = rows[hdr][i].Text
			}
			sub := rows[hdr+1][i].Text
			if stripSpace(sub) == stripSpace(top) {
				sub = ""
			}
			merged[i] = Cell{Text: top + sub}
		}
		if c, ok := tableHeader(merged); ok {
			cols = c
			hdr++
		}
	}
	// Rows belong to the last open heading, never to a task row.
	st.last = nil
	if len(st.stack) > 0 {
		st.last = st.stack[len(st.stack)-1]
	}
	t := &taskTable{st: st, cols: cols, parent: st.last, skipMore: -1}
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
	cols    tableCols
	parent  *outlineItem
	n       int
	pending []*tableRow

	// markedCells: the heading cells open above the rows, and the task
	// cell's own number and text for the row being read
	heads        []string
	numberedNum  string
	numberedTask string
	skipMore     int
}

// tableRow is one task of a task table being built.
type tableRow struct {
	it   *outlineItem
	seq  string
	task string
	vals []string // per unit column, then the deadline column
}

func (t *taskTable) row(row []Cell) {
	c := t.cols
	seq := stripSpace(taskCellText(row, c.seq))
	if _, again := tableHeader(row); again && !strings.ContainsAny(seq, "0123456789") {
		return // header repeated on a new page (a numbered row is a task)
	}
	if t.markedCells(row, &seq) {
		return
	}
	task := taskCellText(row, c.task)
	if t.numberedTask != "" {
		task, t.numberedTask = t.numberedTask, ""
	}
	for _, col := range c.more {
		if col == t.skipMore {
			continue
		}
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
	vals := make([]string, len(c.units)+1)
	empty := true
	for i, uc := range c.units {
		vals[i] = separateGluedNames(unitCellText(row, uc.col))
		empty = empty && vals[i] == ""
	}
	vals[len(c.units)] = taskCellText(row, c.deadline)
	if c.deadline < 0 && c.remark >= 0 {
		// a deadline written in the 备注 column ("11月底前完成")
		if v := taskCellText(row, c.remark); findDeadline(v) != "" && utf8.RuneCountInString(v) <= 24 {
			vals[len(c.units)] = v
		}
	}
	empty = empty && vals[len(c.units)] == ""
	leader := taskCellText(row, c.leader)

	heading, isHeading := taskHeadingRow(row)
	if !isHeading && empty && seq != "" && isCNNumerals(seq) && task != "" {
		heading, isHeading = seq+"、"+task, true // 一 | 营商环境 | | |
	}
	if !isHeading && empty && seq == "" {
		if k, _, _ := parseMarker(task); k != markNone {
			heading, isHeading = task, true
		}
	}
	if isHeading {
		t.flush()
		hp := bodyPara{text: heading, line: taskRowLine(row, c.task), page: taskRowPage(row)}
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
		case c.seq >= 0 && seq == "":
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
		if _, canon, rest := parseMarker(seq + "."); canon != "" && rest == "" {
			num = canon
		} else if _, canon, rest := parseMarker(seq); canon != "" && rest == "" {
			num = canon
		} else {
			num = seq
		}
	}
	it := &outlineItem{
		path:    []string{num},
		text:    task,
		line:    taskRowLine(row, c.task),
		page:    taskRowPage(row),
		fromRow: true,
		parent:  t.parent,
		depth:   1,
	}
	if t.numberedNum != "" {
		num, t.numberedNum = t.numberedNum, ""
		it.path[0] = num
	}
	if t.parent != nil {
		t.parent.children++
		it.path = append(append([]string{}, t.parent.path...), num)
		it.depth = t.parent.depth + 1
	}
	it.leader = stripSpace(leader)
	for _, col := range c.category {
		if v := stripSpace(taskCellText(row, col)); v != "" {
			it.category = append(it.category, v)
		}
	}
	t.carryPageMerged(it.page, vals)
	t.pending = append(t.pending, &tableRow{it: it, seq: seq, task: task, vals: vals})
}

// flush assigns the rows kept so far.
func (t *taskTable) flush() {
	for _, r := range t.pending {
		for i, uc := range t.cols.units {
			if r.vals[i] != "" {
				r.it.fields = append(r.it.fields, clauseField{kind: fieldUnits, role: uc.role, value: r.vals[i]})
			}
		}
		if v := r.vals[len(t.cols.units)]; v != "" {
			r.it.fields = append(r.it.fields, clauseField{kind: fieldDeadline, value: v})
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
		if !isCNNumeral(r) {
			return false
		}
	}
	return s != ""
}

// taskHeadingRow reports whether a row is one merged cell holding an outline
// heading ("一、营商环境"), and returns its text.
func taskHeadingRow(row []Cell) (string, bool) {
	text := ""
	for _, c := range row {
		t := strings.TrimFunc(c.Text, isSpace)
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
		if strings.TrimFunc(c.Text, isSpace) != "" {
			nonEmpty++
		}
	}
	if k, _, _ := parseMarker(text); k == markNone || (nonEmpty < 2 && len(row) > 2) {
		return "", false
	}
	return text, true
}

func taskRowLine(row []Cell, col int) int {
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

func taskRowPage(row []Cell) int {
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
func isSubHeader(hdr, row []Cell, cols tableCols) bool {
	if t := stripSpace(taskCellText(row, cols.task)); t != "" && t != stripSpace(taskCellText(hdr, cols.task)) {
		return false
	}
	if s := stripSpace(taskCellText(row, cols.seq)); s != "" && s != stripSpace(taskCellText(hdr, cols.seq)) {
		return false
	}
	for _, c := range row {
		if containsAnyOf(stripSpace(c.Text), "牵头", "配合", "协办", "责任", "时限", "时间") {
			return true
		}
	}
	return false
}

// markedCells reads a row whose text cells each start with an outline
// number ("（一）全面实施… | 1.按照… | （1）全面准确…"): the cells before the
// last numbered one are headings of the outline (opened once, and again
// only when they change), the last is the task with its own number.
// It reports whether the row was consumed (a heading row).
func (t *taskTable) markedCells(row []Cell, seq *string) bool {
	c := t.cols
	t.skipMore = -1
	cols := make([]int, 0, 2+len(c.more))
	for _, col := range append([]int{c.seq, c.task}, c.more...) {
		if col >= 0 && col < len(row) {
			cols = append(cols, col)
		}
	}
	var marked []int
	for _, col := range cols {
		v := taskCellText(row, col)
		if k, _, rest := parseMarker(v); k != markNone && k != markCircled && rest != "" {
			marked = append(marked, col)
		}
	}
	ownNumber := func() bool {
		if len(marked) > 0 && marked[0] == c.task && c.seq < 0 {
			// "1.行政规范性文件集中公开": the task's own number
			_, canon, rest := parseMarker(taskCellText(row, c.task))
			t.numberedNum, t.numberedTask = canon, strings.TrimFunc(rest, isSpace)
		}
		return false
	}
	if len(marked) < 2 || (c.seq >= 0 && isDigits(*seq)) {
		return ownNumber()
	}
	kinds := map[markerKind]bool{}
	for _, col := range marked {
		k, _, _ := parseMarker(taskCellText(row, col))
		if kinds[k] {
			// the same numbering in two columns: a list inside a cell
			return ownNumber()
		}
		kinds[k] = true
	}
	last := marked[len(marked)-1]
	heads := make([]string, 0, len(marked)-1)
	for _, col := range marked[:len(marked)-1] {
		heads = append(heads, stripSpace(taskCellText(row, col)))
	}
	same := len(heads) == len(t.heads)
	for i := 0; same && i < len(heads); i++ {
		same = heads[i] == t.heads[i]
	}
	if !same {
		t.flush()
		for i, col := range marked[:len(marked)-1] {
			if i < len(t.heads) && t.heads[i] == heads[i] {
				continue
			}
			hp := bodyPara{text: taskCellText(row, col), line: taskRowLine(row, col), page: taskRowPage(row)}
			if (outlineParser{}).parse(&hp, t.st) {
				t.parent = t.st.last
			}
		}
		t.heads = heads
	}
	_, canon, rest := parseMarker(taskCellText(row, last))
	t.numberedNum, t.numberedTask = canon, strings.TrimFunc(rest, isSpace)
	*seq = canon
	if last != c.task {
		t.skipMore = last
	}
	return false
}
