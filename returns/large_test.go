package returns

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/xuri/excelize/v2"
)

// A unit with thousands of tasks: its workbook (streamed row by row)
// reopens with every row, the styles of the header and of the cells a
// unit fills, real dates, the 完成状态 dropdown over exactly the task rows,
// the 合计 row after them, the hidden id sheet listing every task, and it
// reads back.
func TestLargeUnitWorkbook(t *testing.T) {
	const tasks = 3000
	n := &duban.Notice{DocNumber: "X发〔2024〕9号", Year: 2024}
	for i := range tasks {
		d := time.Date(2024, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		task := duban.Task{ID: fmt.Sprintf("一.%d", i+1), Text: fmt.Sprintf("第%d项任务：推进重点项目建设，按月报送进展情况。", i+1),
			Units:    []duban.Unit{{Name: "市发改委", Role: duban.RoleLead}},
			Deadline: &duban.Deadline{Raw: "按期", Date: duban.NullString(d.Format(duban.DateLayout)), Kind: duban.KindDate, Quarter: duban.NullString(duban.QuarterOf(d))}}
		if i%7 == 0 {
			task.Progress = []duban.Progress{{Unit: "市发改委", Status: duban.StatusBehind, Detail: "资金未到位。"}}
		}
		n.Tasks = append(n.Tasks, task)
	}
	dir := t.TempDir()
	asOf := time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)
	if _, err := Write(dir, []Notice{{Slug: "big", Notice: n}}, Options{AsOf: asOf, WarnDays: 15}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "市发改委.xlsx")
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	first, last := headerRow+1, headerRow+tasks
	if len(rows) != last+3 {
		t.Fatalf("%d rows, want %d (5 above the tasks, %d tasks, 合计, a blank and the signature line)", len(rows), last+3, tasks)
	}
	for i := range tasks {
		r := rows[first-1+i]
		if len(r) < len(columns) || r[colNum("seq")-1] != strconv.Itoa(i+1) || r[colNum("id")-1] != n.Tasks[i].Number() ||
			r[colNum("text")-1] != n.Tasks[i].Text || r[colNum("key")-1] != Key("big", n.Tasks[i].ID) {
			t.Fatalf("row %d: %q", first+i, r)
		}
		if want := ""; i%7 == 0 && r[colNum("status")-1] != "滞后" || i%7 != 0 && r[colNum("status")-1] != want {
			t.Fatalf("row %d: 完成状态 %q", first+i, r[colNum("status")-1])
		}
	}
	if !strings.HasPrefix(rows[last][0], "合计") {
		t.Errorf("row %d: %q, want the 合计 row", last+1, rows[last])
	}
	if c, _ := f.GetCellFormula(SheetName, fmt.Sprintf("C%d", last+1)); !strings.Contains(c, fmt.Sprintf("COUNTA(D%d:D%d)", first, last)) {
		t.Errorf("合计 formula %q does not count rows %d to %d", c, first, last)
	}
	// The dropdown covers every task row and only the 完成状态 column.
	dvs, err := f.GetDataValidations(SheetName)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("validations %+v %v", dvs, err)
	}
	if want := fmt.Sprintf("%s%d:%s%d", col("status"), first, col("status"), last); dvs[0].Sqref != want || dvs[0].Type != "list" ||
		!strings.Contains(dvs[0].Formula1, "已完成") {
		t.Errorf("validation %s %s %q, want a list over %s", dvs[0].Sqref, dvs[0].Type, dvs[0].Formula1, want)
	}
	// Styles: the header filled blue, the unit's columns yellow and
	// unlocked, the date a real date with its format, the key column
	// hidden, every row sized.
	style := func(cell string) *excelize.Style {
		id, err := f.GetCellStyle(SheetName, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	if st := style(fmt.Sprintf("%s%d", col("text"), headerRow)); len(st.Fill.Color) == 0 || st.Fill.Color[0] != "D9E1F2" || st.Font == nil || !st.Font.Bold {
		t.Errorf("header style %+v", st)
	}
	for _, r := range []int{first, first + tasks/2, last} {
		if st := style(fmt.Sprintf("%s%d", col("detail"), r)); len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFFDE7" || st.Protection == nil || st.Protection.Locked {
			t.Errorf("row %d: 具体进展 style %+v", r, st)
		}
		if st := style(fmt.Sprintf("%s%d", col("date"), r)); st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
			t.Errorf("row %d: 截止日期 style %+v", r, st)
		}
		if v, _ := f.GetCellValue(SheetName, fmt.Sprintf("%s%d", col("date"), r), excelize.Options{RawCellValue: true}); strings.Contains(v, "-") || v == "" {
			t.Errorf("row %d: 截止日期 %q is not a date serial", r, v)
		}
		if h, _ := f.GetRowHeight(SheetName, r); h < 20 {
			t.Errorf("row %d: height %.1f", r, h)
		}
	}
	if v, _ := f.GetColVisible(SheetName, col("key")); v {
		t.Error("key column visible")
	}
	if panes, _ := f.GetPanes(SheetName); !panes.Freeze || panes.YSplit != headerRow {
		t.Errorf("panes %+v", panes)
	}
	ids, _ := f.GetRows(IDSheet)
	if len(ids) != 5+tasks {
		t.Errorf("id sheet: %d rows, want %d", len(ids), 5+tasks)
	}
	if v, _ := f.GetSheetVisible(IDSheet); v {
		t.Error("id sheet visible")
	}
	form, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(form.Rows) != tasks {
		t.Fatalf("read back %d rows, want %d", len(form.Rows), tasks)
	}
	for i, r := range form.Rows {
		if r.Err != nil || r.Task != n.Tasks[i].ID || (i%7 == 0) != (r.Status == duban.StatusBehind) {
			t.Fatalf("row %d read back as %+v", r.Row, r)
		}
	}
}
