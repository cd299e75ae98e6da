package extract

import (
	"strconv"
	"strings"

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
	units               []unitCol
}

type unitCol struct {
	col  int
	role duban.Role
}

// tableHeader finds the columns of a task table in one row; ok is false
// when the row is no task-table header.
func tableHeader(row []Cell) (tableCols, bool) {
	c := tableCols{seq: -1, task: -1, deadline: -1}
	seen := map[string]bool{}
	for i, cell := range row {
		h := stripSpace(cell.Text)
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		switch {
		case strings.Contains(h, "牵头"):
			c.units = append(c.units, unitCol{i, duban.RoleLead})
		case containsAnyOf(h, "配合", "协办", "协同", "参与", "协助"):
			c.units = append(c.units, unitCol{i, duban.RoleCo})
		case containsAnyOf(h, "时限", "时间", "期限", "节点"):
			if c.deadline < 0 {
				c.deadline = i
			}
		case containsAnyOf(h, "责任人", "联系人", "领导"):
		case containsAnyOf(h, "责任", "负责", "承办", "主体", "实施单位"):
			c.units = append(c.units, unitCol{i, duban.RoleResponsible})
		case containsAnyOf(h, "序号", "编号") || h == "序":
			if c.seq < 0 {
				c.seq = i
			}
		case containsAnyOf(h, "任务", "内容", "事项", "措施", "工作", "项目", "目标"):
			if c.task < 0 {
				c.task = i
			}
		}
	}
	return c, c.task >= 0 && (len(c.units) > 0 || c.deadline >= 0)
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
	return strings.TrimFunc(w.text.String(), isSpace)
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
	parent := st.last
	n := 0
	for _, row := range rows[hdr+1:] {
		if _, again := tableHeader(row); again {
			continue // header repeated on a new page
		}
		task := taskCellText(row, cols.task)
		if heading, ok := taskHeadingRow(row); ok {
			// a heading row joins the outline like a paragraph
			hp := bodyPara{text: heading, line: taskRowLine(row, cols.task), page: taskRowPage(row)}
			if (outlineParser{}).parse(&hp, st) {
				parent = st.last
			}
			continue
		}
		if task == "" {
			continue
		}
		n++
		num := strconv.Itoa(n)
		if s := stripSpace(taskCellText(row, cols.seq)); s != "" {
			if _, canon, rest := parseMarker(s + "."); canon != "" && rest == "" {
				num = canon
			} else if _, canon, rest := parseMarker(s); canon != "" && rest == "" {
				num = canon
			} else {
				num = s
			}
		}
		it := &outlineItem{
			path:    []string{num},
			text:    task,
			line:    taskRowLine(row, cols.task),
			page:    taskRowPage(row),
			fromRow: true,
			parent:  parent,
		}
		if parent != nil {
			parent.children++
			it.path = append(append([]string{}, parent.path...), num)
			it.depth = parent.depth + 1
		} else {
			it.depth = 1
		}
		for _, uc := range cols.units {
			if v := taskCellText(row, uc.col); v != "" {
				it.fields = append(it.fields, clauseField{kind: fieldUnits, role: uc.role, value: v})
			}
		}
		if v := taskCellText(row, cols.deadline); v != "" {
			it.fields = append(it.fields, clauseField{kind: fieldDeadline, value: v})
		}
		st.items = append(st.items, it)
		st.finish(it)
	}
	return true
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
