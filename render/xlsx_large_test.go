package render_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
	"github.com/xuri/excelize/v2"
)

// A unit with thousands of tasks: the streamed unit sheet reopens with its
// title rows, every task row in order, the template's cell styles, the
// 进展情况 dropdown over exactly the task rows and the lights coloured.
func TestLargeUnitSheet(t *testing.T) {
	const tasks = 2500
	n := &duban.Notice{DocNumber: "X发〔2024〕9号", Title: "大量任务的通知", Year: 2024}
	for i := range tasks {
		d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/10)
		n.Tasks = append(n.Tasks, duban.Task{ID: fmt.Sprintf("一.%d", i+1), Text: fmt.Sprintf("第%d项：推进重点项目建设。", i+1),
			Units:    []duban.Unit{{Name: "市发改委", Role: duban.RoleLead}},
			Deadline: &duban.Deadline{Raw: "按期", Date: duban.NullString(d.Format(duban.DateLayout)), Kind: duban.KindDate, Quarter: duban.NullString(duban.QuarterOf(d))}})
	}
	dir := outDir(t, "unit-large")
	asOf := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	if _, err := render.UnitSheets([]*duban.Notice{n}, dir, render.Options{Now: testNow, AsOf: asOf, Formats: []string{"xlsx"}}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "市发改委.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	header, _ := checkSheet(t, path, f, sheet)
	if v := cellStr(t, f, sheet, 1, 1); !strings.Contains(v, "市发改委") {
		t.Errorf("title %q", v)
	}
	rows, _ := f.GetRows(sheet)
	if len(rows) != header+tasks {
		t.Fatalf("%d rows, want %d above the tasks and %d tasks", len(rows), header, tasks)
	}
	for i := range tasks {
		if r := rows[header+i]; len(r) < 3 || r[0] != itoa(i+1) || r[2] != n.Tasks[i].Text {
			t.Fatalf("row %d: %q", header+1+i, r)
		}
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("validations %+v %v", dvs, err)
	}
	if want := fmt.Sprintf("H%d:H%d", header+1, header+tasks); dvs[0].Sqref != want || dvs[0].Type != "list" {
		t.Errorf("dropdown over %s (%s), want a list over %s", dvs[0].Sqref, dvs[0].Type, want)
	}
	fill := func(col, row int) string {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		id, _ := f.GetCellStyle(sheet, cell)
		st, err := f.GetStyle(id)
		if err != nil || st.Border == nil || len(st.Border) == 0 {
			t.Fatalf("%s: style %+v %v, want the template's bordered cell", cell, st, err)
		}
		if len(st.Fill.Color) == 0 {
			return ""
		}
		return st.Fill.Color[0]
	}
	// Tasks due before 1 June are 逾期 (red), those due within 15 days
	// 临期 (yellow), later ones 正常 (no fill); only the 进展情况 cell.
	for _, c := range []struct {
		i    int
		want string
	}{{0, "F4B6B6"}, {1560, "FFE699"}, {tasks - 1, ""}} {
		if got := fill(8, header+1+c.i); got != c.want {
			t.Errorf("task %d (due %s): 进展情况 fill %q, want %q", c.i+1, n.Tasks[c.i].Deadline.Date, got, c.want)
		}
		if got := fill(3, header+1+c.i); got != "" {
			t.Errorf("task %d: 任务内容 filled %q", c.i+1, got)
		}
	}
}
