package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/returns"
)

// placeGen is generated notice i in the sample's clause style, issued by
// issuer, every task of it assigned to 市发改委 alone.
func placeGen(t *testing.T, i int, issuer, doc string) string {
	n := clauseNotice(t, 7, i)
	n.Issuer, n.DocNumber = issuer, doc
	for si := range n.Sections {
		for bi := range n.Sections[si].Subs {
			for ti := range n.Sections[si].Subs[bi].Tasks {
				tk := &n.Sections[si].Subs[bi].Tasks[ti]
				tk.Lead, tk.Units, tk.Open = nil, []string{"市发改委"}, false
			}
		}
	}
	return writeGen(t, filepath.Join(t.TempDir(), "in"), fmt.Sprintf("n%d.txt", i), n, "txt")
}

// cellsOf is every cell text of a workbook's first sheet.
func cellsOf(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// TestSameUnitOfTwoPlaces: 市发改委 of a 连云港 notice and 市发改委 of a 无锡
// notice are two units — two unit sheets, two return sheets — and a report
// on one's return sheet shows on its own unit sheet only.
func TestSameUnitOfTwoPlaces(t *testing.T) {
	t.Parallel()
	in := t.TempDir()
	docs := map[string]string{"连云港市": "连政办发〔2024〕1号", "无锡市": "锡政办发〔2024〕2号"}
	for i, place := range []string{"连云港市", "无锡市"} {
		p := placeGen(t, i, place+"人民政府办公室", docs[place])
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeBytes(t, in, filepath.Base(p), b)
	}
	out := t.TempDir()
	mustRun(t, runOpt(in, out, nil))

	want := []string{"市发改委（无锡市）.xlsx", "市发改委（连云港市）.xlsx"}
	if got := dirNames(t, filepath.Join(out, "units")); !reflect.DeepEqual(got, want) {
		t.Fatalf("unit sheets %q, want %q", got, want)
	}
	for place, doc := range docs {
		other := docs["无锡市"]
		if place == "无锡市" {
			other = docs["连云港市"]
		}
		cells := cellsOf(t, filepath.Join(out, "units", "市发改委（"+place+"）.xlsx"))
		if !strings.Contains(cells, "市发改委（"+place+"）") || !strings.Contains(cells, doc) || strings.Contains(cells, other) {
			t.Errorf("unit sheet of 市发改委（%s） does not name its unit and list %s alone:\n%s", place, doc, cells)
		}
	}
	if got := dirNames(t, filepath.Join(out, ReturnsDir)); !reflect.DeepEqual(got, want) {
		t.Fatalf("return sheets %q, want %q", got, want)
	}
	tasks := map[string]int{}
	for place, doc := range docs {
		form, err := returns.Read(filepath.Join(out, ReturnsDir, "市发改委（"+place+"）.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if form.Unit != "市发改委（"+place+"）" || len(form.Known) == 0 {
			t.Errorf("return sheet of %s: unit %q, %d tasks", place, form.Unit, len(form.Known))
		}
		tasks[place] = len(form.Known)
		for _, k := range form.Known {
			if k.DocNumber != doc {
				t.Errorf("return sheet of 市发改委（%s） lists %s %s", place, k.DocNumber, k.Task)
			}
		}
	}

	// 连云港's 市发改委 reports every task 已完成; 无锡's sheet stays blank.
	ret := t.TempDir()
	src := filepath.Join(out, ReturnsDir, "市发改委（连云港市）.xlsx")
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	sh := f.GetSheetList()[0]
	rows, _ := f.GetRows(sh)
	for r := 6; r <= len(rows); r++ {
		if id, _ := f.GetCellValue(sh, fmt.Sprintf("B%d", r)); id != "" {
			f.SetCellValue(sh, fmt.Sprintf("I%d", r), "已完成")
		}
	}
	if err := f.SaveAs(filepath.Join(ret, filepath.Base(src))); err != nil {
		t.Fatal(err)
	}
	f.Close()
	sum, err := Import(context.Background(), Options{Inputs: []string{ret}, Out: out, Now: fixedNow, Formats: []string{"xlsx"}, Jobs: 1, By: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if n := tasks["连云港市"]; sum.Counts.Imported != n || sum.Counts.Rejected != 0 {
		t.Fatalf("import of %d tasks: %+v", n, sum.Counts)
	}
	mustRun(t, runOpt(in, out, nil))
	for place, want := range map[string]int{"连云港市": tasks["连云港市"], "无锡市": 0} {
		cells := cellsOf(t, filepath.Join(out, "units", "市发改委（"+place+"）.xlsx"))
		done := 0
		for _, line := range strings.Split(cells, "\n") {
			if seq, _, _ := strings.Cut(line, "\t"); seq != "" && strings.Trim(seq, "0123456789") == "" && strings.HasSuffix(line, "\t已完成") {
				done++
			}
		}
		if done != want {
			t.Errorf("unit sheet of 市发改委（%s） shows %d tasks 已完成, want %d:\n%s", place, done, want, cells)
		}
	}
}
