package returns

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/xuri/excelize/v2"
)

func testNotice() Notice {
	return Notice{Slug: "n1", Notice: &duban.Notice{DocNumber: "X发〔2024〕1号", Year: 2024, Tasks: []duban.Task{
		{ID: "一.1", Text: "建立台账。", Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleLead}, {Name: "市财政局", Role: duban.RoleCo}},
			Deadline: &duban.Deadline{Raw: "6月底前", Date: "2024-06-30", Kind: duban.KindMonthEnd, Quarter: "2024Q2"},
			Progress: []duban.Progress{{Unit: "市发改委", Status: duban.StatusDone, DoneDate: "2024-06-01"}}},
		{ID: "二.1", Text: "各牵头单位于每季度末月25日前报送进展情况。", Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleResponsible}},
			Deadline: &duban.Deadline{Raw: "12月底前", Date: "2024-12-31", Kind: duban.KindMonthEnd, Quarter: "2024Q4"}},
	}}}
}

func TestReportDateFromNotice(t *testing.T) {
	n := testNotice()
	if d := ReportDate(n.Notice, "2024Q3"); !d.Equal(time.Date(2024, 9, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("report date %v, want 2024-09-25", d)
	}
	n.Tasks[1].Text = "无报送要求。"
	if d := ReportDate(n.Notice, "2024Q3"); !d.IsZero() {
		t.Errorf("report date %v from a notice stating none", d)
	}
}

func TestWriteRead(t *testing.T) {
	dir := t.TempDir()
	paths, err := Write(dir, []Notice{testNotice()}, Options{AsOf: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), WarnDays: 15,
		ReportBy: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(paths) != 2 {
		t.Fatalf("%v %v", paths, err)
	}
	p := filepath.Join(dir, "市发改委.xlsx")
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// Real dates, the dropdown on 完成状态 only, the id sheet very hidden.
	if v, _ := f.GetCellValue(SheetName, "G6", excelize.Options{RawCellValue: true}); v != "45473" {
		t.Errorf("截止日期 G6 raw %q, want the serial 45473", v)
	}
	if v, _ := f.GetCellValue(SheetName, "F3"); v != "2024-09-25" {
		t.Errorf("报送截止日期 %q, want the notice's 2024-09-25", v)
	}
	dvs, _ := f.GetDataValidations(SheetName)
	if len(dvs) != 1 || dvs[0].Sqref != "I6:I7" {
		t.Errorf("validations: %+v", dvs)
	}
	if v, _ := f.GetSheetVisible(IDSheet); v {
		t.Error("id sheet visible")
	}
	if v, _ := f.GetCellValue(SheetName, "H6"); v != "已完成" {
		t.Errorf("light %q", v)
	}
	f.SetCellValue(SheetName, "I7", "滞后")
	f.SetCellValue(SheetName, "J7", "推进中")
	f.SetCellValue(SheetName, "M7", "2024/8/1")
	f.Save()
	f.Close()
	form, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if form.Unit != "市发改委" || form.Round != "2024Q3" || len(form.Rows) != 2 {
		t.Fatalf("%+v", form)
	}
	r := form.Rows[1]
	if r.Task != "二.1" || r.Notice != "n1" || r.Status != duban.StatusBehind || r.Detail != "推进中" || r.DoneDate != "2024-08-01" || r.Err != nil {
		t.Errorf("%+v", r)
	}
	if r := form.Rows[0]; r.Status != duban.StatusDone || r.DoneDate != "2024-06-01" {
		t.Errorf("%+v", r)
	}
}

// Read never panics on a damaged workbook.
func FuzzRead(f *testing.F) {
	dir := f.TempDir()
	paths, err := Write(dir, []Notice{testNotice()}, Options{AsOf: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		f.Fatal(err)
	}
	b, _ := os.ReadFile(paths[0])
	f.Add(b)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		p := filepath.Join(t.TempDir(), "x.xlsx")
		os.WriteFile(p, data, 0o644)
		form, err := Read(p)
		if err == nil && form == nil {
			t.Fatal("nil form without error")
		}
	})
}
