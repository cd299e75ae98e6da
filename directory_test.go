package duban

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/templates"
)

const testDirectoryYAML = `units:
  - name: 市发展改革委
    aliases: [市发改委, 连云港市发展和改革委员会]
  - name: 市财政局
  - name: 海州区（连云港高新区）
    aliases: [海州区]
groups:
  - name: 相关县区
    members: [东海县, 灌云县, 海州区, 东海县]
  - name: 全市各部门
    members: [市发改委, 市财政局, 相关县区]
`

func mustParse(t *testing.T, src string) *Directory {
	t.Helper()
	d, err := ParseDirectory([]byte(src), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDirectoryCanonical(t *testing.T) {
	d := mustParse(t, testDirectoryYAML)
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"市发展改革委", "市发展改革委", true},
		{"市发改委", "市发展改革委", true},
		{"连云港市发展和改革委员会", "市发展改革委", true},
		{"市 发改委", "市发展改革委", true},
		{"市\u3000财政局", "市财政局", true},
		{"海州区(连云港高新区)", "海州区（连云港高新区）", true},
		{"海州区", "海州区（连云港高新区）", true},
		{"东海县", "东海县", true},   // a member not listed as unit
		{"相关县区", "相关县区", true}, // a group
		{"市财政厅", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, ok := d.Canonical(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if !d.IsGroup("相关县区") || d.IsGroup("市发改委") || d.IsGroup("东海县") {
		t.Error("IsGroup wrong")
	}
	if d.Empty() {
		t.Error("non-empty directory reported empty")
	}
}

func TestDirectoryMembers(t *testing.T) {
	d := mustParse(t, testDirectoryYAML)
	if got, want := d.Members("相关县区"), []string{"东海县", "灌云县", "海州区（连云港高新区）"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Members(相关县区) = %v, want %v", got, want)
	}
	want := []string{"市发展改革委", "市财政局", "东海县", "灌云县", "海州区（连云港高新区）"}
	if got := d.Members("全市各部门"); !reflect.DeepEqual(got, want) {
		t.Errorf("Members(全市各部门) = %v, want %v", got, want)
	}
	if got := d.Members("市发改委"); got != nil {
		t.Errorf("Members of a unit = %v, want nil", got)
	}
	// A group that contains itself does not loop.
	c := mustParse(t, "groups:\n  - name: A组\n    members: [B组, 甲]\n  - name: B组\n    members: [A组, 乙]\n")
	if got := c.Members("A组"); !reflect.DeepEqual(got, []string{"乙", "甲"}) {
		t.Errorf("cyclic Members = %v", got)
	}
}

func TestDirectoryEmpty(t *testing.T) {
	for _, src := range []string{"", "units: []\ngroups: []\n", "# only a comment\n"} {
		d := mustParse(t, src)
		if !d.Empty() {
			t.Errorf("%q: not empty", src)
		}
		if _, ok := d.Canonical("市发改委"); ok {
			t.Errorf("%q: empty directory knows a name", src)
		}
	}
	var nilDir *Directory
	if !nilDir.Empty() || nilDir.IsGroup("x") || nilDir.Members("x") != nil {
		t.Error("nil directory not empty")
	}
}

func TestDirectoryErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"units:\n  - name: 市发改委\n    alias: [发改委]\n", "units.yaml: line 3: unknown unit field \"alias\""},
		{"units:\n  - name: 甲\n    aliases: [乙]\n  - name: 丙\n    aliases: [乙]\n", "units.yaml: line 4: \"乙\" already names \"甲\" (line 2)"},
		{"units:\n  - name: \"\"\n", "units.yaml: line 2: empty name"},
		{"units:\n  - name: 甲\ngroups:\n  - name: 甲\n    members: [乙]\n", "units.yaml: line 4: group \"甲\" is already the unit \"甲\""},
		{"groups:\n  - name: 组\n  - name: 组\n", "units.yaml: line 3: group \"组\" is listed twice"},
		{"unit:\n  - name: 甲\n", "units.yaml: yaml: unmarshal errors:\n  line 1: field unit not found"},
		{"units: [\n", "units.yaml: yaml: line"},
		{"units:\n  - 甲\n", "units.yaml: line 2: a unit must be a mapping"},
	}
	for _, c := range cases {
		_, err := ParseDirectory([]byte(c.src), "units.yaml")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want prefix %q", c.src, err, c.want)
		}
	}
}

func TestLoadDirectory(t *testing.T) {
	p := filepath.Join(t.TempDir(), "units.yaml")
	if err := os.WriteFile(p, []byte(testDirectoryYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDirectory(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Units) != 3 || d.Units[1].Line != 4 || len(d.Groups) != 2 {
		t.Errorf("loaded %+v", d)
	}
	if _, err := LoadDirectory(filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestDirectoryNames(t *testing.T) {
	d := mustParse(t, testDirectoryYAML)
	got := d.Names()
	for _, want := range []string{"市发展改革委", "市发改委", "连云港市发展和改革委员会", "相关县区", "东海县", "海州区"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("Names() lacks %q: %v", want, got)
		}
	}
	if len(got) != 10 {
		t.Errorf("Names() = %d names %v, want 10 distinct", len(got), got)
	}
}

func TestUnitAssignments(t *testing.T) {
	d := mustParse(t, testDirectoryYAML)
	n := &Notice{DocNumber: "测〔2024〕1号", Tasks: []Task{
		{ID: "1", Units: []Unit{{Name: "市发改委", Canonical: "市发展改革委", Role: RoleLead}, {Name: "相关县区", Canonical: "相关县区", Role: RoleCo}}},
		{ID: "2", Units: []Unit{{Name: "东海县", Role: RoleResponsible}, {Name: "相关县区", Role: RoleResponsible}}},
		{ID: "3", Units: []Unit{{Name: "未列单位", Role: RoleResponsible}}},
	}}
	got := UnitAssignments([]*Notice{n, nil}, d)
	type row struct{ task, role, via string }
	flat := map[string][]row{}
	for k, as := range got {
		for _, a := range as {
			if a.Notice != n {
				t.Errorf("%s: wrong notice", k)
			}
			flat[k] = append(flat[k], row{a.Task.ID, string(a.Unit.Role), a.Via})
		}
	}
	want := map[string][]row{
		"市发展改革委":      {{"1", "lead", ""}},
		"相关县区":        {{"1", "co", ""}, {"2", "responsible", ""}},
		"东海县":         {{"1", "co", "相关县区"}, {"2", "responsible", ""}},
		"灌云县":         {{"1", "co", "相关县区"}, {"2", "responsible", "相关县区"}},
		"海州区（连云港高新区）": {{"1", "co", "相关县区"}, {"2", "responsible", "相关县区"}},
		"未列单位":        {{"3", "responsible", ""}},
	}
	if !reflect.DeepEqual(flat, want) {
		t.Errorf("UnitAssignments =\n%v\nwant\n%v", flat, want)
	}
	// Without a directory there is no expansion.
	if got := UnitAssignments([]*Notice{n}, nil); len(got["东海县"]) != 1 || len(got) != 4 {
		t.Errorf("nil directory: %v", got)
	}
}

// The embedded default directory parses and is empty, so a run without
// --units warns about no unit.
func TestDefaultDirectory(t *testing.T) {
	d, err := ParseDirectory(templates.DefaultUnits, "templates/units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !d.Empty() {
		t.Errorf("default directory not empty: %+v", d)
	}
	if !strings.Contains(string(templates.DefaultUnits), "aliases:") {
		t.Error("default directory lost its example")
	}
}

// TestUnitAssignmentsPerNotice: a notice gets sheets for its first
// limits.UnitsPerNotice units in task order, a unit named again later
// keeping its sheet; the others keep their tasks but get no sheet. Each
// notice counts its own units.
func TestUnitAssignmentsPerNotice(t *testing.T) {
	var tasks []Task
	for i := 0; i < 3; i++ {
		var us []Unit
		for j := 0; j < 100; j++ {
			us = append(us, Unit{Name: fmt.Sprintf("第%d局", i*100+j), Role: RoleResponsible})
		}
		tasks = append(tasks, Task{ID: fmt.Sprint(i + 1), Units: us})
	}
	// task 4 names one unit with a sheet and one past the bound
	tasks = append(tasks, Task{ID: "4", Units: []Unit{{Name: "第250局", Role: RoleLead}, {Name: "第5局", Role: RoleCo}}})
	n := &Notice{Tasks: tasks}
	other := &Notice{Tasks: []Task{{ID: "1", Units: []Unit{{Name: "第299局", Role: RoleLead}}}}}
	got := UnitAssignments([]*Notice{n, other}, nil)
	if len(got) != limits.UnitsPerNotice+1 {
		t.Errorf("%d sheets, want %d", len(got), limits.UnitsPerNotice+1)
	}
	if as := got["第5局"]; len(as) != 2 || as[1].Task.ID != "4" {
		t.Errorf("第5局: %+v", as)
	}
	if as := got["第250局"]; len(as) != 0 {
		t.Errorf("第250局, past the bound: %+v", as)
	}
	if as := got["第299局"]; len(as) != 1 || as[0].Notice != other {
		t.Errorf("第299局, within the bound of the other notice: %+v", as)
	}
	if len(n.Tasks[2].Units) != 100 {
		t.Errorf("the records changed: %d units", len(n.Tasks[2].Units))
	}
}
