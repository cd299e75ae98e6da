package render

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/atomicfile"
	"github.com/duban/duban/templates"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// xlsxTemplate is an Excel template opened for filling: its first sheet
// has title rows holding {{placeholders}}, a header row, and prototype rows
// — an optional group row whose first cell is {{group}} and a data row of
// {{key}} cells (see templates/internal/mktemplates). Fill writes rows
// with the prototypes' styles from the first prototype row down.
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
	// titles are the rows above the header as scan read them, kept for
	// the first SetTitles (reading a sheet's rows makes excelize write
	// and re-read the whole sheet); later calls read the sheet again.
	titles [][]string
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
	x.titles = rows[:min(x.HeaderRow-1, len(rows))]
	for c := range x.Keys {
		w, err := x.File.GetColWidth(x.Sheet, colName(c+1))
		if err != nil {
			return err
		}
		x.widths = append(x.widths, w)
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
	rows := x.titles
	x.titles = nil
	if rows == nil {
		var err error
		if rows, err = x.File.GetRows(x.Sheet); err != nil {
			return err
		}
	}
	merged, _ := x.File.GetMergeCells(x.Sheet)
	for i := 0; i < x.HeaderRow-1 && i < len(rows); i++ {
		r := i + 1
		lines := 1
		size := 11.0
		for c, v := range rows[i] {
			if !strings.Contains(v, "{{") {
				continue
			}
			out := expandBraces(v, vars)
			cell := cellName(c+1, r)
			if err := x.File.SetCellStr(x.Sheet, cell, out); err != nil {
				return err
			}
			st, _ := x.File.GetCellStyle(x.Sheet, cell)
			size = x.styleFont(st)
			w := x.spanWidth(merged, c+1, r)
			lines = max(lines, estimateLines(out, w, size))
		}
		h, _ := x.File.GetRowHeight(x.Sheet, r)
		if need := lineRowHeight(lines, size); need > h {
			if err := x.File.SetRowHeight(x.Sheet, r, need); err != nil {
				return err
			}
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
func (x *xlsxTemplate) spanWidth(merged []excelize.MergeCell, col, row int) float64 {
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c1 != col || r1 > row || r2 < row {
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

// Fill writes rows from FirstRow down with the prototype styles, sizes
// every row to its wrapped text, and sets the autofilter over the header
// and data. It returns the last row written (HeaderRow when rows is
// empty).
func (x *xlsxTemplate) Fill(rows []xRow) (int, error) {
	f, sh := x.File, x.Sheet
	ncol := len(x.Keys)
	last := colName(ncol)
	// Clear the prototypes: unmerge and blank them.
	merged, _ := f.GetMergeCells(sh)
	for _, m := range merged {
		_, r1, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err == nil && r1 >= x.FirstRow {
			if err := f.UnmergeCell(sh, m.GetStartAxis(), m.GetEndAxis()); err != nil {
				return 0, err
			}
		}
	}
	for r := x.FirstRow; r < x.FirstRow+x.protoRows; r++ {
		for c := 1; c <= ncol; c++ {
			if err := f.SetCellValue(sh, cellName(c, r), nil); err != nil {
				return 0, err
			}
		}
		if err := f.SetCellStyle(sh, cellName(1, r), cellName(ncol, r), 0); err != nil {
			return 0, err
		}
	}
	if err := x.fitNumbers(rows); err != nil {
		return 0, err
	}
	r := x.FirstRow
	total := 0.0
	for _, w := range x.widths {
		total += w
	}
	for _, row := range rows {
		if row.Group {
			st := x.groupSt
			if !x.hasGroup && len(x.styles) > 0 {
				st = x.styles[0]
			}
			text := fmt.Sprint(row.Values["group"])
			if err := f.SetCellStr(sh, cellName(1, r), text); err != nil {
				return 0, err
			}
			if ncol > 1 {
				if err := f.MergeCell(sh, cellName(1, r), cellName(ncol, r)); err != nil {
					return 0, err
				}
			}
			if err := f.SetCellStyle(sh, cellName(1, r), cellName(ncol, r), st); err != nil {
				return 0, err
			}
			size := x.groupSize
			if size == 0 {
				size = x.fontSize
			}
			if err := f.SetRowHeight(sh, r, lineRowHeight(estimateLines(text, total, size), size)); err != nil {
				return 0, err
			}
			r++
			continue
		}
		lines := 1
		for c, key := range x.Keys {
			cell := cellName(c+1, r)
			if err := f.SetCellStyle(sh, cell, cell, x.styles[c]); err != nil {
				return 0, err
			}
			if key == "" {
				continue
			}
			switch v := row.Values[key].(type) {
			case nil:
			case string:
				if err := f.SetCellStr(sh, cell, v); err != nil {
					return 0, err
				}
				lines = max(lines, estimateLines(v, x.widths[c], x.fontSize))
			case int:
				if err := f.SetCellInt(sh, cell, int64(v)); err != nil {
					return 0, err
				}
			case float64:
				if err := f.SetCellFloat(sh, cell, v, -1, 64); err != nil {
					return 0, err
				}
			default:
				if err := f.SetCellStr(sh, cell, fmt.Sprint(v)); err != nil {
					return 0, err
				}
			}
		}
		if err := f.SetRowHeight(sh, r, lineRowHeight(lines, x.fontSize)); err != nil {
			return 0, err
		}
		r++
	}
	lastRow := r - 1
	if lastRow < x.HeaderRow {
		lastRow = x.HeaderRow
	}
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

// WriteFile saves the workbook to path through a temporary file.
func (x *xlsxTemplate) WriteFile(path string) error {
	var buf bytes.Buffer
	x.File.SetZipWriter(fastZip)
	if _, err := x.File.WriteTo(&buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return atomicfile.WriteFile(path, buf.Bytes())
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
