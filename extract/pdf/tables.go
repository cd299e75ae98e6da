package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds ruled tables on a page: horizontal and vertical rules
// that cross each other form a grid; each glyph inside the grid goes to
// the cell under its centre; a cell's lines are rebuilt like any text and
// joined. Cells merged across a missing rule are repeated into every grid
// position they cover.

const (
	ruleTol    = 1.5 // points: rules this close are one rule
	ruleMinLen = 3.0 // points: shorter pieces are not rules
	maxRules   = 600 // more rules in one direction: a drawing
	maxCells   = 6000
)

type hRule struct{ y, x0, x1 float64 }
type vRule struct{ x, y0, y1 float64 }

// table is one ruled table of a page.
type table struct {
	ys      []float64 // row boundaries, top to bottom
	xs      []float64 // column boundaries, left to right
	hs      []hRule
	vs      []vRule
	cells   [][]glyph // glyphs per anchor cell
	anchors []int     // grid cell -> its merged cell's top-left cell
	rows    [][]string
	cols    []int // grid column of each cell of rows (empty columns dropped)
	page    int
	// pages of each row, for tables continued over pages
	rowPages []int
}

// findTables returns the ruled grids among a page's segments.
func findTables(segs []segment) []*table {
	var hs []hRule
	var vs []vRule
	for _, s := range segs {
		dx, dy := math.Abs(s.x1-s.x0), math.Abs(s.y1-s.y0)
		switch {
		case dy <= 1 && dx >= ruleMinLen:
			hs = append(hs, hRule{(s.y0 + s.y1) / 2, math.Min(s.x0, s.x1), math.Max(s.x0, s.x1)})
		case dx <= 1 && dy >= ruleMinLen:
			vs = append(vs, vRule{(s.x0 + s.x1) / 2, math.Min(s.y0, s.y1), math.Max(s.y0, s.y1)})
		}
	}
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	hs = mergeH(hs)
	vs = mergeV(vs)
	if len(hs) > maxRules || len(vs) > maxRules {
		return nil // a drawing, not tables
	}
	// Connected components of crossing rules.
	parent := make([]int, len(hs)+len(vs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, h := range hs {
		for j, v := range vs {
			if v.x >= h.x0-2 && v.x <= h.x1+2 && h.y >= v.y0-2 && h.y <= v.y1+2 {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	groups := map[int]*table{}
	var order []int
	for i, h := range hs {
		r := find(i)
		if groups[r] == nil {
			groups[r] = &table{}
			order = append(order, r)
		}
		groups[r].hs = append(groups[r].hs, h)
	}
	for j, v := range vs {
		r := find(len(hs) + j)
		if groups[r] == nil {
			continue
		}
		groups[r].vs = append(groups[r].vs, v)
	}
	var out []*table
	for _, r := range order {
		t := groups[r]
		for _, h := range t.hs {
			t.ys = append(t.ys, h.y)
		}
		for _, v := range t.vs {
			t.xs = append(t.xs, v.x)
		}
		t.ys = uniqueSorted(t.ys, true)
		t.xs = uniqueSorted(t.xs, false)
		if len(t.ys) < 2 || len(t.xs) < 3 {
			continue // a frame or boxes of shading, not a table
		}
		nr, nc := len(t.ys)-1, len(t.xs)-1
		if nr*nc > maxCells {
			continue
		}
		t.cells = make([][]glyph, nr*nc)
		t.anchors = make([]int, nr*nc)
		for r := 0; r < nr; r++ {
			for c := 0; c < nc; c++ {
				ar, ac := t.findAnchor(r, c)
				t.anchors[r*nc+c] = ar*nc + ac
			}
		}
		out = append(out, t)
	}
	return out
}

func mergeH(hs []hRule) []hRule {
	sort.Slice(hs, func(i, j int) bool {
		if math.Abs(hs[i].y-hs[j].y) > ruleTol {
			return hs[i].y < hs[j].y
		}
		return hs[i].x0 < hs[j].x0
	})
	var out []hRule
	for _, h := range hs {
		if n := len(out); n > 0 && math.Abs(out[n-1].y-h.y) <= ruleTol && h.x0 <= out[n-1].x1+2 {
			out[n-1].x1 = math.Max(out[n-1].x1, h.x1)
			continue
		}
		out = append(out, h)
	}
	return out
}

func mergeV(vs []vRule) []vRule {
	sort.Slice(vs, func(i, j int) bool {
		if math.Abs(vs[i].x-vs[j].x) > ruleTol {
			return vs[i].x < vs[j].x
		}
		return vs[i].y0 < vs[j].y0
	})
	var out []vRule
	for _, v := range vs {
		if n := len(out); n > 0 && math.Abs(out[n-1].x-v.x) <= ruleTol && v.y0 <= out[n-1].y1+2 {
			out[n-1].y1 = math.Max(out[n-1].y1, v.y1)
			continue
		}
		out = append(out, v)
	}
	return out
}

// uniqueSorted sorts values (descending if desc) and merges those within
// 2 points of each other.
func uniqueSorted(v []float64, desc bool) []float64 {
	sort.Float64s(v)
	var out []float64
	for _, x := range v {
		if n := len(out); n > 0 && x-out[n-1] <= 2 {
			continue
		}
		out = append(out, x)
	}
	if desc {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// hasV reports whether a vertical rule at x crosses height y.
func (t *table) hasV(x, y float64) bool {
	for _, v := range t.vs {
		if math.Abs(v.x-x) <= 2 && y >= v.y0-1 && y <= v.y1+1 {
			return true
		}
	}
	return false
}

// hasH reports whether a horizontal rule at y crosses abscissa x.
func (t *table) hasH(y, x float64) bool {
	for _, h := range t.hs {
		if math.Abs(h.y-y) <= 2 && x >= h.x0-1 && x <= h.x1+1 {
			return true
		}
	}
	return false
}

// anchor returns the top-left grid cell of the merged cell holding (r, c).
func (t *table) anchor(r, c int) (int, int) {
	nc := len(t.xs) - 1
	a := t.anchors[r*nc+c]
	return a / nc, a % nc
}

// findAnchor walks left over missing vertical rules and up over missing
// horizontal ones.
func (t *table) findAnchor(r, c int) (int, int) {
	for guard := 0; guard < len(t.xs)+len(t.ys); guard++ {
		midY := (t.ys[r] + t.ys[r+1]) / 2
		midX := (t.xs[c] + t.xs[c+1]) / 2
		switch {
		case c > 0 && !t.hasV(t.xs[c], midY):
			c--
		case r > 0 && !t.hasH(t.ys[r], midX):
			r--
		default:
			return r, c
		}
	}
	return r, c
}

// place puts a glyph into its cell if its centre lies in the table.
func (t *table) place(g glyph, cx, cy float64) bool {
	nr, nc := len(t.ys)-1, len(t.xs)-1
	if cy > t.ys[0] || cy < t.ys[nr] || cx < t.xs[0] || cx > t.xs[nc] {
		return false
	}
	r := 0
	for r < nr-1 && cy < t.ys[r+1] {
		r++
	}
	c := 0
	for c < nc-1 && cx > t.xs[c+1] {
		c++
	}
	r, c = t.anchor(r, c)
	t.cells[r*nc+c] = append(t.cells[r*nc+c], g)
	return true
}

// build writes the cell texts; it reports false for a grid without text.
func (t *table) build(page int) bool {
	t.page = page
	nr, nc := len(t.ys)-1, len(t.xs)-1
	grid := make([][]string, nr)
	for r := 0; r < nr; r++ {
		grid[r] = make([]string, nc)
		for c := 0; c < nc; c++ {
			ar, ac := t.anchor(r, c)
			if ar == r && ac == c {
				grid[r][c] = cellText(t.cells[r*nc+c], t.cellLimit(r, c))
			} else {
				grid[r][c] = grid[ar][ac]
			}
		}
	}
	// Drop rows and columns without any text.
	keepCol := make([]bool, nc)
	for _, row := range grid {
		for c, s := range row {
			if s != "" {
				keepCol[c] = true
			}
		}
	}
	for c, k := range keepCol {
		if k {
			t.cols = append(t.cols, c)
		}
	}
	for _, row := range grid {
		var cells []string
		empty := true
		for c, s := range row {
			if keepCol[c] {
				cells = append(cells, s)
				if s != "" {
					empty = false
				}
			}
		}
		if !empty {
			t.rows = append(t.rows, cells)
			t.rowPages = append(t.rowPages, page)
		}
	}
	return len(t.rows) > 0
}

// cellText rebuilds a cell's lines and joins them: directly between CJK
// text, with a space between words of other scripts; a line that ends so
// short of limit (the right end of the cell's text area) that the next
// line's first unit would have fitted ends a paragraph of the cell, which
// is kept as a line break, as the DOCX reader keeps a cell's paragraphs.
// Without a known limit (+Inf) all lines are joined.
func cellText(gs []glyph, limit float64) string {
	lines := buildLines(gs)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && b.Len() > 0 && !math.IsInf(limit, 1) {
			p := lines[i-1]
			lead := l.lead
			if lead <= 0 {
				lead = l.size
			}
			if p.x1+lead < limit-0.2*l.size {
				b.WriteByte('\n')
				b.WriteString(strings.TrimSpace(l.text))
				continue
			}
		}
		joinText(&b, l.text)
	}
	return b.String()
}

// cellLimit is the right end of the text area of the merged cell whose
// top-left grid cell is (r, c): its right rule less the padding its text
// keeps from the left rule.
func (t *table) cellLimit(r, c int) float64 {
	nc := len(t.xs) - 1
	right := c
	for right+1 < nc && t.anchors[r*nc+right+1] == r*nc+c {
		right++
	}
	gs := t.cells[r*nc+c]
	if len(gs) == 0 {
		return t.xs[right+1]
	}
	left := gs[0].x
	for _, g := range gs {
		left = math.Min(left, g.x)
	}
	pad := math.Max(0.5, math.Min(left-t.xs[c], 20))
	return t.xs[right+1] - pad
}

// joinText appends a wrapped line's text to b.
func joinText(b *strings.Builder, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if b.Len() > 0 {
		cur := b.String()
		last, _ := utf8.DecodeLastRuneInString(cur)
		next, _ := utf8.DecodeRuneInString(s)
		if needsSpace(last, next) {
			b.WriteByte(' ')
		}
	}
	b.WriteString(s)
}

// needsSpace reports whether two wrapped line halves need a space
// between them: only between words of space-separated scripts.
func needsSpace(last, next rune) bool {
	if wideRune(last) || wideRune(next) {
		return false
	}
	return (unicode.IsLetter(last) || unicode.IsDigit(last) || strings.ContainsRune(",.;:!?)", last)) &&
		(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '(')
}
