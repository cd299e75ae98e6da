package render

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// addUnitChart adds a native horizontal bar chart of the "count" column
// against the "unit" column over rows first..last of x, anchored one
// column right of the table at the header row. The first unit is the top
// bar, as in the table.
func addUnitChart(x *xlsxTemplate, first, last int, title string) error {
	uc, vc := x.Column("unit"), x.Column("count")
	if uc == 0 || vc == 0 || last < first {
		return nil
	}
	sheet := "'" + strings.ReplaceAll(x.Sheet, "'", "''") + "'"
	ref := func(c, r1, r2 int) string {
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, colName(c), r1, colName(c), r2)
	}
	n := last - first + 1
	font := excelize.Font{Family: "宋体", Size: 9, Color: "404040"}
	gap := uint(60)
	vary := false
	chart := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$%s$%d", sheet, colName(vc), x.HeaderRow),
			Categories: ref(uc, first, last),
			Values:     ref(vc, first, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: "宋体", Size: 12, Bold: true}}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Font: font, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		GapWidth:   &gap,
		VaryColors: &vary,
		Dimension:  excelize.ChartDimension{Width: 620, Height: uint(90 + 22*n)},
		Format:     excelize.GraphicOptions{OffsetX: 10},
	}
	// excelize sizes the chart's anchor from the heights of the rows it
	// covers: give the sheet's row records the heights the streamed rows
	// will have (the records are not written themselves).
	for i, h := range x.heights {
		if err := x.File.SetRowHeight(x.Sheet, x.FirstRow+i, h); err != nil {
			return err
		}
	}
	return x.File.AddChart(x.Sheet, cellName(len(x.Keys)+1, x.HeaderRow), chart)
}
