package duban

import "testing"

func TestInForce(t *testing.T) {
	dated := func(date string) Task {
		d := &Deadline{Raw: date}
		d.SetDate(date)
		return Task{Deadline: d}
	}
	ongoing := Task{Deadline: &Deadline{Raw: "长期坚持", Kind: KindOngoing}}
	for _, c := range []struct {
		name string
		n    Notice
		year int
		want bool
	}{
		{"before its plan year", Notice{Year: 2024, Tasks: []Task{ongoing}}, 2023, false},
		{"its plan year", Notice{Year: 2024, Tasks: []Task{ongoing}}, 2024, true},
		{"the year after, no later deadline", Notice{Year: 2024, Tasks: []Task{ongoing, dated("2024-12-31")}}, 2025, false},
		{"a deadline in a later year", Notice{Year: 2024, Tasks: []Task{ongoing, dated("2026-06-30")}}, 2025, true},
		{"the last deadline's year", Notice{Year: 2024, Tasks: []Task{dated("2026-06-30")}}, 2026, true},
		{"after the last deadline's year", Notice{Year: 2024, Tasks: []Task{dated("2026-06-30")}}, 2027, false},
		{"no year", Notice{Tasks: []Task{ongoing}}, 2030, true},
	} {
		if got := c.n.InForce(c.year); got != c.want {
			t.Errorf("%s: InForce(%d) = %v, want %v", c.name, c.year, got, c.want)
		}
	}
}
