// Package xlsxgen holds what the Excel template generators share: the print
// setup every duban workbook sheet gets.
package xlsxgen

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Footer is the page footer of every template sheet: the document's footer
// text, "第 N 页 共 M 页" and the generation date. A blank follows each &8,
// because a footer text starting with digits ("2024年…") would otherwise be
// read as part of the font size.
const Footer = "&L&8 {{footer}}&C&8 第 &P 页 共 &N 页&R&8 生成日期：{{date}}"

// PrintSetup freezes the rows down to headerRow, repeats them as print
// titles, and sets A4 landscape fitted to the page width with the margins
// and footer of every duban sheet.
func PrintSetup(f *excelize.File, sh string, headerRow int) error {
	size, orient, one, zero := 9, "landscape", 1, 0
	fit := true
	m, top, bottom := 0.5, 0.6, 0.7
	for _, step := range []func() error{
		func() error {
			return f.SetPanes(sh, &excelize.Panes{
				Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft",
			})
		},
		func() error {
			return f.SetDefinedName(&excelize.DefinedName{
				Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, headerRow, headerRow), Scope: sh,
			})
		},
		func() error {
			return f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero})
		},
		func() error { return f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}) },
		func() error {
			return f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &top, Bottom: &bottom})
		},
		func() error { return f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: Footer}) },
	} {
		if err := step(); err != nil {
			return fmt.Errorf("sheet %s: print setup: %w", sh, err)
		}
	}
	return nil
}
