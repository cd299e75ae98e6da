package render_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
)

// TestOddRecords: empty notices, odd characters, huge texts and units
// whose names clash as file names all render, and round-trip.
func TestOddRecords(t *testing.T) {
	huge := strings.Repeat("超长的任务内容，", 2000)
	n := &duban.Notice{DocNumber: "", Title: "", Year: 0, Tasks: []duban.Task{
		{ID: "1", Path: []string{"1"}, Text: "控制\x01字符\t与emoji😀和\u3000全角空格", Units: []duban.Unit{{Name: "a/b", Role: duban.RoleLead}, {Name: "a:b", Role: duban.RoleCo}}},
		{ID: "2", Path: []string{"2"}, Text: huge, Units: []duban.Unit{{Name: "CON", Role: duban.RoleResponsible}, {Name: "", Role: duban.RoleResponsible}},
			Deadline: &duban.Deadline{Raw: "长期坚持", Kind: duban.KindOngoing}},
		{ID: "3", Path: []string{"3"}, Text: "", Units: []duban.Unit{}},
	}}
	dir := outDir(t, "odd")
	paths, err := render.Ledger(n, dir, render.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	got, err := render.ReadLedger(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	want := *n
	want.Tasks = append([]duban.Task(nil), n.Tasks...)
	// Excel cannot hold C0 control characters other than tab and line
	// feeds; everything else comes back.
	t.Logf("task 1 text back: %q", got.Tasks[0].Text)
	if g, w := got.Tasks[1], want.Tasks[1]; g.Text != w.Text || !reflect.DeepEqual(g.Deadline, w.Deadline) {
		t.Errorf("huge task differs after the round trip")
	}
	if !reflect.DeepEqual(got.Tasks[2], want.Tasks[2]) {
		t.Errorf("empty task differs after the round trip: %+v", got.Tasks[2])
	}
	up, err := render.UnitSheets([]*duban.Notice{n}, filepath.Join(dir, "units"), render.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	bases := map[string]bool{}
	for _, p := range up {
		bases[strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))] = true
	}
	if len(bases) != 3 || !bases["a_b"] || !bases["a_b-2"] || !bases["CON_"] {
		t.Errorf("unit files %v", bases)
	}
	empty := &duban.Notice{Tasks: []duban.Task{}}
	ep, err := render.Ledger(empty, filepath.Join(dir, "empty"), render.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := render.ReadLedger(ep[1]); err != nil || len(got.Tasks) != 0 {
		t.Errorf("empty ledger: %v %v", got, err)
	}
}

func TestReadLedgerBadFiles(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"empty.xlsx":   nil,
		"garbage.xlsx": []byte("PK\x03\x04garbage"),
		"text.xlsx":    []byte("任务编号,任务内容\n"),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := render.ReadLedger(p); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	// a workbook that is not a ledger
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	up, err := render.UnitSheets([]*duban.Notice{n}, dir, render.Options{Now: testNow, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := render.ReadLedger(up[0]); err == nil || !strings.Contains(err.Error(), "not a duban ledger") {
		t.Errorf("unit sheet read as ledger: %v", err)
	}
}
