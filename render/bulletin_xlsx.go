package render

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// The 通报 as a workbook: the same content as the PDF, one sheet per part
// that is a table (总体情况 with the totals and the comparison, 单位排名
// with its native stacked chart, 逾期未完成, 进度滞后). Numbers are numbers,
// text is text; every sheet prints A4 landscape, fitted to the width, with
// its header row repeated.

// Sheet names of the bulletin workbook.
const (
	bSheetOverview = "总体情况"
	bSheetUnits    = "单位排名"
	bSheetOverdue  = "逾期未完成"
	bSheetBehind   = "进度滞后"
)

type bookStyles struct {
	title, sub, text, head, cell, num, total, wrap int
}

func newBookStyles(f *excelize.File) (bookStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1}, {Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	var s bookStyles
	for _, x := range []struct {
		dst *int
		st  excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(16, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.sub, excelize.Style{Font: font(11, false), Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&s.text, excelize.Style{Font: font(11, false), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.head, excelize.Style{Font: font(10, true), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.cell, excelize.Style{Font: font(10, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.num, excelize.Style{Font: font(10, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.total, excelize.Style{Font: font(10, true), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.wrap, excelize.Style{Font: font(10, false), Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
	} {
		id, err := f.NewStyle(&x.st)
		if err != nil {
			return s, err
		}
		*x.dst = id
	}
	return s, nil
}

// bookSheet lays out one sheet row by row; flush streams the rows with
// excelize's StreamWriter once the sheet is complete. Column widths and
// panes go straight into the sheet's settings (a chart is placed by the
// widths), which the stream writes before the rows.
type bookSheet struct {
	f     *excelize.File
	name  string
	st    bookStyles
	row   int
	width int // columns of the widest table, for merged text rows
	err   error

	rows   []bookRow
	merges [][2]int // row, last column of a text row merged from column 1
}

// bookRow is one laid-out row: its cells from column 1 (Value nil: blank).
type bookRow struct {
	r      int
	cells  []excelize.Cell
	height float64
}

func (s *bookSheet) do(err error) {
	if s.err == nil {
		s.err = err
	}
}

// line writes a merged text row of style st, height h (0: default).
func (s *bookSheet) line(text string, st int, h float64) {
	s.row++
	cells := make([]excelize.Cell, max(s.width, 1))
	for c := range cells {
		cells[c].StyleID = st
	}
	cells[0].Value = text
	s.rows = append(s.rows, bookRow{r: s.row, cells: cells, height: h})
	if s.width > 1 {
		s.merges = append(s.merges, [2]int{s.row, s.width})
	}
}

// table writes a header and rows; cells that read as whole numbers are
// stored as numbers, the rest as text. The last row is the 合计 row when
// total is set. It returns the header's row.
func (s *bookSheet) table(header []string, rows [][]string, widths []float64, total bool) int {
	s.row++
	hr := s.row
	head := make([]excelize.Cell, len(header))
	for c, h := range header {
		head[c] = excelize.Cell{StyleID: s.st.head, Value: h}
	}
	s.rows = append(s.rows, bookRow{r: hr, cells: head})
	for i, r := range rows {
		s.row++
		lines := 1
		cells := make([]excelize.Cell, len(r))
		for c, v := range r {
			st := s.st.cell
			if c < len(header) && bulletinTextColumn(header[c]) {
				st = s.st.wrap
			}
			if n, err := strconv.Atoi(v); err == nil && c > 0 {
				cells[c].Value = n
				st = s.st.num
			} else if v != "" {
				cells[c].Value = v
			}
			if total && i == len(rows)-1 {
				st = s.st.total
			}
			cells[c].StyleID = st
			if c < len(widths) && widths[c] > 0 {
				w := 0.0
				for _, r := range v {
					w += charUnits(r)
				}
				lines = max(lines, int(w/(widths[c]-1))+1)
			}
		}
		s.rows = append(s.rows, bookRow{r: s.row, cells: cells, height: float64(lines)*14 + 4})
	}
	for c, w := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		s.do(s.f.SetColWidth(s.name, col, col, w))
	}
	return hr
}

// restyle gives the cell at (col, row), 1-based, style st.
func (s *bookSheet) restyle(col, row, st int) {
	i := sort.Search(len(s.rows), func(i int) bool { return s.rows[i].r >= row }) // rows go down
	if i < len(s.rows) && s.rows[i].r == row && col >= 1 && col <= len(s.rows[i].cells) {
		s.rows[i].cells[col-1].StyleID = st
	}
}

// printSetup sets A4 landscape fitted to the width, the header row hr
// repeated and frozen (0: none), and the page footer.
func (s *bookSheet) printSetup(hr int, title string) {
	s.do(s.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: ptrTo("landscape"), Size: ptrTo(9), FitToWidth: ptrTo(1), FitToHeight: ptrTo(0)}))
	s.do(s.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: ptrTo(true)}))
	s.do(s.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: "&L" + strings.ReplaceAll(title, "&", "&&") + "&C第 &P 页 共 &N 页"}))
	if hr > 0 {
		s.do(s.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", s.name, hr, hr), Scope: s.name}))
		a, _ := excelize.CoordinatesToCellName(1, hr+1)
		s.do(s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: hr, TopLeftCell: a, ActivePane: "bottomLeft"}))
	}
}

// flush streams the sheet. Nothing of it may change after.
func (s *bookSheet) flush() error {
	if s.err != nil {
		return s.err
	}
	sw, err := s.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	for _, m := range s.merges {
		a, _ := excelize.CoordinatesToCellName(1, m[0])
		z, _ := excelize.CoordinatesToCellName(m[1], m[0])
		s.do(sw.MergeCell(a, z))
	}
	for _, r := range s.rows {
		vals := make([]any, len(r.cells))
		for c, cell := range r.cells {
			if cell.StyleID != 0 || cell.Value != nil {
				vals[c] = cell
			}
		}
		a, _ := excelize.CoordinatesToCellName(1, r.r)
		var opts []excelize.RowOpts
		if r.height > 0 {
			opts = append(opts, excelize.RowOpts{Height: min(r.height, excelize.MaxRowHeight)})
		}
		s.do(sw.SetRow(a, vals, opts...))
	}
	s.do(sw.Flush())
	s.rows = nil
	return s.err
}

func ptrTo[T any](v T) *T { return &v }

// workbook builds the bulletin's workbook.
func (b *bulletin) workbook() (*excelize.File, error) {
	f := excelize.NewFile()
	st, err := newBookStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	var sheets []*bookSheet
	sheet := func(name string, width int) *bookSheet {
		if name == bSheetOverview {
			_ = f.SetSheetName("Sheet1", name)
		} else {
			_, _ = f.NewSheet(name)
		}
		s := &bookSheet{f: f, name: name, st: st, width: width}
		sheets = append(sheets, s)
		return s
	}

	s := sheet(bSheetOverview, len(bulletinTotalsHeader()))
	s.line(b.title, st.title, 30)
	s.line(b.subtitle, st.sub, 0)
	for _, src := range b.sources {
		s.line("来源文件："+src, st.text, 0)
	}
	s.line(bPartOverview, st.text, 0)
	s.line(b.overview(), st.text, 48)
	s.row++
	s.table(bulletinTotalsHeader(), b.totalsRows(), []float64{14, 12, 10, 12, 10, 10, 10, 10, 10}, false)
	s.row++
	s.line(bPartCompare, st.text, 0)
	s.line(b.comparison(), st.text, 34)
	s.table(bulletinCompareHeader, b.compareRows(), nil, false)
	s.printSetup(0, b.title)
	if s.err != nil {
		f.Close()
		return nil, s.err
	}

	head := bulletinUnitsHeader()
	u := sheet(bSheetUnits, len(head))
	u.line(b.title+" · "+bPartUnits, st.title, 26)
	hr := u.table(head, b.unitRows(), []float64{6, 24, 7, 8, 11, 8, 8, 9, 8, 9, 0}, true)
	u.printSetup(hr, b.title)
	if len(b.units) > 0 {
		u.do(b.stackedChart(f, hr+1, hr+len(b.units)))
	}
	for _, part := range []struct {
		name  string
		items []bItem
	}{{bSheetOverdue, b.overdue}, {bSheetBehind, b.behind}} {
		x := sheet(part.name, len(bulletinItemsHeader))
		x.line(b.title+" · "+part.name+"任务", st.title, 26)
		rows := itemRows(part.items)
		if len(rows) == 0 {
			x.line("无。", st.text, 0)
		}
		hr := x.table(bulletinItemsHeader, rows, []float64{6, 16, 12, 44, 12, 10, 30, 26}, false)
		x.printSetup(hr, b.title)
		u.do(x.err)
	}
	if u.err != nil {
		f.Close()
		return nil, u.err
	}
	// Choosing the active sheet reads every sheet: before they stream.
	f.SetActiveSheet(0)
	for _, s := range sheets {
		if err := s.flush(); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// stackedChart adds the native chart: one stacked bar per unit of the
// ranking (rows first..last), a series per standing, below the table
// (the 合计 row and a blank row), so the table prints at full width.
func (b *bulletin) stackedChart(f *excelize.File, first, last int) error {
	sheet := "'" + bSheetUnits + "'"
	var series []excelize.ChartSeries
	for k := range bKinds {
		col, _ := excelize.ColumnNumberToName(4 + k)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", sheet, col, first-1),
			Categories: fmt.Sprintf("%s!$B$%d:$B$%d", sheet, first, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, col, first, col, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(bulletinColors[k], "#")}},
		})
	}
	font := excelize.Font{Family: "宋体", Size: 9, Color: "404040"}
	gap, overlap := uint(60), 100
	return f.AddChart(bSheetUnits, fmt.Sprintf("A%d", last+4), &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: bPartChart, Font: &excelize.Font{Family: "宋体", Size: 12, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "top"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: font, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		GapWidth:  &gap,
		Overlap:   &overlap,
		Dimension: excelize.ChartDimension{Width: 640, Height: uint(110 + 22*(last-first+1))},
	})
}

// writeXLSX saves the workbook to path through a temporary file.
func (b *bulletin) writeXLSX(path string) error {
	f, err := b.workbook()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	return xlsxout.WriteFile(f, path)
}
