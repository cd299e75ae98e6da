package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/duban/duban"
)

// The words and cell values a quarterly report shares between its PDF and
// its workbook.

// overviewText is the report's summary paragraph: the count of tasks due
// (always stated, also when it is zero), units and sections, the status
// counts when there is an as-of date, and the tasks listed apart.
func overviewText(r *quarterReport, ql *quarterlyLayout) string {
	var b strings.Builder
	span := chineseDate(r.start) + "至" + chineseDate(r.end)
	if len(r.due) == 0 {
		fmt.Fprintf(&b, "本季度（%s）到期任务共 0 项。%s", span, ql.main.Label("none", "本季度没有到期任务。"))
	} else {
		fmt.Fprintf(&b, "本季度（%s）到期任务共 %d 项，涉及责任单位 %d 个、工作板块 %d 个。", span, len(r.due), len(r.units), len(r.sections))
	}
	if !r.asOf.IsZero() {
		fmt.Fprintf(&b, "截至%s，本季度到期任务中已逾期 %d 项，%d日内到期（临期）%d 项。", chineseDate(r.asOf), r.overdue, r.warnDays, r.soon)
	}
	if r.done > 0 {
		fmt.Fprintf(&b, "各单位报告已完成 %d 项（不计入逾期）。", r.done)
	}
	if n, m := len(r.ongoing), len(r.recurring); n+m > 0 {
		fmt.Fprintf(&b, "另有%s任务 %d 项、%s %d 项，不计入到期任务，单独列出。",
			ql.main.Label("ongoing", "持续推进"), n, ql.main.Label("recurring", "定期任务"), m)
	}
	fmt.Fprintf(&b, "下季度（%s）到期任务 %d 项。", quarterTitle(r.next), len(r.nextDue))
	return b.String()
}

// asOfLine is the line saying what the status marks mean ("" without an
// as-of date).
func asOfLine(r *quarterReport, ql *quarterlyLayout) string {
	if r.asOf.IsZero() {
		return ""
	}
	return fmt.Sprintf("状态截至%s：截止日期已过为“%s”，%d日内到期为“%s”。",
		chineseDate(r.asOf), ql.main.Label("overdue", "逾期"), r.warnDays, ql.main.Label("due_soon", "临期"))
}

// statusLabel is the word of a status ("" for none).
func statusLabel(s int, ql *quarterlyLayout) string {
	switch s {
	case statusOverdue:
		return ql.main.Label("overdue", "逾期")
	case statusSoon:
		return ql.main.Label("due_soon", "临期")
	case statusDone:
		return ql.main.Label("done", "已完成")
	}
	return ""
}

// statusColors gives a status's row fill and text colour.
func statusColors(s int, ql *quarterlyLayout) (fill, text string) {
	switch s {
	case statusOverdue:
		return colorOf(ql.main, "overdue", "#F4B6B6"), colorOf(ql.main, "overdue_text", "#C00000")
	case statusSoon:
		return colorOf(ql.main, "due_soon", "#FFE699"), colorOf(ql.main, "due_soon_text", "#9C5700")
	case statusDone:
		return colorOf(ql.main, "done", "#C6EFCE"), colorOf(ql.main, "done_text", "#006100")
	}
	return "", ""
}

func colorOf(d docLayout, key, def string) string {
	if v, ok := d.Colors[key]; ok {
		return v
	}
	return def
}

// taskID is a task's number, with its notice's 文号 when the run has
// several notices.
func taskID(notices []*duban.Notice, t qTask, multi bool) string {
	n := notices[t.notice]
	if multi && n.DocNumber != "" {
		return n.DocNumber + "\n" + t.task.Number()
	}
	return t.task.Number()
}

// countCell is a count as a table cell: "" for status counts without an
// as-of date, so that those columns are hidden.
func countCell(v int, status bool, r *quarterReport) string {
	if status && r.asOf.IsZero() {
		return ""
	}
	return strconv.Itoa(v)
}

// taskValue is the text of a column of the task tables for t (the seq-th
// row), listed under unit e.unit when e is set.
func taskValue(key string, seq int, t qTask, e *qEntry, notices []*duban.Notice, multi bool, ql *quarterlyLayout) string {
	task := t.task
	switch key {
	case "seq":
		return strconv.Itoa(seq)
	case "id":
		return taskID(notices, t, multi)
	case "text":
		return task.Text
	case "unit":
		if e != nil && e.unit.Name != "" {
			return e.key
		}
		return ""
	case "role":
		if e != nil && e.unit.Name != "" {
			return roleCell(e.unit.Role, e.via)
		}
		return ""
	case "partners":
		if e != nil {
			return partners(task, e.name, e.via)
		}
		return partners(task)
	case "units":
		return openSuffix(task, roleList(task))
	case "status":
		return statusLabel(t.status, ql)
	case "kind":
		if task.Deadline != nil && task.Deadline.Kind == duban.KindRecurring {
			return ql.main.Label("recurring", "定期任务")
		}
		return ql.main.Label("ongoing", "持续推进")
	case "notice":
		return notices[t.notice].DocNumber
	case "deadline", "date", "quarter", "section":
		return ledgerValue(key, notices[t.notice], task)
	}
	return ""
}

// groupLabel is a unit's group heading: 市教育局（7项）.
func groupLabel(key string, n int) string {
	return key + "（" + strconv.Itoa(n) + "项）"
}
