package score

import (
	"testing"

	"github.com/duban/duban"
)

func TestCompare(t *testing.T) {
	c, err := ParseCase("x.txt", []byte(`=== notice
一、甲
=== records
task 一.1
  text: 做甲。
  units: lead 市甲局; co 市乙局
  deadline: 6月底前 => 2024-06-30 month_end
task 一.2
  text: 做乙。
  units: responsible 市丙局
  leader: 张三
  deadline: -
`))
	if err != nil {
		t.Fatal(err)
	}
	want := c.Want.Tasks
	if len(want) != 2 || want[0].Deadline.Kind != duban.KindMonthEnd || want[1].Leader != "张三" {
		t.Fatalf("parsed %+v", want)
	}
	if r := Compare(want, want); !r.Exact() || r.Tasks.F1() != 1 {
		t.Errorf("self: %s", r)
	}
	got := []duban.Task{
		// right units and deadline under another id: paired by text
		{ID: "1", Text: "做 甲。", Units: []duban.Unit{{Name: "市甲局", Role: duban.RoleCo}, {Name: "市乙局", Role: duban.RoleCo}},
			Deadline: &duban.Deadline{Date: "2024-06-30", Kind: duban.KindMonthEnd}},
		// right id, wrong text; a unit too many
		{ID: "一.2", Text: "做丙。", Units: []duban.Unit{{Name: "市丙局", Role: duban.RoleResponsible}, {Name: "市丁局", Role: duban.RoleResponsible}}},
		{ID: "一.3", Text: "多余。", Deadline: &duban.Deadline{Kind: duban.KindOngoing}},
	}
	r := Compare(want, got)
	check := func(name string, c Counts, tp, fp, fn int) {
		t.Helper()
		if c.TP != tp || c.FP != fp || c.FN != fn {
			t.Errorf("%s: got %+v, want TP %d FP %d FN %d", name, c, tp, fp, fn)
		}
	}
	check("tasks", r.Tasks, 1, 2, 1)
	check("units", r.Units, 3, 1, 0)
	check("roles", r.Roles, 2, 2, 1)
	check("deadlines", r.Deadlines, 1, 1, 0)
	check("leaders", r.Leaders, 0, 0, 1)
	if r.DeadlineRight != 1 || r.DeadlineDue != 1 {
		t.Errorf("deadline accuracy %d/%d", r.DeadlineRight, r.DeadlineDue)
	}
	if f := r.Tasks.F1(); f < 0.39 || f > 0.41 {
		t.Errorf("task F1 %.3f, want 0.4", f)
	}
}
