package duban

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"testing"
)

func TestIssuerPlace(t *testing.T) {
	for issuer, want := range map[string]string{
		"连云港市人民政府办公室": "连云港市",
		"无锡市人民政府办公室":  "无锡市",
		"中共苏州市委办公室":   "苏州市",
		"海州区人民政府办公室":  "海州区",
		"江苏省人民政府":     "江苏省",
		"市政府办公室":      "",
		"":            "",
	} {
		if got := IssuerPlace(issuer); got != want {
			t.Errorf("IssuerPlace(%q) = %q, want %q", issuer, got, want)
		}
	}
}

// placeNotice is a notice of issuer whose tasks name units.
func placeNotice(issuer string, units ...[]string) *Notice {
	n := &Notice{Issuer: issuer}
	for i, us := range units {
		tk := Task{ID: string(rune('1' + i))}
		for _, u := range us {
			tk.Units = append(tk.Units, Unit{Name: u, Role: RoleResponsible})
		}
		n.Tasks = append(n.Tasks, tk)
	}
	return n
}

func sheetKeys(m map[string][]Assignment) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestUnitAssignmentsKeepPlacesApart(t *testing.T) {
	lyg := placeNotice("连云港市人民政府办公室", []string{"市发改委", "市商务局"}, []string{"连云港市财政局", "相关县区"})
	wx := placeNotice("无锡市人民政府办公室", []string{"市发改委", "相关县区"}, []string{"连云港市财政局", "市教育局"})
	anon := placeNotice("", []string{"市发改委"})

	// One place: names as written.
	if got, want := sheetKeys(UnitAssignments([]*Notice{lyg}, nil)), []string{"市发改委", "市商务局", "相关县区", "连云港市财政局"}; !reflect.DeepEqual(got, want) {
		t.Errorf("one notice: sheets %q, want %q", got, want)
	}
	// Two places: the shared plain name is two units; names of one place
	// and names carrying their place stay; a notice whose issuer names no
	// place keeps the plain name.
	as := UnitAssignments([]*Notice{lyg, wx, anon}, nil)
	want := []string{"市发改委", "市发改委（无锡市）", "市发改委（连云港市）", "市商务局", "市教育局",
		"相关县区（无锡市）", "相关县区（连云港市）", "连云港市财政局"}
	if got := sheetKeys(as); !reflect.DeepEqual(got, want) {
		t.Fatalf("two places: sheets %q, want %q", got, want)
	}
	for key, n := range map[string]*Notice{"市发改委（连云港市）": lyg, "市发改委（无锡市）": wx, "市发改委": anon} {
		if len(as[key]) != 1 || as[key][0].Notice != n || as[key][0].Name != "市发改委" {
			t.Errorf("%s: %+v", key, as[key])
		}
	}
	if len(as["连云港市财政局"]) != 2 {
		t.Errorf("连云港市财政局 has %d tasks, want 2 (it carries its place)", len(as["连云港市财政局"]))
	}

	// A returned sheet finds its unit under either key.
	for _, c := range []struct {
		n    *Notice
		key  string
		want bool
	}{
		{lyg, "市发改委（连云港市）", true}, {lyg, "市发改委", true}, {lyg, "市发改委（无锡市）", false},
		{wx, "市发改委（无锡市）", true}, {anon, "市发改委（无锡市）", false},
	} {
		name, ok := SheetUnit(c.n, &c.n.Tasks[0], c.key, nil)
		if ok != c.want || ok && name != "市发改委" {
			t.Errorf("SheetUnit(%s, %s) = %q, %v", c.n.Issuer, c.key, name, ok)
		}
	}
}

// The sample alone is one place: its sheets are its units' names as the
// records give them, and stay so beside a notice of another place that
// names none of them.
func TestUnitAssignmentsSampleUnchanged(t *testing.T) {
	b, err := os.ReadFile("testdata/lianyungang-2024-22.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var n Notice
	if err := json.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, tk := range n.Tasks {
		for _, u := range tk.Units {
			want[SheetKey(u)] = true
		}
	}
	other := placeNotice("无锡市人民政府办公室", []string{"无锡市梁溪区人民政府"})
	for _, ns := range [][]*Notice{{&n}, {&n, other}} {
		got := map[string]bool{}
		for k, as := range UnitAssignments(ns, nil) {
			if as[0].Notice == &n {
				got[k] = true
			}
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%d notices: sample's sheets %v, want %v", len(ns), got, want)
		}
	}
}
