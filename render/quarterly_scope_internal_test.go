package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/pdf"
)

// everyTask is how the quarterly summaries and the 通报 once found a task's
// sheets: a map of every task of the batch, made from
// duban.UnitAssignments over all notices.
func everyTask(notices []*duban.Notice, dir *duban.Directory) unitsOfFunc {
	m := map[*duban.Task][]taskUnit{}
	for key, as := range duban.UnitAssignments(notices, dir) {
		for _, a := range as {
			m[a.Task] = append(m[a.Task], taskUnit{key: key, name: a.Name, unit: a.Unit, via: a.Via})
		}
	}
	for t, us := range m {
		sortTaskUnits(t, us)
	}
	return func(_ *duban.Notice, t *duban.Task) []taskUnit { return m[t] }
}

// scopeBatch is the sample three times: as issued, by the 无锡 office (so
// the units named in both are qualified with their place) and by an office
// that names no place, with reports from a few units, and a directory whose
// group reaches members.
func scopeBatch(t *testing.T) ([]*duban.Notice, *duban.Directory) {
	t.Helper()
	b, err := os.ReadFile("../testdata/lianyungang-2024-22.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var notices []*duban.Notice
	for i, issuer := range []string{"", "无锡市人民政府办公室", "市政府办公室"} {
		var n duban.Notice
		if err := json.Unmarshal(b, &n); err != nil {
			t.Fatal(err)
		}
		if issuer != "" {
			n.Issuer = issuer
			n.DocNumber += "之" + string(rune('一'+i))
		}
		for k := range n.Tasks {
			task := &n.Tasks[k]
			if k%3 == i && len(task.Units) > 0 {
				task.Progress = append(task.Progress, duban.Progress{Unit: duban.SheetKey(task.Units[0]), Status: duban.Statuses[k%len(duban.Statuses)], Detail: "进展" + task.ID})
			}
		}
		notices = append(notices, &n)
	}
	dir, err := duban.ParseDirectory([]byte("groups:\n  - name: 相关县区\n    members: [东海县, 灌云县, 灌南县]\n"), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return notices, dir
}

// pdfTextOf writes doc to path and reads its text back, tables included.
func pdfTextOf(t *testing.T, doc *pdfDoc, path string) string {
	t.Helper()
	if err := doc.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdf.Reader{}.Read(path, b)
	if err != nil {
		t.Fatalf("reading back %s: %v", path, err)
	}
	var s strings.Builder
	for _, bl := range d.Blocks {
		s.WriteString(bl.Text)
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r {
					s.WriteString(c.Text + "|")
				}
				s.WriteString("\n")
			}
		}
		s.WriteString("\n")
	}
	return s.String()
}

// The quarterly summaries and the 通报 put only a quarter's due tasks on
// their sheets (duban.Sheets) instead of a map of every task of the batch:
// every quarter's report and 通报 are the same as with that map, and so is
// the text of their PDFs read back.
func TestQuarterScopedSheetsSameDocuments(t *testing.T) {
	notices, dir := scopeBatch(t)
	res, err := Options{Now: time.Date(2024, 11, 15, 0, 0, 0, 0, time.UTC), Directory: dir}.load()
	if err != nil {
		t.Fatal(err)
	}
	ql, err := loadQuarterlyLayout(res)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.PrepareFont(nil); err != nil {
		t.Fatal(err)
	}
	asOf := res.Now
	old, scoped := everyTask(notices, dir), onSheets(duban.NewSheets(notices, dir))
	tmp := t.TempDir()
	quarters := dueQuarters(notices)
	if len(quarters) != 3 {
		t.Fatalf("quarters %v, want three", quarters)
	}
	via, placed := false, false
	for _, q := range quarters {
		want, err := buildQuarterFrom(notices, old, q, asOf, dueSoonDays, ql)
		if err != nil {
			t.Fatal(err)
		}
		got, err := buildQuarterFrom(notices, scoped, q, asOf, dueSoonDays, ql)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the quarterly report differs from the one made with every task's sheets", q)
		}
		for k, es := range got.byUnit {
			placed = placed || strings.HasSuffix(k, "（连云港市）")
			for _, e := range es {
				via = via || e.via != ""
			}
		}
		wdoc, err := quarterlyDoc(res, ql, want, notices)
		if err != nil {
			t.Fatal(err)
		}
		gdoc, err := quarterlyDoc(res, ql, got, notices)
		if err != nil {
			t.Fatal(err)
		}
		wt, gt := pdfTextOf(t, wdoc, filepath.Join(tmp, q+"-old.pdf")), pdfTextOf(t, gdoc, filepath.Join(tmp, q+".pdf"))
		if gt != wt || !strings.Contains(gt, "（连云港市）") {
			t.Errorf("%s: the quarterly PDF reads back differently (%d and %d characters)", q, len(gt), len(wt))
		}

		wb, err := buildBulletin(notices, old, q, asOf, dueSoonDays, ql)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := buildBulletin(notices, scoped, q, asOf, dueSoonDays, ql)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gb, wb) {
			t.Errorf("%s: the 通报 differs from the one made with every task's sheets", q)
		}
		wt, gt = pdfTextOf(t, wb.pdf(res, ql), filepath.Join(tmp, q+"通报-old.pdf")), pdfTextOf(t, gb.pdf(res, ql), filepath.Join(tmp, q+"通报.pdf"))
		if gt != wt || !strings.Contains(gt, "未报送") {
			t.Errorf("%s: the 通报 PDF reads back differently (%d and %d characters)", q, len(gt), len(wt))
		}
	}
	if !via || !placed {
		t.Errorf("the batch did not exercise group members (%v) and place-qualified units (%v)", via, placed)
	}
}
