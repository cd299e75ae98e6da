package pdf

import "math"

// A table row broken over a page leaves on the next page a fragment of the
// same grid in which only the cells whose text ran over hold anything (a
// long 重点任务 or 配合单位 cell), so the columns left empty there were
// dropped and the fragment looks narrower than the table it continues.

// realignColumns reports whether table t is drawn on the same column
// rules as prev (a continuation whose empty columns were dropped) and, if
// so, spreads t's cells back over prev's columns.
func realignColumns(prev, t *table) bool {
	if len(prev.xs) != len(t.xs) || len(prev.cols) == 0 || len(t.cols) == 0 {
		return false
	}
	for i := range prev.xs {
		if math.Abs(prev.xs[i]-t.xs[i]) > 2 {
			return false
		}
	}
	at := make(map[int]int, len(prev.cols))
	for i, c := range prev.cols {
		at[c] = i
	}
	for _, c := range t.cols {
		if _, ok := at[c]; !ok {
			return false // text in a column prev has none in: not the same table
		}
	}
	for r, row := range t.rows {
		wide := make([]string, len(prev.cols))
		for i, s := range row {
			if i < len(t.cols) {
				wide[at[t.cols[i]]] = s
			}
		}
		t.rows[r] = wide
	}
	t.cols = prev.cols
	return true
}
