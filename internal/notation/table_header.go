package notation

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
)

// column roles of a task table
type TableCols struct {
	Seq, Task, Deadline int
	More                []int // further text columns ("重点任务 | 具体措施")
	Units               []UnitCol
}

type UnitCol struct {
	Col  int
	Role duban.Role
}

// TableHeader finds the columns of a task table in one row; ok is false
// when the row is no task-table header.
func TableHeader(row []document.Cell) (TableCols, bool) {
	c := TableCols{Seq: -1, Task: -1, Deadline: -1}
	seen := map[string]bool{}
	for i, cell := range row {
		h := StripSpace(cell.Text)
		if h == "" || seen[h] {
			continue
		}
		if headerCellTooWordy(h) {
			// a sentence ("…积极配合有关部门，…") is data, whatever
			// words it holds
			return TableCols{}, false
		}
		seen[h] = true
		switch {
		case ContainsAnyOf(h, "领导", "责任人", "联系人", "联络员", "备注"):
			// people and remarks, not units
		case strings.Contains(h, "牵头"):
			c.Units = append(c.Units, UnitCol{i, duban.RoleLead})
		case ContainsAnyOf(h, "配合", "协办", "协同", "参与", "协助"):
			c.Units = append(c.Units, UnitCol{i, duban.RoleCo})
		case ContainsAnyOf(h, "时限", "时间", "期限", "节点", "进度"):
			if c.Deadline < 0 {
				c.Deadline = i
			}
		case ContainsAnyOf(h, "责任", "负责", "承办", "主体", "实施单位"):
			c.Units = append(c.Units, UnitCol{i, duban.RoleResponsible})
		case ContainsAnyOf(h, "序号", "编号") || h == "序":
			if c.Seq < 0 {
				c.Seq = i
			}
		case ContainsAnyOf(h, "任务", "内容", "事项", "措施", "工作", "项目", "目标"):
			if c.Task < 0 {
				c.Task = i
			} else {
				c.More = append(c.More, i)
			}
		}
	}
	return c, c.Task >= 0 && (len(c.Units) > 0 || c.Deadline >= 0)
}

// headerCellTooWordy reports whether a cell is too long, or holds sentence
// or list punctuation, to be a column heading.
func headerCellTooWordy(h string) bool {
	return utf8.RuneCountInString(h) > 30 || strings.ContainsAny(h, "。，,；;")
}

func ContainsAnyOf(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
