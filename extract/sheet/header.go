package sheet

import (
	"strings"
	"unicode/utf8"
)

// The words of a task table's column headings: a task column and a unit or
// deadline column make a header row. The parser gives the columns their
// roles; this only finds where the table starts.
var (
	taskHeadWords  = []string{"任务", "内容", "事项", "措施", "工作", "项目", "目标"}
	otherHeadWords = []string{"牵头", "配合", "责任", "负责", "承办", "协办", "时限", "时间", "期限", "节点"}
)

// headerRow reports whether a row is a task table's header row, and the
// columns the table spans (first to last heading).
func headerRow(row []string) (first, last int, ok bool) {
	task, other := false, false
	first, last = -1, -1
	for i, c := range row {
		h := strings.Join(strings.Fields(c), "")
		if h == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		if utf8.RuneCountInString(h) > 12 || strings.ContainsAny(h, "。，,；;：:") {
			continue
		}
		switch {
		case containsAny(h, otherHeadWords):
			other = true
		case containsAny(h, taskHeadWords):
			task = true
		}
	}
	return first, last, task && other
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
