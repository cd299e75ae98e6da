package returns

import (
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/xuri/excelize/v2"
)

// A return sheet shows each task's number as the notice writes it
// (四（一）3, 二（二）第2项) — in the workbook's visible cells and in the
// printed form — never the record id, which only the hidden key column and
// sheet carry; the returned workbook still imports by id.
func TestReturnSheetShowsTaskNumbers(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext")
	}
	unit := []duban.Unit{{Name: "市发改委", Role: duban.RoleResponsible}}
	dl := &duban.Deadline{Raw: "12月底前", Date: "2024-12-31", Kind: duban.KindMonthEnd, Quarter: "2024Q4"}
	n := Notice{Slug: "n1", Notice: &duban.Notice{DocNumber: "X发〔2024〕1号", Year: 2024, Tasks: []duban.Task{
		{ID: "四.（一）.3", Path: []string{"四", "（一）", "3"}, Text: "甲任务。", Units: unit, Deadline: dl},
		{ID: "二.（二）", Path: []string{"二", "（二）"}, Text: "乙任务。", Units: unit, Deadline: dl},
		{ID: "二.（二）#2", Path: []string{"二", "（二）"}, Text: "丙任务。", Units: unit, Deadline: dl},
	}}}
	want := map[string]string{"四.（一）.3": "四（一）3", "二.（二）": "二（二）", "二.（二）#2": "二（二）第2项"}
	opt := Options{AsOf: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)}
	dir := t.TempDir()
	if _, err := Write(dir, []Notice{n}, opt); err != nil {
		t.Fatal(err)
	}
	if _, err := WritePDF(dir, []Notice{n}, opt); err != nil {
		t.Fatal(err)
	}

	book := filepath.Join(dir, "市发改委.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	// the longest number fits its column, taken from 任务内容
	idCol, textCol := col("id"), col("text")
	if w, _ := f.GetColWidth(SheetName, idCol); w < cellWidth("二（二）第2项")+1 {
		t.Errorf("督办编号 column %.1f wide: 二（二）第2项 wraps", w)
	}
	if a, b := func() (float64, float64) {
		x, _ := f.GetColWidth(SheetName, idCol)
		y, _ := f.GetColWidth(SheetName, textCol)
		return x, y
	}(); math.Abs(a+b-width("id")-width("text")) > 1e-9 {
		t.Errorf("督办编号 and 任务内容 %.1f + %.1f wide, want %.1f together", a, b, width("id")+width("text"))
	}
	var visible []string
	for _, sh := range f.GetSheetList() {
		if v, _ := f.GetSheetVisible(sh); !v {
			continue
		}
		rows, _ := f.GetRows(sh)
		for _, row := range rows {
			for c, cell := range row {
				name, _ := excelize.ColumnNumberToName(c + 1)
				if v, _ := f.GetColVisible(sh, name); v {
					visible = append(visible, cell)
				}
			}
		}
	}
	f.Close()
	out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "市发改委.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for doc, text := range map[string]string{book: "\n" + strings.Join(visible, "\n") + "\n", "市发改委.pdf": string(out)} {
		for id, num := range want {
			if strings.Contains(text, id) {
				t.Errorf("%s shows the record id %s", doc, id)
			}
			// the number stands alone: in its own cell, or between blanks
			if !strings.Contains(text, "\n"+num+"\n") && !strings.Contains(text, " "+num+" ") {
				t.Errorf("%s lacks the number %s", doc, num)
			}
		}
	}

	form, err := Read(book)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range form.Rows {
		if r.Err != nil {
			t.Errorf("row %+v", r)
		}
		ids = append(ids, r.Task)
	}
	if got := strings.Join(ids, " "); got != "四.（一）.3 二.（二） 二.（二）#2" {
		t.Errorf("import reads tasks %s", got)
	}
}
