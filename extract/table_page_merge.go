package extract

import "github.com/duban/duban"

// carryPageMerged fills the cells of a new task row that a page break left
// empty. A cell merged down several rows (one 牵头单位 or one 完成时限 for
// a run of tasks, as 任务分解表 are built) is printed only on the page
// where it starts, so the first row of the next page shows it empty,
// although nothing in the ruling marks it. An empty lead, responsible or
// deadline cell in the first row of a page, under a row that has one, is
// taken for such a cell; co cells stay as they are, as a task without
// partners is common.
func (t *taskTable) carryPageMerged(page int, vals []string) {
	n := len(t.pending)
	if n == 0 || page == 0 {
		return
	}
	prev := t.pending[n-1]
	if prev.it.page == 0 || prev.it.page == page || len(prev.vals) != len(vals) {
		return
	}
	for i, uc := range t.cols.Units {
		if uc.Role != duban.RoleCo && vals[i] == "" {
			vals[i] = prev.vals[i]
		}
	}
	if d := len(t.cols.Units); t.cols.Deadline >= 0 && vals[d] == "" {
		vals[d] = prev.vals[d]
	}
}
