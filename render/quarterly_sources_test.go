package render_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

// A quarterly summary names as 来源文件 the notices with a task due in its
// quarter, and no other: a quarter of a large batch does not open with
// pages of notices it has nothing of (issue 13).
func TestQuarterlySourcesAreTheQuartersNotices(t *testing.T) {
	notices := goldNotices(t)
	dir := outDir(t, "quarterly-sources")
	if _, err := render.Quarterly(notices, dir, nil, render.Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	quarters := map[string]map[int]bool{} // quarter → notices with a task due
	for ni, n := range notices {
		for _, task := range n.Tasks {
			if q := task.Deadline.DueQuarter(); q != "" {
				if quarters[q] == nil {
					quarters[q] = map[int]bool{}
				}
				quarters[q][ni] = true
			}
		}
	}
	left := 0
	for q, due := range quarters {
		var pdf strings.Builder
		for _, b := range readPDF(t, filepath.Join(dir, q+".pdf")).Blocks {
			if b.Table == nil {
				pdf.WriteString(squeeze(b.Text))
			}
		}
		f, err := excelize.OpenFile(filepath.Join(dir, q+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		var cells strings.Builder
		rows, err := f.GetRows(f.GetSheetList()[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			cells.WriteString(squeeze(strings.Join(r, "")))
		}
		f.Close()
		for ni, n := range notices {
			line := "来源文件：" + squeeze(n.DocNumber)
			if !due[ni] {
				left++
			}
			for what, got := range map[string]string{"pdf": pdf.String(), "xlsx": cells.String()} {
				if has := strings.Contains(got, line); has != due[ni] {
					t.Errorf("%s.%s: 来源文件 %s listed %v, want %v (a task due in the quarter: %v)", q, what, n.DocNumber, has, due[ni], due[ni])
				}
			}
		}
	}
	if left == 0 {
		t.Fatal("every notice has a task due in every quarter: the test needs one without")
	}
}
