package render

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/templates"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// xlsxTemplate is an Excel template opened for filling: its first sheet
// has title rows holding {{placeholders}}, a header row, and prototype rows
// — an optional group row whose first cell is {{group}} and a data row of
// {{key}} cells (see templates/internal/mktemplates). Fill writes rows
// with the prototypes' styles from the first prototype row down. The
// sheet is written as a stream: the rows down to the header are written
// again as the template has them (values, styles, heights, merged
// ranges); rows below the prototypes are not kept.
type xlsxTemplate struct {
	File  *excelize.File
	Sheet string
	Name  string // template file name, for errors

	HeaderRow int      // 1-based row of the column labels
	FirstRow  int      // 1-based row where data starts (the first prototype row)
	Keys      []string // key of each column of the data prototype ("" = none)
	styles    []int    // style of each column of the data prototype
	groupSt   int      // style of the group prototype (0 = none)
	hasGroup  bool
	widths    []float64 // column widths in characters
	fontSize  float64   // font size of the data prototype, pt
	groupSize float64
	protoRows int
	// titles are the values of the template's rows down to the header
	// row as scan read them, above their styles and heights, aboveMerges
	// their merged ranges: the sheet is streamed, so these rows are
	// written again above the data. SetTitles fills their placeholders.
	titles      [][]string
	above       []tplRow
	aboveMerges [][4]int // col1, row1, col2, row2

	// What Fill laid out, written by finish.
	data     []xRow
	heights  []float64 // of each data row, points
	restyle  [][]int   // per data row, a style per column overriding the template's (0: none)
	streamed bool
}

// tplRow is the look of one template row above the data.
type tplRow struct {
	styles []int
	height float64 // points; 0: the sheet's default
}

// cellValue is what Fill writes into a cell: a string (always written as
// text, so "=1+1" stays text) or a number (int or float64).
type cellValue = any

// xRow is one row for Fill: a group row (Values["group"] spans the row) or
// a data row keyed like the template's columns.
type xRow struct {
	Group  bool
	Values map[string]cellValue
}

// openXLSXTemplate opens template name from dir (or the embedded set).
func openXLSXTemplate(dir, name string) (*xlsxTemplate, error) {
	b, err := templates.Open(dir, name)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	x := &xlsxTemplate{File: f, Name: name}
	if err := x.scanCached(b); err != nil {
		f.Close()
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return x, nil
}

func (x *xlsxTemplate) scan() error {
	sheets := x.File.GetSheetList()
	if len(sheets) == 0 {
		return fmt.Errorf("no sheet")
	}
	if x.Sheet == "" { // a caller may name the sheet (quarterly reports fill several)
		x.Sheet = sheets[0]
	}
	rows, err := x.File.GetRows(x.Sheet)
	if err != nil {
		return err
	}
	for i, row := range rows {
		r := i + 1
		if len(row) > 0 && strings.TrimSpace(row[0]) == "{{group}}" {
			if x.FirstRow == 0 {
				x.FirstRow = r
			}
			x.hasGroup = true
			x.groupSt, _ = x.File.GetCellStyle(x.Sheet, cellName(1, r))
			x.groupSize = x.styleFont(x.groupSt)
			x.protoRows++
			continue
		}
		var keys []string
		isData := false
		for _, c := range row {
			k := placeholderKey(c)
			keys = append(keys, k)
			if k != "" && !isHeaderKey(k) {
				isData = true
			}
		}
		if !isData {
			continue
		}
		if x.FirstRow == 0 {
			x.FirstRow = r
		}
		x.Keys = keys
		x.protoRows++
		for c := range keys {
			st, _ := x.File.GetCellStyle(x.Sheet, cellName(c+1, r))
			x.styles = append(x.styles, st)
		}
		if len(x.styles) > 0 {
			x.fontSize = x.styleFont(x.styles[0])
		}
		break
	}
	if x.Keys == nil {
		return fmt.Errorf("no prototype row of {{key}} cells")
	}
	x.HeaderRow = x.FirstRow - 1
	if x.HeaderRow < 1 {
		return fmt.Errorf("no header row above the prototype rows")
	}
	if err := x.scanAbove(rows); err != nil {
		return err
	}
	for c := range x.Keys {
		w, err := x.File.GetColWidth(x.Sheet, colName(c+1))
		if err != nil {
			return err
		}
		x.widths = append(x.widths, w)
	}
	return nil
}

// scanAbove records the rows above the data (titles and header) with
// their styles, heights and merged ranges.
func (x *xlsxTemplate) scanAbove(rows [][]string) error {
	f, sh := x.File, x.Sheet
	merged, err := f.GetMergeCells(sh)
	if err != nil {
		return err
	}
	ncol := len(x.Keys)
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 > x.HeaderRow {
			continue
		}
		x.aboveMerges = append(x.aboveMerges, [4]int{c1, r1, c2, r2})
		ncol = max(ncol, c2)
	}
	for r := 1; r <= x.HeaderRow && r <= len(rows); r++ {
		ncol = max(ncol, len(rows[r-1]))
	}
	def := 15.0
	if p, err := f.GetSheetProps(sh); err == nil && p.DefaultRowHeight != nil && *p.DefaultRowHeight > 0 {
		def = *p.DefaultRowHeight
	}
	for r := 1; r <= x.HeaderRow; r++ {
		values := make([]string, ncol)
		if r <= len(rows) {
			copy(values, rows[r-1])
		}
		row := tplRow{styles: make([]int, ncol)}
		for c := range ncol {
			if row.styles[c], err = f.GetCellStyle(sh, cellName(c+1, r)); err != nil {
				return err
			}
		}
		if h, err := f.GetRowHeight(sh, r); err == nil && h != def {
			row.height = h
		}
		x.titles = append(x.titles, values)
		x.above = append(x.above, row)
	}
	return nil
}

func (x *xlsxTemplate) styleFont(id int) float64 {
	st, err := x.File.GetStyle(id)
	if err != nil || st == nil || st.Font == nil || st.Font.Size <= 0 {
		return 11
	}
	return st.Font.Size
}

// isHeaderKey tells the placeholders of title rows from data keys.
func isHeaderKey(k string) bool {
	switch k {
	case "title", "subtitle", "sources", "footer", "date", "group":
		return true
	}
	return false
}

func placeholderKey(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "{{") && strings.HasSuffix(s, "}}") && len(s) > 4 {
		return strings.TrimSpace(s[2 : len(s)-2])
	}
	return ""
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// Column returns the 1-based column holding key, or 0.
func (x *xlsxTemplate) Column(key string) int {
	for i, k := range x.Keys {
		if k == key {
			return i + 1
		}
	}
	return 0
}

// SetTitles replaces {{placeholders}} in the rows above the header and in
// the page header and footer, and sizes those rows to their text.
func (x *xlsxTemplate) SetTitles(vars map[string]string) error {
	for i := 0; i < x.HeaderRow-1 && i < len(x.above); i++ {
		row := &x.above[i]
		lines := 1
		size := 11.0
		for c, v := range x.titles[i] {
			if !strings.Contains(v, "{{") {
				continue
			}
			out := expandBraces(v, vars)
			x.titles[i][c] = out
			size = x.styleFont(row.styles[c])
			w := x.spanWidth(c+1, i+1)
			lines = max(lines, estimateLines(out, w, size))
		}
		h := row.height
		if h == 0 {
			h, _ = x.File.GetRowHeight(x.Sheet, i+1)
		}
		if need := lineRowHeight(lines, size); need > h {
			row.height = need
		}
	}
	hf, err := x.File.GetHeaderFooter(x.Sheet)
	if err == nil && hf != nil {
		esc := map[string]string{}
		for k, v := range vars {
			esc[k] = strings.ReplaceAll(v, "&", "&&")
		}
		for _, p := range []*string{&hf.OddHeader, &hf.OddFooter, &hf.EvenHeader, &hf.EvenFooter, &hf.FirstHeader, &hf.FirstFooter} {
			*p = fitHeaderFooter(expandBraces(*p, esc))
		}
		if err := x.File.SetHeaderFooter(x.Sheet, hf); err != nil {
			return err
		}
	}
	return nil
}

// fitHeaderFooter keeps a header/footer within Excel's 255 characters by
// shortening its longest section.
func fitHeaderFooter(s string) string {
	for utf8.RuneCountInString(s) > 255 {
		i := strings.Index(s, "&C")
		if i <= 0 {
			return string([]rune(s)[:255])
		}
		rs := []rune(s[:i])
		cut := utf8.RuneCountInString(s) - 255 + 1
		if cut >= len(rs)-4 {
			return string([]rune(s)[:255])
		}
		s = string(rs[:len(rs)-cut]) + "…" + s[i:]
	}
	return s
}

// spanWidth is the width in characters of the cell at (col,row), across
// its merged range if it has one.
func (x *xlsxTemplate) spanWidth(col, row int) float64 {
	for _, m := range x.aboveMerges {
		c1, r1, c2, r2 := m[0], m[1], m[2], m[3]
		if c1 != col || r1 > row || r2 < row {
			continue
		}
		w := 0.0
		for c := c1; c <= c2; c++ {
			cw, _ := x.File.GetColWidth(x.Sheet, colName(c))
			w += cw
		}
		return w
	}
	w, _ := x.File.GetColWidth(x.Sheet, colName(col))
	return w
}

// expandBraces replaces {{key}} with vars[key] in one pass, so a value
// that itself holds "{{…}}" is left alone.
func expandBraces(s string, vars map[string]string) string {
	pairs := make([]string, 0, 2*len(vars))
	for k, v := range vars {
		pairs = append(pairs, "{{"+k+"}}", v)
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Fill lays out rows from FirstRow down with the prototype styles, sizes
// every row to its wrapped text, and sets the autofilter over the header
// and data. It returns the last row (HeaderRow when rows is empty). The
// rows are written, with the rows above, when the workbook is saved
// (finish): until then columns may be hidden, cells restyled (Restyle),
// dropdowns and charts added.
func (x *xlsxTemplate) Fill(rows []xRow) (int, error) {
	f, sh := x.File, x.Sheet
	if x.streamed {
		return 0, fmt.Errorf("sheet %s: filled after it was written", sh)
	}
	ncol := len(x.Keys)
	last := colName(ncol)
	if err := x.fitNumbers(rows); err != nil {
		return 0, err
	}
	total := 0.0
	for _, w := range x.widths {
		total += w
	}
	x.data, x.restyle = slices.Clone(rows), nil // callers reuse rows' array
	x.heights = make([]float64, len(rows))
	for i, row := range rows {
		if row.Group {
			size := x.groupSize
			if size == 0 {
				size = x.fontSize
			}
			x.heights[i] = lineRowHeight(estimateLines(fmt.Sprint(row.Values["group"]), total, size), size)
			continue
		}
		lines := 1
		for c, key := range x.Keys {
			if v, ok := row.Values[key].(string); ok && key != "" {
				lines = max(lines, estimateLines(v, x.widths[c], x.fontSize))
			}
		}
		x.heights[i] = lineRowHeight(lines, x.fontSize)
	}
	lastRow := max(x.FirstRow+len(rows)-1, x.HeaderRow)
	ref := fmt.Sprintf("A%d:%s%d", x.HeaderRow, last, max(lastRow, x.HeaderRow+1))
	// excelize's AutoFilter replaces the sheet properties, dropping the
	// template's fit-to-page print setting: put them back.
	props, perr := f.GetSheetProps(sh)
	if err := f.AutoFilter(sh, ref, nil); err != nil {
		return 0, err
	}
	if perr == nil {
		if err := f.SetSheetProps(sh, &props); err != nil {
			return 0, err
		}
	}
	return lastRow, nil
}

// Restyle gives the cell in column col (1-based) of the i-th row filled
// style instead of the template's.
func (x *xlsxTemplate) Restyle(i, col, style int) {
	if i < 0 || i >= len(x.data) || col < 1 || col > len(x.Keys) {
		return
	}
	if x.restyle == nil {
		x.restyle = make([][]int, len(x.data))
	}
	if x.restyle[i] == nil {
		x.restyle[i] = make([]int, len(x.Keys))
	}
	x.restyle[i][col-1] = style
}

// finish writes the sheet: the rows above the data as the template has
// them (titles filled), then the rows Fill laid out, streamed. Nothing of
// the sheet can change after.
func (x *xlsxTemplate) finish() error {
	if x.streamed {
		return nil
	}
	x.streamed = true
	f, sh := x.File, x.Sheet
	ncol := len(x.Keys)
	lastRow := max(x.FirstRow+len(x.data)-1, x.HeaderRow)
	width := ncol
	for _, r := range x.titles {
		width = max(width, len(r))
	}
	if err := f.SetSheetDimension(sh, "A1:"+cellName(width, lastRow)); err != nil {
		return err
	}
	w, err := xlsxout.NewRows(f, sh)
	if err != nil {
		return err
	}
	for _, m := range x.aboveMerges {
		if err := w.SW.MergeCell(cellName(m[0], m[1]), cellName(m[2], m[3])); err != nil {
			return err
		}
	}
	for i, row := range x.above {
		for c, v := range x.titles[i] {
			w.Set(c+1, v, row.styles[c])
		}
		if err := w.Write(i+1, row.height); err != nil {
			return err
		}
	}
	for i, row := range x.data {
		r := x.FirstRow + i
		if row.Group {
			st := x.groupSt
			if !x.hasGroup && len(x.styles) > 0 {
				st = x.styles[0]
			}
			w.Span(r, 1, max(ncol, 1), fmt.Sprint(row.Values["group"]), st)
		} else {
			for c, key := range x.Keys {
				st := x.styles[c]
				if x.restyle != nil && x.restyle[i] != nil && x.restyle[i][c] != 0 {
					st = x.restyle[i][c]
				}
				var v any
				if key != "" {
					switch t := row.Values[key].(type) {
					case nil, string, int, float64:
						v = t
					default:
						v = fmt.Sprint(t)
					}
				}
				w.Set(c+1, v, st)
			}
		}
		if err := w.Write(r, x.heights[i]); err != nil {
			return err
		}
	}
	return w.Flush()
}

// HideEmptyColumn hides the column of key when empty is true (a column
// the template lacks is left alone). The column stays in the sheet, so a
// person can show it again, and its header is still found on reading back.
func (x *xlsxTemplate) HideEmptyColumn(key string, empty bool) error {
	c := x.Column(key)
	if c == 0 || !empty {
		return nil
	}
	return x.File.SetColVisible(x.Sheet, colName(c), false)
}

// Dropdown adds a list validation (a dropdown of choices) to the column
// of key over rows from..to.
func (x *xlsxTemplate) Dropdown(key string, from, to int, choices []string) error {
	c := x.Column(key)
	if c == 0 || to < from {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s%d:%s%d", colName(c), from, colName(c), to))
	if err := dv.SetDropList(choices); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "进展情况", "请从列表中选择："+strings.Join(choices, "、"))
	return x.File.AddDataValidation(x.Sheet, dv)
}

// WriteFile writes the sheet (finish) and saves the workbook to path
// through a temporary file. Other filled sheets of the same workbook are
// written first with finish.
func (x *xlsxTemplate) WriteFile(path string) error {
	if err := x.finish(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return xlsxout.WriteFile(x.File, path)
}

// Close releases the workbook.
func (x *xlsxTemplate) Close() error { return x.File.Close() }

// fitNumbers widens the column of task numbers (key id) to its widest
// line, up to 14 characters, so that 二（二）第2项 does not wrap, taking the
// room from the widest column, which keeps at least two thirds of its
// width.
func (x *xlsxTemplate) fitNumbers(rows []xRow) error {
	c := x.Column("id")
	if c == 0 || c > len(x.widths) || x.widths[c-1] < 1 { // none, or hidden
		return nil
	}
	scale := x.fontSize / 11
	if scale <= 0 {
		scale = 1
	}
	need := 0.0
	for _, row := range rows {
		v, ok := row.Values["id"].(string)
		if row.Group || !ok {
			continue
		}
		for line := range strings.SplitSeq(v, "\n") {
			w := 0.0
			for _, r := range line {
				w += charUnits(r) * scale
			}
			need = max(need, w)
		}
	}
	need = min(need+1, 14) // cell padding, as estimateLines counts it
	cur := x.widths[c-1]
	wide := -1
	for i, w := range x.widths {
		if i != c-1 && (wide < 0 || w > x.widths[wide]) {
			wide = i
		}
	}
	if need <= cur || wide < 0 {
		return nil
	}
	grow := min(need-cur, x.widths[wide]/3)
	for _, s := range []struct {
		col int
		w   float64
	}{{c, cur + grow}, {wide + 1, x.widths[wide] - grow}} {
		name := colName(s.col)
		if err := x.File.SetColWidth(x.Sheet, name, name, s.w); err != nil {
			return err
		}
		x.widths[s.col-1] = s.w
	}
	return nil
}

// charUnits is the width of r in Excel character units at 11 pt: wide
// (CJK, full-width) characters take two, others one.
func charUnits(r rune) float64 {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	case width.EastAsianAmbiguous:
		if r >= 0x2000 { // “” ‘’ … ※ and friends are full width in CJK fonts
			return 2
		}
	}
	return 1
}

// estimateLines estimates how many lines text takes in a wrapped cell of
// colWidth characters at size pt (Excel has no automatic row height for
// files it did not lay out itself). It wraps character by character, a
// little pessimistically.
func estimateLines(text string, colWidth, size float64) int {
	if text == "" {
		return 1
	}
	scale := size / 11
	avail := colWidth - 1 // cell padding
	if avail < 1 {
		avail = 1
	}
	lines := 0
	for para := range strings.SplitSeq(text, "\n") {
		n, w := 1, 0.0
		for _, r := range para {
			u := charUnits(r) * scale
			if w+u > avail && w > 0 {
				n++
				w = 0
			}
			w += u
		}
		lines += n
	}
	return lines
}

// lineRowHeight is the row height in points that shows lines lines of size pt.
func lineRowHeight(lines int, size float64) float64 {
	h := float64(lines)*size*1.42 + 5
	return math.Min(409, math.Ceil(h*4)/4) // Excel's limit
}
