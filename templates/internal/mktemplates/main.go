// Command mktemplates writes the default Excel templates (ledger.xlsx,
// unit.xlsx) of package templates. Run it with `go generate ./templates`
// after changing the look here; the committed .xlsx files are embedded.
//
// A template is an ordinary workbook whose first sheet holds, top to
// bottom: title rows with {{placeholders}} (title, subtitle, sources,
// footer, date), the header row, and prototype rows — a group row whose
// first cell is {{group}} (optional) and a data row whose cells are
// {{key}} placeholders naming what goes in each column. The renderer copies
// the prototypes' styles to every row it writes, keeps column widths, page
// setup, frozen panes and print titles, and replaces {{placeholders}} in
// the footer.
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
}

type sheetSpec struct {
	file, sheet string
	titleRows   []string // placeholders of the rows above the header
	group       bool     // has a group prototype row
	columns     []column
}

var specs = []sheetSpec{
	{
		file:      "ledger.xlsx",
		sheet:     "任务分解表",
		titleRows: []string{"{{title}}", "{{subtitle}}"},
		group:     true,
		columns: []column{
			{"id", "任务编号", 10, "center"},
			{"text", "任务内容", 60, "left"},
			{"lead", "牵头单位", 14, "left"},
			{"co", "配合单位", 18, "left"},
			{"responsible", "责任单位", 22, "left"},
			{"deadline", "完成时限", 11, "center"},
			{"date", "截止日期", 12, "center"},
			{"quarter", "季度", 9, "center"},
			{"keywords", "关键词", 16, "left"}, // hidden by the renderer when no task has keywords
		},
	},
	{
		file:      "unit.xlsx",
		sheet:     "任务清单",
		titleRows: []string{"{{title}}", "{{sources}}"},
		columns: []column{
			{"seq", "序号", 6, "center"},
			{"id", "任务编号", 10, "center"},
			{"text", "任务内容", 52, "left"},
			{"role", "分工", 11, "center"}, // 配合 / 经<group> for a group's task on a member's sheet
			{"partners", "协同单位", 22, "left"},
			{"deadline", "完成时限", 11, "center"},
			{"date", "截止日期", 12, "center"},
			{"progress", "进展情况", 14, "left"},
		},
	},
}

const fontFamily = "宋体"

func main() {
	out := flag.String("o", ".", "output directory")
	flag.Parse()
	for _, s := range specs {
		if err := write(s, filepath.Join(*out, s.file)); err != nil {
			fmt.Fprintln(os.Stderr, "mktemplates:", err)
			os.Exit(1)
		}
	}
}

func border() []excelize.Border {
	var b []excelize.Border
	for _, t := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: t, Color: "595959", Style: 1})
	}
	return b
}

func write(s sheetSpec, path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", s.sheet); err != nil {
		return err
	}
	sh := s.sheet
	last, _ := excelize.ColumnNumberToName(len(s.columns))
	must := func(err error) {
		if err != nil {
			panic(fmt.Sprintf("%s: %v", path, err))
		}
	}
	title, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	must(err)
	sub, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 10.5},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
	})
	must(err)
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 10.5, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Border:    border(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	must(err)
	group, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 10.5, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Border:    border(),
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
	})
	must(err)
	data := map[string]int{}
	for _, a := range []string{"left", "center"} {
		id, err := f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Family: fontFamily, Size: 10.5},
			Border:    border(),
			Alignment: &excelize.Alignment{Horizontal: a, Vertical: "center", WrapText: true},
			NumFmt:    49, // text: what a person types stays as typed
		})
		must(err)
		data[a] = id
	}

	row := 1
	for i, p := range s.titleRows {
		cell := fmt.Sprintf("A%d", row)
		must(f.SetCellStr(sh, cell, p))
		must(f.MergeCell(sh, cell, fmt.Sprintf("%s%d", last, row)))
		st, h := title, 30.0
		if i > 0 {
			st, h = sub, 20.0
		}
		must(f.SetCellStyle(sh, cell, fmt.Sprintf("%s%d", last, row), st))
		must(f.SetRowHeight(sh, row, h))
		row++
	}
	headerRow := row
	for i, c := range s.columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		must(f.SetColWidth(sh, col, col, c.width))
		must(f.SetCellStr(sh, fmt.Sprintf("%s%d", col, row), c.label))
	}
	must(f.SetCellStyle(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), head))
	must(f.SetRowHeight(sh, row, 24))
	row++
	if s.group {
		must(f.SetCellStr(sh, fmt.Sprintf("A%d", row), "{{group}}"))
		must(f.MergeCell(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)))
		must(f.SetCellStyle(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), group))
		must(f.SetRowHeight(sh, row, 20))
		row++
	}
	for i, c := range s.columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := fmt.Sprintf("%s%d", col, row)
		must(f.SetCellStr(sh, cell, "{{"+c.key+"}}"))
		must(f.SetCellStyle(sh, cell, cell, data[c.align]))
	}
	must(f.SetRowHeight(sh, row, 20))

	must(xlsxgen.PrintSetup(f, sh, headerRow))
	return f.SaveAs(path)
}
