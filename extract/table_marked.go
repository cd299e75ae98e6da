package extract

import (
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// marked is what markedCells keeps: the heading cells open above the
// rows, and the task cell's own number and text for the row being read.
type marked struct {
	heads        []string
	numberedNum  string
	numberedTask string
	skipMore     int
}

// markedCells reads a row whose text cells each start with an outline
// number ("（一）全面实施… | 1.按照… | （1）全面准确…"): the cells before the
// last numbered one are headings of the outline (opened once, and again
// only when they change), the last is the task with its own number.
func (t *taskTable) markedCells(row []document.Cell, seq *string) {
	c := t.cols
	t.skipMore = -1
	cols := make([]int, 0, 2+len(c.More))
	for _, col := range append([]int{c.Seq, c.Task}, c.More...) {
		if col >= 0 && col < len(row) {
			cols = append(cols, col)
		}
	}
	var marked []int
	for _, col := range cols {
		v := taskCellText(row, col)
		if k, _, rest := notation.ParseMarker(v); k != notation.MarkNone && k != notation.MarkCircled && rest != "" {
			marked = append(marked, col)
		}
	}
	ownNumber := func() {
		if len(marked) > 0 && marked[0] == c.Task && c.Seq < 0 {
			// "1.行政规范性文件集中公开": the task's own number
			_, canon, rest := notation.ParseMarker(taskCellText(row, c.Task))
			t.numberedNum, t.numberedTask = canon, strings.TrimFunc(rest, notation.IsSpace)
		}
	}
	if len(marked) < 2 || (c.Seq >= 0 && isDigits(*seq)) {
		ownNumber()
		return
	}
	kinds := map[notation.MarkerKind]bool{}
	for _, col := range marked {
		k, _, _ := notation.ParseMarker(taskCellText(row, col))
		if kinds[k] {
			// the same numbering in two columns: a list inside a cell
			ownNumber()
			return
		}
		kinds[k] = true
	}
	last := marked[len(marked)-1]
	heads := make([]string, 0, len(marked)-1)
	for _, col := range marked[:len(marked)-1] {
		heads = append(heads, notation.StripSpace(taskCellText(row, col)))
	}
	same := len(heads) == len(t.heads)
	for i := 0; same && i < len(heads); i++ {
		same = heads[i] == t.heads[i]
	}
	if !same {
		t.flush()
		for i, col := range marked[:len(marked)-1] {
			if i < len(t.heads) && t.heads[i] == heads[i] {
				continue
			}
			hp := bodyPara{text: taskCellText(row, col), line: taskRowLine(row, col), page: taskRowPage(row)}
			if (outlineParser{}).parse(&hp, t.st) {
				t.parent = t.st.last
			}
		}
		t.heads = heads
	}
	_, canon, rest := notation.ParseMarker(taskCellText(row, last))
	t.numberedNum, t.numberedTask = canon, strings.TrimFunc(rest, notation.IsSpace)
	*seq = canon
	if last != c.Task {
		t.skipMore = last
	}
}
