package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// editReturn opens a return sheet, lets edit change it and saves it as
// dst; cell gives a data row's cell by header.
func editReturn(t *testing.T, src, dst string, edit func(f *excelize.File, cell func(row int, head string) string)) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("填报表")
	head := map[string]int{}
	for _, r := range rows {
		for j, v := range r {
			head[v] = j + 1
		}
		if head["完成状态"] > 0 {
			break
		}
	}
	edit(f, func(row int, h string) string {
		n, _ := excelize.ColumnNumberToName(head[h])
		return fmt.Sprintf("%s%d", n, 5+row)
	})
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
}

func TestImportRejects(t *testing.T) {
	out, in := t.TempDir(), t.TempDir()
	seed := "../../seeds/lianyungang-2024-22.txt"
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "--as-of", "2024-12-31", "-o", out, seed); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	ret := filepath.Join(out, "returns")
	editReturn(t, filepath.Join(ret, "市发改委.xlsx"), filepath.Join(in, "a.xlsx"), func(f *excelize.File, cell func(int, string) string) {
		f.SetCellValue("填报表", cell(1, "完成状态"), "已完成")
		f.SetCellValue("填报表", cell(2, "完成状态"), "滞后")
		f.SetCellValue("填报表", cell(2, "任务内容"), "改写了任务内容")
		f.SetCellValue("填报表", cell(3, "完成状态"), "滞后")
		f.SetCellValue("填报表", cell(3, "标识（勿改）"), "连政办发2024-22 九.9") // unknown task
	})
	// A row of 市商务局's sheet pasted into 市发改委's.
	mine := map[string]bool{}
	own, _ := excelize.OpenFile(filepath.Join(ret, "市发改委.xlsx"))
	ownRows, _ := own.GetRows("填报表")
	own.Close()
	for _, r := range ownRows {
		if len(r) > 14 {
			mine[r[14]] = true
		}
	}
	other, _ := excelize.OpenFile(filepath.Join(ret, "市商务局.xlsx"))
	otherRows, _ := other.GetRows("填报表")
	other.Close()
	var key, text string
	for _, r := range otherRows[5:] {
		if len(r) > 14 && r[14] != "" && !mine[r[14]] {
			key, text = r[14], r[3]
			break
		}
	}
	if key == "" {
		t.Fatal("no task of 市商务局 that is not 市发改委's")
	}
	editReturn(t, filepath.Join(ret, "市发改委.xlsx"), filepath.Join(in, "b.xlsx"), func(f *excelize.File, cell func(int, string) string) {
		f.SetCellValue("填报表", cell(4, "标识（勿改）"), key)
		f.SetCellValue("填报表", cell(4, "任务内容"), text)
		f.SetCellValue("填报表", cell(4, "完成状态"), "已完成")
	})
	// An older round: the sheet of 2024Q3 after a 2024Q4 report.
	editReturn(t, filepath.Join(ret, "市发改委.xlsx"), filepath.Join(in, "c.xlsx"), func(f *excelize.File, cell func(int, string) string) {
		f.SetCellValue("填报表", cell(1, "完成状态"), "滞后")
		rows, _ := f.GetRows("_duban")
		for i, r := range rows {
			if len(r) > 0 && r[0] == "round" {
				f.SetCellValue("_duban", fmt.Sprintf("B%d", i+1), "2024Q3")
			}
		}
	})
	code, _, errs := cli(t, "import", "--formats", "xlsx", "-o", out, filepath.Join(in, "a.xlsx"), filepath.Join(in, "b.xlsx"), filepath.Join(in, "c.xlsx"))
	if code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	for _, frag := range []string{
		"a.xlsx: sheet 填报表 row 7: 任务内容 of 一.3 was changed",
		"a.xlsx: sheet 填报表 row 8: task 九.9 is not on 市发改委's sheet",
		"b.xlsx: sheet 填报表 row 9: task ",
		"c.xlsx: sheet 填报表 row 6: older round",
	} {
		if !strings.Contains(errs, frag) {
			t.Errorf("no %q in:\n%s", frag, errs)
		}
	}
	s := readSummary(t, out)
	if s.Counts.Imported != 1 || s.Counts.Rejected != 4 {
		t.Errorf("imported %d rejected %d, want 1 and 4\n%s", s.Counts.Imported, s.Counts.Rejected, errs)
	}
}
