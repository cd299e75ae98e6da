package extract

import (
	"reflect"
	"testing"

	"github.com/duban/duban"
)

func namesOf(t duban.Task) []string {
	var out []string
	for _, u := range t.Units {
		out = append(out, u.Name)
	}
	return out
}

func ocrTask(id string, names ...string) duban.Task {
	t := duban.Task{ID: id}
	for _, n := range names {
		t.Units = append(t.Units, duban.Unit{Name: n, Role: duban.RoleResponsible})
	}
	return t
}

// Misread names are corrected to the one known name closest to them;
// names nothing known is close to, or two are equally close to, stay.
func TestFixOCRUnits(t *testing.T) {
	n := &duban.Notice{Tasks: []duban.Task{
		ocrTask("1", "东海县", "灌云县", "灌南县", "闵榆区", "市教育局"),
		ocrTask("2", "东海具", "灌去县", "洪南县", "连去区", "市教育局"),
		ocrTask("3", "灌云具", "灌云县", "闵栓区", "市体育局", "高新区"),
		ocrTask("4", "连云区", "灌南县", "市人社是了放全局"),
	}}
	fixOCRUnits(n, nil)
	want := [][]string{
		{"东海县", "灌云县", "灌南县", "赣榆区", "市教育局"},
		{"东海县", "灌云县", "灌南县", "连云区", "市教育局"},
		{"灌云县", "闵栓区", "市体育局", "高新区"},
		{"连云区", "灌南县", "市人社是了放全局"},
	}
	for i, w := range want {
		if got := namesOf(n.Tasks[i]); !reflect.DeepEqual(got, w) {
			t.Errorf("task %d: %q, want %q", i+1, got, w)
		}
	}
	warned := 0
	for _, w := range n.Warnings {
		if w.Code == duban.WarnOCR && w.Task != "" {
			warned++
		}
	}
	if warned != 6 {
		t.Errorf("%d correction warnings, want 6: %+v", warned, n.Warnings)
	}
}

// The directory's names are candidates too, and names in it are never
// changed.
func TestFixOCRUnitsDirectory(t *testing.T) {
	dir, err := duban.ParseDirectory([]byte("units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n  - name: 市体育局\n"), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := &duban.Notice{Tasks: []duban.Task{ocrTask("1", "市发改季", "市体育局"), ocrTask("2", "市教育局", "市教育局")}}
	n.Tasks[1].Units = n.Tasks[1].Units[:1]
	fixOCRUnits(n, dir)
	if got := namesOf(n.Tasks[0]); !reflect.DeepEqual(got, []string{"市发改委", "市体育局"}) {
		t.Errorf("got %q", got)
	}
}

func TestUnitCost(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"灌云县", "灌云县", 0}, {"灌云具", "灌云县", 1}, {"闵榆区", "赣榆区", 2}, {"市发改委", "发改委", 2}, {"东海县", "连云区", 5},
	} {
		if got := unitCost([]rune(c.a), []rune(c.b), 4); got != c.want {
			t.Errorf("unitCost(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
