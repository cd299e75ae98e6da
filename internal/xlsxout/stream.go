package xlsxout

import (
	"math"

	"github.com/xuri/excelize/v2"
)

// Rows builds the rows of a worksheet for excelize's StreamWriter: the
// cells of one row are set in any order, then the row is written; merged
// ranges are recorded as they are set. Settings the StreamWriter writes
// with the first row (column widths and visibility, panes, sheet
// properties) must be made before it; data validations, page setup,
// header and footer, charts and defined names may be added through the
// File API until Flush, as they live outside the sheet's rows.
type Rows struct {
	SW    *excelize.StreamWriter
	cells []any
	err   error
}

// NewRows starts streaming sheet of f. Whatever rows the sheet had are
// replaced by those written.
func NewRows(f *excelize.File, sheet string) (*Rows, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	return &Rows{SW: sw}, nil
}

// Set puts v with style into column col (1-based) of the row being built.
// An empty string or nil leaves the cell blank (with its style): a blank
// cell is not counted by COUNTA as a cell holding "" would be.
func (r *Rows) Set(col int, v any, style int) {
	if col < 1 {
		return
	}
	for len(r.cells) < col {
		r.cells = append(r.cells, nil)
	}
	if s, ok := v.(string); ok && s == "" {
		v = nil
	}
	if v == nil && style == 0 {
		r.cells[col-1] = nil
		return
	}
	r.cells[col-1] = excelize.Cell{StyleID: style, Value: v}
}

// Formula puts a formula with style into column col.
func (r *Rows) Formula(col int, formula string, style int) {
	r.Set(col, nil, style)
	r.cells[col-1] = excelize.Cell{StyleID: style, Formula: formula}
}

// Span merges columns c1..c2 of row row, v in the first, every cell of
// the range in style (so borders and fills cover the merged cell).
func (r *Rows) Span(row, c1, c2 int, v any, style int) {
	for c := c2; c >= c1; c-- {
		r.Set(c, nil, style)
	}
	r.Set(c1, v, style)
	if c2 > c1 {
		a, _ := excelize.CoordinatesToCellName(c1, row)
		b, _ := excelize.CoordinatesToCellName(c2, row)
		r.keep(r.SW.MergeCell(a, b))
	}
}

// Write writes the row built as row number row (rows go down the sheet)
// with height in points (0: the sheet's default; at most Excel's 409).
func (r *Rows) Write(row int, height float64) error {
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: math.Min(height, excelize.MaxRowHeight)})
	}
	if len(r.cells) > 0 || height > 0 {
		a, _ := excelize.CoordinatesToCellName(1, row)
		r.keep(r.SW.SetRow(a, r.cells, opts...))
	}
	clear(r.cells)
	r.cells = r.cells[:0]
	return r.err
}

// Flush ends the sheet.
func (r *Rows) Flush() error {
	r.keep(r.SW.Flush())
	return r.err
}

func (r *Rows) keep(err error) {
	if r.err == nil {
		r.err = err
	}
}
