package extract

import (
	"fmt"

	"github.com/duban/duban"
)

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
