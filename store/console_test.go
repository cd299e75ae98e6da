package store

import (
	"reflect"
	"testing"

	"github.com/duban/duban"
)

// CurrentNotice gives what Notice gives, and Generation moves with every
// write the console shows.
func TestCurrentNoticeAndGeneration(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := &duban.Notice{DocNumber: "x", Tasks: []duban.Task{{ID: "一.1", Text: "a", Units: []duban.Unit{{Name: "甲", Role: duban.RoleLead}, {Name: "乙", Role: duban.RoleCo}}}}}
	g0, _ := s.Generation()
	if err := s.PutExtracted("x", []string{"x"}, n); err != nil {
		t.Fatal(err)
	}
	g1, _ := s.Generation()
	for i, r := range []Report{
		{Slug: "x", Task: "一.1", Progress: duban.Progress{Unit: "甲", Status: duban.StatusBehind, Round: "2024Q3"}},
		{Slug: "x", Task: "一.1", Progress: duban.Progress{Unit: "乙", Status: duban.StatusDone, Round: "2024Q3"}},
		{Slug: "x", Task: "一.1", Progress: duban.Progress{Unit: "甲", Status: duban.StatusOnTrack, Round: "2024Q4", Detail: "d"}},
	} {
		if _, err := s.AddReport(r); err != nil {
			t.Fatal(i, err)
		}
	}
	g2, _ := s.Generation()
	s.AddCorrection(Correction{Slug: "x", Task: "一.1", Field: FieldText, Old: "a", New: "b", Base: "a"})
	g3, _ := s.Generation()
	if g0 == g1 || g1 == g2 || g2 == g3 {
		t.Errorf("generations %q %q %q %q", g0, g1, g2, g3)
	}
	want, _, _ := s.Notice("x", nil)
	got, _, err := s.CurrentNotice("x", nil)
	if err != nil {
		t.Fatal(err)
	}
	byUnit := func(n *duban.Notice) map[string]duban.Progress {
		m := map[string]duban.Progress{}
		for _, p := range n.Tasks[0].Progress {
			m[p.Unit] = p
		}
		return m
	}
	if !reflect.DeepEqual(byUnit(got), byUnit(want)) || got.Tasks[0].Text != "b" || byUnit(got)["甲"].Status != duban.StatusOnTrack {
		t.Errorf("CurrentNotice %+v, Notice %+v", got.Tasks[0], want.Tasks[0])
	}
}
