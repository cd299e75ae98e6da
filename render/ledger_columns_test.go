package render_test

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

// ledgerColumns are the columns of the default ledger template.
var ledgerColumns = []string{"任务编号", "任务内容", "牵头单位", "配合单位", "责任单位", "完成时限", "截止日期", "季度", "关键词"}

// writeLedger renders the ledger workbook of n and opens it.
func writeLedger(t *testing.T, n *duban.Notice, name string) (string, *excelize.File, string) {
	t.Helper()
	paths, err := render.Ledger(n, outDir(t, name), render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return paths[0], f, f.GetSheetList()[0]
}

// hiddenColumns lists the labels of the hidden columns of the ledger sheet.
func hiddenColumns(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	var hidden []string
	for i, label := range ledgerColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		vis, err := f.GetColVisible(sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		if !vis {
			hidden = append(hidden, label)
		}
	}
	return hidden
}

// The unit role columns no task fills are hidden, as in the PDF, and only
// those; the sheet keeps its frozen header, filter and print setup, the
// hidden columns their headers and widths.
func TestLedgerWorkbookHidesEmptyRoleColumns(t *testing.T) {
	noUnits := loadNotice(t, "../testdata/styles/binjiang-2025-31.gold.json")
	for i := range noUnits.Tasks {
		noUnits.Tasks[i].Units = nil
	}
	withKeywords := loadNotice(t, "../testdata/styles/qinghe-2025-12.gold.json")
	withKeywords.Tasks[2].Keywords = []string{"审批"}
	cases := []struct {
		name   string
		n      *duban.Notice
		hidden []string
	}{
		{"responsible only", loadNotice(t, "../testdata/lianyungang-2024-22.gold.json"), []string{"牵头单位", "配合单位", "关键词"}},
		{"lead and co", loadNotice(t, "../testdata/styles/haichuan-2025-7.gold.json"), []string{"责任单位", "关键词"}},
		{"every role", loadNotice(t, "../testdata/styles/dongling-2025-19.gold.json"), []string{"关键词"}},
		{"keywords", withKeywords, []string{"责任单位"}},
		// no unit anywhere: 责任单位 stays, for a clerk to fill in
		{"no units", noUnits, []string{"牵头单位", "配合单位", "关键词"}},
	}
	var widths []float64 // of every column, from the first case
	for ci, c := range cases {
		path, f, sheet := writeLedger(t, c.n, "hide-"+strings.ReplaceAll(c.name, " ", "-"))
		if got := hiddenColumns(t, f, sheet); !slices.Equal(got, c.hidden) {
			t.Errorf("%s: hidden columns %q, want %q", c.name, got, c.hidden)
		}
		header, labels := checkSheet(t, path, f, sheet)
		if !slices.Equal(labels, ledgerColumns) {
			t.Errorf("%s: header %q", c.name, labels)
		}
		if x := xmlOf(t, path, "xl/worksheets/sheet1.xml"); !strings.Contains(x, `<autoFilter ref="A`+itoa(header)+`:I`) &&
			!strings.Contains(x, `<autoFilter ref="$A$`+itoa(header)+`:$I$`) {
			t.Errorf("%s: autofilter does not span the table", c.name)
		}
		var ws []float64
		for i := range ledgerColumns {
			col, _ := excelize.ColumnNumberToName(i + 1)
			w, _ := f.GetColWidth(sheet, col)
			ws = append(ws, w)
		}
		if ci == 0 {
			widths = ws
		} else if c.name == "every role" {
			// 二（二）第2项 does not fit the 任务编号 column: it grows, from
			// 任务内容; the other columns are as in every ledger.
			if !(ws[0] > widths[0]+2) || math.Abs(ws[0]+ws[1]-widths[0]-widths[1]) > 1e-9 || !slices.Equal(ws[2:], widths[2:]) {
				t.Errorf("%s: column widths %v, want 任务编号 wider than %v's, from 任务内容", c.name, ws, widths)
			}
		} else if !slices.Equal(ws, widths) {
			t.Errorf("%s: column widths %v, want %v as in every ledger", c.name, ws, widths)
		}
		for i, w := range ws {
			if w < 5 {
				t.Errorf("%s: column %s is %.1f wide: unhidden it would not show", c.name, ledgerColumns[i], w)
			}
		}
	}
}

// The rows above the header span the table: their heights must show their
// text in the width that is visible, hidden columns left out.
func TestLedgerWorkbookTitleRowsFitVisibleWidth(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	// a subtitle of about 150 character units: one line over every
	// column, two over the visible ones
	n.Title = "市政府办公室关于印发无锡连云港南北结对帮扶合作2024年重点工作计划暨对口协作、产业园区共建和人才交流三年行动实施方案的通知"
	path, f, sheet := writeLedger(t, n, "hide-title")
	header, _ := checkSheet(t, path, f, sheet)
	visible := 0.0
	for i := range ledgerColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if vis, _ := f.GetColVisible(sheet, col); vis {
			w, _ := f.GetColWidth(sheet, col)
			visible += w
		}
	}
	for r := 1; r < header; r++ {
		v := cellStr(t, f, sheet, 1, r)
		cell, _ := excelize.CoordinatesToCellName(1, r)
		st, _ := f.GetCellStyle(sheet, cell)
		style, _ := f.GetStyle(st)
		size := style.Font.Size
		h, _ := f.GetRowHeight(sheet, r)
		if need := float64(minLines(v, visible, size)) * size * 1.2; h < need {
			t.Errorf("row %d is %.1f pt high, needs %.1f for %q in %.0f visible characters", r, h, need, v, visible)
		}
	}
	if lines := minLines(cellStr(t, f, sheet, 1, 2), visible, 10.5); lines < 2 {
		t.Fatalf("the subtitle fits one visible line (%d): the test no longer tests anything", lines)
	}
}

// A clerk shows a hidden column again and fills it: the units come back as
// records.
func TestLedgerWorkbookUnhiddenColumnReadBack(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	path, f, sheet := writeLedger(t, n, "hide-unhide")
	if err := f.SetColVisible(sheet, "C", true); err != nil {
		t.Fatal(err)
	}
	panes, _ := f.GetPanes(sheet)
	r := panes.YSplit + 1
	for cellStr(t, f, sheet, 1, r) != n.Tasks[0].Number() {
		r++
	}
	if err := f.SetCellStr(sheet, "C"+itoa(r), "市发改委"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	got, err := render.ReadLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]duban.Unit{{Name: "市发改委", Role: duban.RoleLead}}, n.Tasks[0].Units...)
	if !reflect.DeepEqual(got.Tasks[0].Units, want) {
		t.Errorf("units %+v, want %+v", got.Tasks[0].Units, want)
	}
	if !reflect.DeepEqual(got.Tasks[1:], n.Tasks[1:]) {
		t.Error("the other tasks changed")
	}
}

// A plan that is itself a 任务分解表 gives a ledger titled once so.
func TestLedgerTitleNotDoubled(t *testing.T) {
	n := loadNotice(t, "../testdata/styles/haichuan-2025-7.gold.json")
	if !strings.HasSuffix(string(n.PlanTitle), render.LedgerName) {
		t.Fatalf("plan title %q: the sample no longer tests this", n.PlanTitle)
	}
	_, f, sheet := writeLedger(t, n, "title-once")
	if got := cellStr(t, f, sheet, 1, 1); got != string(n.PlanTitle) {
		t.Errorf("title %q, want %q", got, n.PlanTitle)
	}
}
