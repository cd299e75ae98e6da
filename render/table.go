package render

import (
	"math"

	"github.com/duban/duban/internal/pdfw"
)

// pdfTable is a bordered table laid out by pdfDoc: the header row is repeated on
// every page; a row is kept on one page when it fits on one (otherwise the
// table moves to the next page); a row taller than a whole page is split
// between lines across pages; a group row (a section heading spanning every
// column) is kept with the row after it. Cells are wrapped with wrapLines and
// centred vertically.
type pdfTable struct {
	Columns    []tableColumn
	Rows       []tableRow
	Size       float64 // body font size, pt (default 9)
	HeaderSize float64 // header font size, pt (default Size)
	HeaderFill string  // header background (default "#D9E2F3")
	GroupFill  string  // group row background (default "#F2F2F2")
	PadX, PadY float64 // cell padding, mm (default 1.5 and 1.2)
}

// tableColumn is one table column.
type tableColumn struct {
	Label string
	// Width is a relative weight: the columns share the printable width in
	// proportion to their weights (a weight ≤ 0 counts as 1).
	Width float64
	Align string // "L" (default), "C" or "R"
	// HideEmpty drops the column when no row has text in it.
	HideEmpty bool
	// Fit widens the column to its widest line when a cell would wrap
	// (a task's number: 二（二）第2项), taking the room from the widest
	// column.
	Fit bool
}

// numberLabel reports whether a header labels a column of task numbers,
// which fit their numbers (tables whose columns are not laid out from
// layout.yaml, where the key id says it).
func numberLabel(label string) bool {
	return label == "编号" || label == "任务编号" || label == "督办编号"
}

// tableRow is one table row.
type tableRow struct {
	Cells []string // one per column; missing cells are blank
	Group bool     // Cells[0] spans every column (a section heading)
	Fill  string   // background "#RRGGBB" ("" = none, or GroupFill)
	Color string   // text colour ("" = black)
}

func (t *pdfTable) defaults() {
	if t.Size <= 0 {
		t.Size = 9
	}
	if t.HeaderSize <= 0 {
		t.HeaderSize = t.Size
	}
	if t.HeaderFill == "" {
		t.HeaderFill = "#D9E2F3"
	}
	if t.GroupFill == "" {
		t.GroupFill = "#F2F2F2"
	}
	if t.PadX <= 0 {
		t.PadX = 1.5
	}
	if t.PadY <= 0 {
		t.PadY = 1.2
	}
}

// ColumnWidths gives the widths in mm of the columns over total mm.
func (t *pdfTable) ColumnWidths(total float64) []float64 {
	sum := 0.0
	for _, c := range t.Columns {
		sum += weight(c.Width)
	}
	ws := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		ws[i] = total * weight(c.Width) / sum
	}
	return ws
}

// fit widens the Fit columns of widths to their widest line of text (at
// most a quarter of the table), taking the room from the widest column,
// which keeps at least two thirds of its width.
func (t *pdfTable) fit(widths []float64, width func(rune) float64) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	for c, col := range t.Columns {
		if !col.Fit {
			continue
		}
		need := 0.0
		for _, r := range t.Rows {
			if r.Group || c >= len(r.Cells) {
				continue
			}
			line := 0.0
			for _, ch := range pdfText(r.Cells[c]) {
				if ch == '\n' {
					need, line = max(need, line), 0
					continue
				}
				line += width(ch)
			}
			need = max(need, line)
		}
		need = min(need+2*t.PadX+0.5, total/4)
		if need <= widths[c] {
			continue
		}
		wide := -1
		for i, w := range widths {
			if i != c && !t.Columns[i].Fit && (wide < 0 || w > widths[wide]) {
				wide = i
			}
		}
		if wide < 0 {
			continue
		}
		grow := min(need-widths[c], widths[wide]/3)
		widths[c] += grow
		widths[wide] -= grow
	}
}

func weight(w float64) float64 {
	if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) {
		return 1
	}
	return w
}

// laidRow is a row with its cells wrapped.
type laidRow struct {
	cells  [][]string // lines per cell (one cell for a group row)
	widths []float64  // cell widths
	aligns []string
	lines  int // most lines of any cell
	size   float64
	fill   string
	color  string
}

func (t *pdfTable) lay(l *layout, cells []string, group bool, size float64, colW []float64, aligns []string) laidRow {
	r := laidRow{size: size}
	if group {
		total := 0.0
		for _, w := range colW {
			total += w
		}
		r.widths = []float64{total}
		r.aligns = []string{"L"}
		text := ""
		if len(cells) > 0 {
			text = cells[0]
		}
		cells = []string{text}
	} else {
		r.widths = colW
		r.aligns = aligns
	}
	wrap := l.doc.wrapper(size)
	r.cells = make([][]string, len(r.widths))
	r.lines = 1
	for i, w := range r.widths {
		if i < len(cells) {
			r.cells[i] = wrapLines(pdfText(cells[i]), w-2*t.PadX, wrap)
		}
		r.lines = max(r.lines, len(r.cells[i]))
	}
	return r
}

func (t *pdfTable) rowHeight(lines int, size float64) float64 {
	return float64(lines)*lineHeight(size) + 2*t.PadY
}

// dropEmpty removes the HideEmpty columns no data row fills.
func (t *pdfTable) dropEmpty() {
	keep := make([]bool, len(t.Columns))
	drop := false
	for c, col := range t.Columns {
		keep[c] = !col.HideEmpty
		for _, r := range t.Rows {
			if keep[c] {
				break
			}
			if !r.Group && c < len(r.Cells) && r.Cells[c] != "" {
				keep[c] = true
			}
		}
		drop = drop || !keep[c]
	}
	if !drop {
		return
	}
	var cols []tableColumn
	for c, col := range t.Columns {
		if keep[c] {
			cols = append(cols, col)
		}
	}
	rows := make([]tableRow, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = r
		if r.Group {
			continue
		}
		rows[i].Cells = nil
		for c, v := range r.Cells {
			if c >= len(keep) || keep[c] {
				rows[i].Cells = append(rows[i].Cells, v)
			}
		}
	}
	t.Columns, t.Rows = cols, rows
}

func (t *pdfTable) place(l *layout) {
	t.defaults()
	t.dropEmpty()
	if len(t.Columns) == 0 {
		return
	}
	colW := t.ColumnWidths(l.width)
	t.fit(colW, l.doc.wrapper(t.Size))
	aligns := make([]string, len(t.Columns))
	labels := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		aligns[i], labels[i] = c.Align, c.Label
	}
	centred := make([]string, len(t.Columns))
	for i := range centred {
		centred[i] = "C"
	}
	head := t.lay(l, labels, false, t.HeaderSize, colW, centred)
	head.fill = t.HeaderFill
	headH := t.rowHeight(head.lines, head.size)
	// Rows are wrapped as they are placed (with one row of lookahead for
	// a group row), so a long table never holds all its lines at once.
	layRow := func(i int) laidRow {
		r := t.Rows[i]
		lr := t.lay(l, r.Cells, r.Group, t.Size, colW, aligns)
		lr.fill, lr.color = r.Fill, r.Color
		if r.Group && r.Fill == "" {
			lr.fill = t.GroupFill
		}
		return lr
	}
	var next laidRow // row i+1 once laid, else lines == 0

	capacity := l.bottom - l.top - headH // the tallest row a page holds

	header := func() {
		t.drawRow(l, head, 0, head.lines, headH, true)
		l.y += headH
	}
	newPage := func() {
		l.newPage()
		header()
	}
	// Start where the header and the first row (or a start of it) fit.
	first := headH
	if len(t.Rows) > 0 {
		next = layRow(0)
		first += min(t.rowHeight(next.lines, t.Size), capacity)
	}
	if l.room() < first && !l.empty() {
		l.newPage()
	}
	header()
	for i := range t.Rows {
		r := next
		if r.lines == 0 {
			r = layRow(i)
		}
		next = laidRow{}
		h := t.rowHeight(r.lines, r.size)
		need := h
		if t.Rows[i].Group && i+1 < len(t.Rows) {
			next = layRow(i + 1)
			need += min(t.rowHeight(next.lines, t.Size), max(capacity-h, 0))
		}
		if need <= l.room() || h <= l.room() && need > capacity {
			t.drawRow(l, r, 0, r.lines, h, true)
			l.y += h
			continue
		}
		if h <= capacity {
			newPage()
			t.drawRow(l, r, 0, r.lines, h, true)
			l.y += h
			continue
		}
		// Taller than a page: split between lines.
		lh := lineHeight(r.size)
		for off := 0; off < r.lines; {
			k := int((l.room() - 2*t.PadY) / lh)
			if k < 1 || k < 3 && off == 0 && l.y > l.top+headH+0.01 {
				newPage()
				continue
			}
			k = min(k, r.lines-off)
			ch := t.rowHeight(k, r.size)
			t.drawRow(l, r, off, off+k, ch, false)
			l.y += ch
			off += k
			if off < r.lines {
				newPage()
			}
		}
	}
	l.y += 2
}

// drawRow draws lines [from, to) of every cell of r at the cursor in a row
// of height h, centred vertically when centre is set.
func (t *pdfTable) drawRow(l *layout, r laidRow, from, to int, h float64, centre bool) {
	x0, y := l.left, l.y
	lh := lineHeight(r.size)
	for _, lines := range r.cells {
		for _, line := range lines[min(from, len(lines)):min(to, len(lines))] {
			l.traceLine(line)
		}
	}
	pad := t.PadX
	padY := t.PadY
	l.draw(func(p *pdfw.Page) {
		p.SetLineWidth(0.2)
		p.SetStrokeColor(90, 90, 90)
		fr, fg, fb, fill := parseColor(r.fill)
		if fill {
			p.SetFillColor(uint8(fr), uint8(fg), uint8(fb))
		}
		setText(p, r.color)
		x := x0
		for i, w := range r.widths {
			p.Rect(x, y, w, h, fill, true)
			lines := r.cells[i]
			a, b := min(from, len(lines)), min(to, len(lines))
			top := y + padY
			if centre {
				top = y + (h-float64(b-a)*lh)/2
			}
			for j, line := range lines[a:b] {
				tw := l.doc.StringWidth(line, r.size)
				p.Text(alignX(x+pad, w-2*pad, tw, r.aligns[i]), top+float64(j)*lh+baseline(r.size), r.size, line)
			}
			x += w
		}
	})
}
