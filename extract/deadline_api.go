package extract

import (
	"time"

	"github.com/duban/duban"
)

// ParseDeadline reads a deadline as a person wrote it (完成时限) for notice
// n: its plan year and issue date anchor the text, as in extraction. It is
// how a corrected 完成时限 gets its date, kind and quarter again.
func ParseDeadline(raw string, n *duban.Notice) *duban.Deadline {
	var issue time.Time
	if n != nil && n.IssueDate != "" {
		issue, _ = time.Parse(duban.DateLayout, string(n.IssueDate))
	}
	year := 0
	if n != nil {
		year = n.Year
	}
	if year == 0 && !issue.IsZero() {
		year = issue.Year()
	}
	return parseDeadline(raw, year, issue)
}
