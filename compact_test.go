package duban

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"unsafe"
)

// Compact changes no record: the sample's records (with reports and an
// empty path added) encode the same before and after, and the unit names
// of two notices read apart share one copy afterwards.
func TestCompactKeepsRecords(t *testing.T) {
	b, err := os.ReadFile("testdata/lianyungang-2024-22.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	read := func() *Notice {
		var n Notice
		if err := json.Unmarshal(b, &n); err != nil {
			t.Fatal(err)
		}
		n.Tasks[0].Progress = append(make([]Progress, 0, 4), Progress{Unit: "市发改委", Status: StatusBehind, Detail: "已完成前期调研。", Round: "2024Q4"})
		n.Tasks[1].Path = make([]string, 0, 4)
		n.Tasks[2].Keywords = nil
		return &n
	}
	a, c := read(), read()
	want, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	a.Compact()
	c.Compact()
	got, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Compact changed the records:\n%s\nwant\n%s", got, want)
	}
	if a.Tasks[1].Path == nil || a.Tasks[2].Keywords != nil {
		t.Error("Compact turned an empty slice into nil or nil into an empty one")
	}
	for i := range a.Tasks {
		if cap(a.Tasks[i].Units) != len(a.Tasks[i].Units) && len(a.Tasks[i].Units) > 0 {
			t.Fatalf("task %s: units not cut to length (%d of %d)", a.Tasks[i].ID, len(a.Tasks[i].Units), cap(a.Tasks[i].Units))
		}
		for j, u := range a.Tasks[i].Units {
			if unsafe.StringData(u.Name) != unsafe.StringData(c.Tasks[i].Units[j].Name) {
				t.Fatalf("task %s: unit %s is held twice", a.Tasks[i].ID, u.Name)
			}
		}
	}
	var nilNotice *Notice
	nilNotice.Compact()
}
