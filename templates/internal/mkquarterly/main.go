// Command mkquarterly writes quarterly.xlsx, the Excel template of the
// quarterly summary report. Run it with `go generate ./templates` after
// changing the look here; the committed file is what is embedded.
//
// The template has one sheet per part of the report, in this order:
// 汇总 (overview and tasks due per unit; the chart is added beside the
// table), 按板块 (per section), 到期任务 (the tasks due, grouped by unit),
// 持续及定期任务 and 下季度预览. Each sheet holds, top to bottom, title rows
// with {{placeholders}} (title, subtitle, sources), the header row, and
// prototype rows — optionally a group row whose first cell is {{group}},
// then a data row of {{key}} cells — as the render package's template
// filler expects. Sheets may be renamed and restyled; their order counts.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/duban/duban/templates/internal/xlsxgen"
	"github.com/xuri/excelize/v2"
)

type column struct {
	key, label string
	width      float64
	align      string
	number     bool
}

type sheetSpec struct {
	name      string
	titleRows []string
	group     bool
	columns   []column
	// titleSpan widens the title rows' merge to this many columns (the
	// overview sheet's titles run over the chart beside the table).
	titleSpan int
}

var sheets = []sheetSpec{
	{
		name:      "汇总",
		titleRows: []string{"{{title}}", "{{subtitle}}", "{{sources}}"},
		titleSpan: 14,
		columns: []column{
			{"seq", "序号", 6, "center", true},
			{"unit", "责任单位", 30, "left", false},
			{"count", "到期任务数", 11, "center", true},
			{"lead", "其中牵头", 10, "center", true},
			{"overdue", "逾期", 8, "center", true},
			{"soon", "临期", 8, "center", true},
		},
	},
	{
		name:      "按板块",
		titleRows: []string{"{{title}}"},
		columns: []column{
			{"seq", "序号", 6, "center", true},
			{"section", "工作板块", 50, "left", false},
			{"count", "到期任务数", 11, "center", true},
			{"overdue", "逾期", 8, "center", true},
			{"soon", "临期", 8, "center", true},
		},
	},
	{
		name:      "到期任务",
		titleRows: []string{"{{title}}", "{{subtitle}}"},
		group:     true,
		columns: []column{
			{"seq", "序号", 6, "center", true},
			{"unit", "责任单位", 16, "left", false},
			{"id", "任务编号", 11, "center", false},
			{"text", "任务内容", 52, "left", false},
			{"role", "分工", 7, "center", false},
			{"partners", "协同单位", 26, "left", false},
			{"deadline", "完成时限", 11, "center", false},
			{"date", "截止日期", 12, "center", false},
			{"status", "状态", 8, "center", false},
		},
	},
	{
		name:      "持续及定期任务",
		titleRows: []string{"{{title}}"},
		group:     true,
		columns: []column{
			{"seq", "序号", 6, "center", true},
			{"id", "任务编号", 11, "center", false},
			{"text", "任务内容", 64, "left", false},
			{"units", "责任单位", 28, "left", false},
			{"deadline", "完成时限", 12, "center", false},
		},
	},
	{
		name:      "下季度预览",
		titleRows: []string{"{{title}}", "{{subtitle}}"},
		columns: []column{
			{"seq", "序号", 6, "center", true},
			{"date", "截止日期", 12, "center", false},
			{"id", "任务编号", 11, "center", false},
			{"text", "任务内容", 56, "left", false},
			{"units", "责任单位", 26, "left", false},
			{"deadline", "完成时限", 11, "center", false},
			{"status", "状态", 8, "center", false},
		},
	},
}

const fontFamily = "宋体"

func main() {
	out := flag.String("o", ".", "output directory")
	flag.Parse()
	if err := write(filepath.Join(*out, "quarterly.xlsx")); err != nil {
		fmt.Fprintln(os.Stderr, "mkquarterly:", err)
		os.Exit(1)
	}
}

func border() []excelize.Border {
	var b []excelize.Border
	for _, t := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: t, Color: "595959", Style: 1})
	}
	return b
}

type styles struct {
	title, sub, head, group int
	data                    map[string]int // by align + "/num" for numbers
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{data: map[string]int{}}
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.title = mk(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	s.sub = mk(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 10.5},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
	})
	s.head = mk(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 10.5, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Border:    border(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	s.group = mk(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 10.5, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDF2F9"}},
		Border:    border(),
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
	})
	for _, a := range []string{"left", "center"} {
		s.data[a] = mk(&excelize.Style{
			Font:      &excelize.Font{Family: fontFamily, Size: 10.5},
			Border:    border(),
			Alignment: &excelize.Alignment{Horizontal: a, Vertical: "center", WrapText: true},
			NumFmt:    49, // text: what a person types stays as typed
		})
		s.data[a+"/num"] = mk(&excelize.Style{
			Font:      &excelize.Font{Family: fontFamily, Size: 10.5},
			Border:    border(),
			Alignment: &excelize.Alignment{Horizontal: a, Vertical: "center", WrapText: true},
		})
	}
	return s, err
}

func write(path string) (err error) {
	f := excelize.NewFile()
	defer f.Close()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", path, r)
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		writeSheet(f, st, s)
	}
	f.SetActiveSheet(0)
	return f.SaveAs(path)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func writeSheet(f *excelize.File, st *styles, s sheetSpec) {
	sh := s.name
	last, _ := excelize.ColumnNumberToName(len(s.columns))
	lastTitle, _ := excelize.ColumnNumberToName(max(len(s.columns), s.titleSpan))
	row := 1
	for i, p := range s.titleRows {
		cell := fmt.Sprintf("A%d", row)
		must(f.SetCellStr(sh, cell, p))
		must(f.MergeCell(sh, cell, fmt.Sprintf("%s%d", lastTitle, row)))
		style, h := st.title, 30.0
		if i > 0 {
			style, h = st.sub, 20.0
		}
		must(f.SetCellStyle(sh, cell, fmt.Sprintf("%s%d", lastTitle, row), style))
		must(f.SetRowHeight(sh, row, h))
		row++
	}
	headerRow := row
	for i, c := range s.columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		must(f.SetColWidth(sh, col, col, c.width))
		must(f.SetCellStr(sh, fmt.Sprintf("%s%d", col, row), c.label))
	}
	must(f.SetCellStyle(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), st.head))
	must(f.SetRowHeight(sh, row, 24))
	row++
	if s.group {
		must(f.SetCellStr(sh, fmt.Sprintf("A%d", row), "{{group}}"))
		must(f.MergeCell(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)))
		must(f.SetCellStyle(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), st.group))
		must(f.SetRowHeight(sh, row, 20))
		row++
	}
	for i, c := range s.columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := fmt.Sprintf("%s%d", col, row)
		must(f.SetCellStr(sh, cell, "{{"+c.key+"}}"))
		k := c.align
		if c.number {
			k += "/num"
		}
		must(f.SetCellStyle(sh, cell, cell, st.data[k]))
	}
	must(f.SetRowHeight(sh, row, 20))

	must(xlsxgen.PrintSetup(f, sh, headerRow))
}
