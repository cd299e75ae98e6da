package render

import (
	"testing"
	"time"

	"github.com/duban/duban"
)

// TestQuarterGroupMembers checks that the quarterly per-unit counts and
// tables follow the unit sheets: a group's task counts for the group and
// for each listed member (marked 经<group>), but a member the task names
// itself counts it once, as a direct task.
func TestQuarterGroupMembers(t *testing.T) {
	dir, err := duban.ParseDirectory([]byte("groups:\n  - name: 相关县区\n    members: [东海县, 灌云县]\n"), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	due := &duban.Deadline{Raw: "9月底前", Date: "2024-09-30", Kind: duban.KindMonthEnd, Quarter: "2024Q3"}
	n := &duban.Notice{DocNumber: "测试〔2024〕1号", Year: 2024, Tasks: []duban.Task{
		{ID: "1", Text: "甲", Deadline: due, Units: []duban.Unit{
			{Name: "市财政局", Role: duban.RoleLead}, {Name: "相关县区", Role: duban.RoleCo, Canonical: "相关县区"}}},
		{ID: "2", Text: "乙", Deadline: due, Units: []duban.Unit{
			{Name: "相关县区", Role: duban.RoleResponsible, Canonical: "相关县区"}, {Name: "东海县", Role: duban.RoleResponsible, Canonical: "东海县"}}},
	}}
	notices := []*duban.Notice{n}
	res, err := Options{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)}.load()
	if err != nil {
		t.Fatal(err)
	}
	ql, err := loadQuarterlyLayout(res)
	if err != nil {
		t.Fatal(err)
	}
	counts := func(r *quarterReport) map[string]int {
		m := map[string]int{}
		for _, u := range r.units {
			m[u.key] = u.count
		}
		return m
	}
	plain, err := buildQuarter(notices, "2024Q3", time.Time{}, ql, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := counts(plain), map[string]int{"市财政局": 1, "相关县区": 2, "东海县": 1}; !sameCounts(got, want) {
		t.Errorf("without directory: counts %v, want %v", got, want)
	}
	r, err := buildQuarter(notices, "2024Q3", time.Time{}, ql, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := counts(r), map[string]int{"市财政局": 1, "相关县区": 2, "东海县": 2, "灌云县": 2}; !sameCounts(got, want) {
		t.Errorf("with directory: counts %v, want %v", got, want)
	}
	if len(r.due) != 2 {
		t.Errorf("%d tasks due, want 2 (members must not add tasks)", len(r.due))
	}
	roles := map[string][]string{}
	for k, es := range r.byUnit {
		for i := range es {
			roles[k] = append(roles[k], taskValue("role", i+1, es[i].qTask, &es[i], notices, false, ql)+"|"+taskValue("partners", i+1, es[i].qTask, &es[i], notices, false, ql))
		}
	}
	want := map[string][]string{
		"东海县": {"配合\n经相关县区|市财政局（牵头）", "责任|相关县区"},
		"灌云县": {"配合\n经相关县区|市财政局（牵头）", "责任\n经相关县区|东海县"},
	}
	for k, w := range want {
		if len(roles[k]) != len(w) || roles[k][0] != w[0] || roles[k][1] != w[1] {
			t.Errorf("%s: rows %q, want %q", k, roles[k], w)
		}
	}
	if _, err := quarterlyDoc(res, ql, r, notices); err != nil {
		t.Fatal(err)
	}
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
