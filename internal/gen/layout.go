package gen

import (
	"fmt"
	"strings"
)

// Para is one paragraph of a notice, or a task table when Table is set.
type Para struct {
	Text  string
	Table [][]string
}

// Paras lays the notice out as paragraphs; tables only when withTables
// (DOCX), otherwise a table notice is written with labelled lines.
func (n *Notice) Paras(withTables bool) []Para {
	var ps []Para
	add := func(format string, a ...any) { ps = append(ps, Para{Text: fmt.Sprintf(format, a...)}) }
	if n.RedHeader {
		add("%s文件", n.Issuer)
	}
	add("%s", n.DocNumber)
	add("%s", n.Title)
	add("各有关单位：")
	add("《%s》已经政府同意，现印发给你们，请认真贯彻落实。", n.PlanTitle)
	add("%s", n.Issuer)
	add("%s", n.DateText)
	add("（此件公开发布）")
	add("%s", n.PlanTitle)
	add("为做好%d年各项工作，结合实际，制定本计划。", n.Year)
	style := n.Style
	if style == StyleTable && !withTables {
		style = StyleLabelled
	}
	for si, s := range n.Sections {
		add("%s、%s", cnNumber(si+1), s.Title)
		for bi, sub := range s.Subs {
			if sub.Title != "" {
				add("（%s）%s", cnNumber(bi+1), sub.Title)
			}
			if style == StyleTable {
				ps = append(ps, Para{Table: n.table(sub.Tasks)})
				continue
			}
			for ti, t := range sub.Tasks {
				num := fmt.Sprintf("%d.", ti+1)
				if style == StyleInline && n.Depth == 2 {
					num = "（" + cnNumber(ti+1) + "）"
				}
				ps = append(ps, n.taskParas(style, num, t)...)
			}
		}
	}
	add("%s、工作要求", cnNumber(len(n.Sections)+1))
	add("各单位要于每季度末月25日前报送工作进展情况。")
	return ps
}

func (n *Notice) taskParas(style Style, num string, t Task) []Para {
	units := strings.Join(append(append([]string(nil), t.Lead...), t.Units...), "、")
	if t.Open {
		units += "等"
	}
	b0, b1, c := n.Brackets[0], n.Brackets[1], n.Colon
	switch style {
	case StyleLabelled:
		ps := []Para{{Text: num + t.Text}, {Text: "牵头单位" + c + strings.Join(t.Lead, "、")}}
		if len(t.Units) > 0 {
			ps = append(ps, Para{Text: "责任单位" + c + strings.Join(t.Units, "、")})
		}
		if t.Deadline != "" {
			ps = append(ps, Para{Text: "完成时限" + c + t.Deadline})
		}
		return ps
	case StyleInline:
		text := t.Text
		if t.Deadline != "" {
			text = t.Deadline + "，" + text
		}
		clause := strings.Join(t.Lead, "、") + "负责"
		if len(t.Units) > 0 {
			clause = strings.Join(t.Lead, "、") + "牵头，" + strings.Join(t.Units, "、") + "参与"
		}
		return []Para{{Text: num + text + "（" + clause + "）"}}
	}
	label := "完成时间"
	if style == StyleSemicolon {
		label = "完成时限"
	}
	clause := "责任单位" + c + units
	if t.Deadline != "" {
		clause += n.Sep + label + c + t.Deadline
	}
	return []Para{{Text: num + t.Text + b0 + clause + b1}}
}

func (n *Notice) table(tasks []Task) [][]string {
	rows := [][]string{{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"}}
	for i, t := range tasks {
		rows = append(rows, []string{fmt.Sprint(i + 1), t.Text, strings.Join(t.Lead, "、"), strings.Join(t.Units, "、"), t.Deadline})
	}
	return rows
}
