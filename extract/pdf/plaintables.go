package pdf

import (
	"math"
	"sort"
)

// This file finds tables drawn without rules: consecutive lines broken
// into chunks by wide gaps, whose chunks start at the same few x
// positions (the columns). A line with text in the first column starts a
// row, as does a wider vertical gap than the table's own line pitch; other
// lines continue the cells of the row above.

const (
	plainChunkGap  = 0.4 // gap (in em, beyond letter spacing) that separates cells
	plainAlign     = 3.0 // points: chunk starts this close share a column
	plainMinCols   = 3
	plainMinMulti  = 2 // lines with a chunk in at least plainMinCols columns
	plainMaxColumn = 20
)

// plainChunk is a run of a line's glyphs between wide gaps.
type plainChunk struct {
	x0     float64
	glyphs []glyph
}

// plainTable is a borderless table found among a page's lines: lines
// from..to-1 belong to it.
type plainTable struct {
	table    *table
	from, to int
	top      float64
}

func lineChunks(l textLine) []plainChunk {
	var out []plainChunk
	start, prev := -1, -1
	for i := range l.glyphs {
		g := &l.glyphs[i]
		if g.space {
			continue
		}
		if prev >= 0 {
			p := &l.glyphs[prev]
			if g.x-(p.x+p.ax)-l.track > plainChunkGap*math.Max(g.size, p.size) {
				out = append(out, plainChunk{x0: l.glyphs[start].x, glyphs: l.glyphs[start:i]})
				start = -1
			}
		}
		if start < 0 {
			start = i
		}
		prev = i
	}
	if start >= 0 {
		out = append(out, plainChunk{x0: l.glyphs[start].x, glyphs: l.glyphs[start:]})
	}
	return out
}

// findPlainTables returns the borderless tables among a page's lines
// (top to bottom).
func findPlainTables(lines []textLine, page int) []plainTable {
	chunks := make([][]plainChunk, len(lines))
	for i, l := range lines {
		chunks[i] = lineChunks(l)
	}
	var out []plainTable
	for i := 0; i < len(lines); {
		if len(chunks[i]) < plainMinCols {
			i++
			continue
		}
		t, end := plainTableAt(lines, chunks, i, page)
		if t == nil {
			i++
			continue
		}
		out = append(out, *t)
		i = end
	}
	return out
}

// plainTableAt tries a table starting at line start; it returns the table
// and the index after its last line.
func plainTableAt(lines []textLine, chunks [][]plainChunk, start, page int) (*plainTable, int) {
	// Lines with several chunks, and single-chunk lines between them.
	end := start + 1
	lastMulti := start
	for end < len(lines) {
		gap := lines[end-1].y - lines[end].y
		if gap <= 0 || gap > 2.5*lines[end].size {
			break
		}
		if len(chunks[end]) >= 2 {
			lastMulti = end
		} else if end-lastMulti > 3 {
			break
		}
		end++
	}
	end = lastMulti + 1
	// Columns: chunk starts shared by at least two lines.
	var xs []float64
	for i := start; i < end; i++ {
		for _, c := range chunks[i] {
			xs = append(xs, c.x0)
		}
	}
	sort.Float64s(xs)
	var cols []float64
	for k := 0; k < len(xs); {
		j := k
		for j < len(xs) && xs[j]-xs[k] <= plainAlign {
			j++
		}
		if j-k >= 2 {
			cols = append(cols, xs[k])
		}
		k = j
	}
	if len(cols) < plainMinCols || len(cols) > plainMaxColumn {
		return nil, start
	}
	col := func(x float64) int {
		c := -1
		for k, cx := range cols {
			if x >= cx-plainAlign {
				c = k
			}
		}
		return c
	}
	multi := 0
	for i := start; i < end; i++ {
		seen := map[int]bool{}
		for _, c := range chunks[i] {
			if k := col(c.x0); k >= 0 && math.Abs(c.x0-cols[k]) <= plainAlign {
				seen[k] = true
			}
		}
		if len(seen) >= plainMinCols {
			multi++
		}
	}
	if multi < plainMinMulti {
		return nil, start
	}
	// Trailing single-chunk lines that continue a cell of the last row.
	for end < len(lines) && len(chunks[end]) == 1 {
		gap := lines[end-1].y - lines[end].y
		k := col(chunks[end][0].x0)
		if gap <= 0 || gap > 1.6*lines[end].size || k <= 0 || math.Abs(chunks[end][0].x0-cols[k]) > plainAlign {
			break
		}
		end++
	}
	// Rows.
	minPitch := math.Inf(1)
	for i := start + 1; i < end; i++ {
		minPitch = math.Min(minPitch, lines[i-1].y-lines[i].y)
	}
	t := &table{page: page}
	var cells [][]glyph
	flush := func() {
		if cells == nil {
			return
		}
		row := make([]string, len(cols))
		for k, gs := range cells {
			row[k] = cellText(gs, math.Inf(1))
		}
		t.rows = append(t.rows, row)
		t.rowPages = append(t.rowPages, page)
		cells = nil
	}
	for i := start; i < end; i++ {
		first := col(chunks[i][0].x0) == 0
		if i == start || first || lines[i-1].y-lines[i].y > 1.3*minPitch {
			flush()
		}
		if cells == nil {
			cells = make([][]glyph, len(cols))
		}
		for _, c := range chunks[i] {
			k := max(col(c.x0), 0)
			cells[k] = append(cells[k], c.glyphs...)
		}
	}
	flush()
	top := lines[start].y + 0.8*lines[start].size
	t.ys = []float64{top}
	return &plainTable{table: t, from: start, to: end, top: top}, end
}
