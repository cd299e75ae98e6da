package returns

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/xuri/excelize/v2"
)

// The workbook prints readably: A4 landscape fitted to the width of the
// visible columns (the print area stops before the hidden key column),
// the header row repeated, a footer with page numbers.
func TestPrintSetup(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, []Notice{testNotice()}, Options{AsOf: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "市发改委.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pl, err := f.GetPageLayout(SheetName)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("page layout %+v %v", pl, err)
	}
	var area, titles string
	for _, dn := range f.GetDefinedName() {
		switch dn.Name {
		case "_xlnm.Print_Area":
			area = dn.RefersTo
		case "_xlnm.Print_Titles":
			titles = dn.RefersTo
		}
	}
	lastVisible := col("note")
	if !strings.Contains(area, "$A$1:$"+lastVisible+"$") {
		t.Errorf("print area %q, want A1 to column %s", area, lastVisible)
	}
	if !strings.HasSuffix(titles, "!$5:$5") {
		t.Errorf("print titles %q", titles)
	}
	hf, _ := f.GetHeaderFooter(SheetName)
	if hf == nil || !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("footer %+v", hf)
	}
	total := 0.0
	for _, c := range columns[:len(columns)-1] {
		total += c.width
	}
	// At most about 185 character widths: printed at no less than about
	// 80% on A4 landscape.
	if total > 185 {
		t.Errorf("visible columns %.0f characters wide", total)
	}
}

// The printed form reads back with its header block, every task, the boxes
// to tick for a task not reported, the report of one reported, the 合计
// and the signature lines.
func TestWritePDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext")
	}
	dir := t.TempDir()
	n := testNotice()
	n.Tasks = append(n.Tasks, duban.Task{ID: "三.1", Text: "长期坚持。", Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleResponsible}}})
	paths, err := WritePDF(dir, []Notice{n}, Options{AsOf: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), WarnDays: 15})
	if err != nil || len(paths) != 2 {
		t.Fatalf("%v %v", paths, err)
	}
	out, err := exec.Command("pdftotext", "-raw", filepath.Join(dir, "市发改委.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, s := range []string{"市发改委重点任务进展情况填报表", "填报单位：市发改委", "联系人：", "联系电话：", "分管领导：",
		"报送截止日期：2024-09-25", "报送轮次：2024Q3", "建立台账。", "各牵头单位于每季度末月25日前报送进展情况。",
		"□已完成", "□无法完成", "2024-06-01", "合计：共3项，已完成1项", "长期坚持。", "单位负责人签字：", "（盖章）", "填报日期：", "第1页共1页"} {
		if !strings.Contains(text, s) {
			t.Errorf("form lacks %s:\n%s", s, out)
		}
	}
	if strings.Count(text, "□已完成") != 2 {
		t.Errorf("boxes for %d tasks, want 2 (the other is reported)", strings.Count(text, "□已完成"))
	}
}
