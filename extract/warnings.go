package extract

import (
	"fmt"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/limits"
)

// manyUnits warns when the notice names more distinct units than get
// documents of their own (limits.UnitsPerNotice, duban.UnitAssignments).
func manyUnits(n *duban.Notice) []duban.Warning {
	seen := map[string]bool{}
	for _, t := range n.Tasks {
		for _, u := range t.Units {
			seen[duban.SheetKey(u)] = true
		}
	}
	if len(seen) <= limits.UnitsPerNotice {
		return nil
	}
	return []duban.Warning{{Code: duban.WarnManyUnits, Message: fmt.Sprintf(
		"通知列出%d个不同的责任单位，超过每个通知%d个的上限：前%d个单位各有任务清单、填报表和日历，其余%d个单位的任务只保留在记录和任务分解表中",
		len(seen), limits.UnitsPerNotice, limits.UnitsPerNotice, len(seen)-limits.UnitsPerNotice)}}
}

// taskWarnings lists what a person should check in the records: a deadline
// before the issue date, a task without unit, without deadline, or with a
// deadline text that was not understood (its raw text is kept).
func taskWarnings(n *duban.Notice) []duban.Warning {
	var ws []duban.Warning
	_, hasIssue := (&duban.Deadline{Date: n.IssueDate}).Time()
	issueDay := string(n.IssueDate)
	for _, t := range n.Tasks {
		if len(t.Units) == 0 {
			ws = append(ws, duban.Warning{Task: t.ID, Code: duban.WarnNoUnit,
				Message: fmt.Sprintf("任务%s没有责任单位", t.ID)})
		}
		switch {
		case t.Deadline == nil:
			ws = append(ws, duban.Warning{Task: t.ID, Code: duban.WarnNoDeadline,
				Message: fmt.Sprintf("任务%s没有完成时限", t.ID)})
		case t.Deadline.Kind == duban.KindUnknown:
			ws = append(ws, duban.Warning{Task: t.ID, Code: duban.WarnDeadlineUnknown,
				Message: fmt.Sprintf("任务%s的完成时限“%s”无法识别，请人工核对", t.ID, t.Deadline.Raw)})
		default:
			// Dates written YYYY-MM-DD (as parseDeadline writes them) order as strings.
			if d := t.Deadline.Date; hasIssue && len(d) == len(duban.DateLayout) && string(d) < issueDay {
				ws = append(ws, duban.Warning{Task: t.ID, Code: duban.WarnDeadlineBeforeIssue,
					Message: fmt.Sprintf("任务%s的完成时限%s（%s）早于印发日期%s", t.ID, t.Deadline.Raw, t.Deadline.Date, n.IssueDate)})
			}
		}
	}
	return ws
}
