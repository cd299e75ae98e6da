package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/duban/duban"

	"github.com/duban/duban/templates"
)

// The footer of page 1 (title, 第1页共N页, date) is drawn at the footer size,
// not at the 1 pt used to measure characters seen for the first time.
func TestFooterSizeOnPageOne(t *testing.T) {
	d := newPDFDoc(pageSetup{Orientation: "L"}, templates.Font())
	d.Now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	d.Footer = "页脚标题测试文档"
	d.Title("标题", 16)
	tab := &pdfTable{Columns: []tableColumn{{Label: "序号", Width: 1}, {Label: "内容", Width: 8}}}
	for i := range 80 {
		tab.Rows = append(tab.Rows, tableRow{Cells: []string{"1", strings.Repeat("任务内容", 1+i%5)}})
	}
	d.Table(tab)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	r, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if r.NumPage() < 2 {
		t.Fatalf("%d pages, want several", r.NumPage())
	}
	for _, pg := range []int{1, 2} {
		var low float64 = 1e9
		for _, tx := range r.Page(pg).Content().Text {
			low = min(low, tx.Y)
		}
		n := 0
		for _, tx := range r.Page(pg).Content().Text {
			if tx.Y > low+1 {
				continue
			}
			n++
			if tx.FontSize < 6 || tx.FontSize > 10 {
				t.Fatalf("page %d: footer glyph %q at %.1f pt, want about 8", pg, tx.S, tx.FontSize)
			}
		}
		if n < 10 {
			t.Errorf("page %d: %d footer glyphs", pg, n)
		}
	}
}

// The ledger PDF names the column of non-lead units as the workbook does.
func TestLedgerOthersLabel(t *testing.T) {
	resp := &duban.Notice{Tasks: []duban.Task{{Units: []duban.Unit{{Name: "甲", Role: duban.RoleResponsible}}}}}
	co := &duban.Notice{Tasks: []duban.Task{{Units: []duban.Unit{{Name: "甲", Role: duban.RoleLead}, {Name: "乙", Role: duban.RoleCo}}}}}
	both := &duban.Notice{Tasks: []duban.Task{{Units: []duban.Unit{{Name: "甲", Role: duban.RoleCo}}}, {Units: []duban.Unit{{Name: "乙", Role: duban.RoleResponsible}}}}}
	for n, want := range map[*duban.Notice]string{resp: "责任单位", co: "配合单位", both: "配合/责任单位"} {
		if got := othersLabel(n); got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
	res, err := Options{Formats: []string{FormatPDF}}.load()
	if err != nil {
		t.Fatal(err)
	}
	resp.Tasks[0].ID, resp.Tasks[0].Text = "一.1", "任务"
	doc, err := ledgerDoc(res, resp)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.blocks {
		if tb, ok := b.(*pdfTable); ok {
			for _, c := range tb.Columns {
				if c.Label == "配合/责任单位" {
					t.Error("ledger PDF header says 配合/责任单位 for a notice with only 责任单位")
				}
			}
		}
	}
}
