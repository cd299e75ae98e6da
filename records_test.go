package duban

import (
	"encoding/json"
	"testing"
	"time"
)

func TestNullStringJSON(t *testing.T) {
	type x struct {
		A NullString `json:"a"`
		B NullString `json:"b"`
	}
	b, err := json.Marshal(x{A: "甲"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"a":"甲","b":null}`; got != want {
		t.Fatalf("marshal: got %s want %s", got, want)
	}
	var back x
	if err := json.Unmarshal([]byte(`{"a":null,"b":"乙"}`), &back); err != nil {
		t.Fatal(err)
	}
	if back.A != "" || back.B != "乙" {
		t.Fatalf("unmarshal: %+v", back)
	}
}

func TestQuarterOf(t *testing.T) {
	for _, c := range []struct {
		date, q string
	}{{"2024-01-01", "2024Q1"}, {"2024-03-31", "2024Q1"}, {"2024-04-30", "2024Q2"}, {"2024-09-30", "2024Q3"}, {"2024-12-31", "2024Q4"}} {
		d, _ := time.Parse(DateLayout, c.date)
		if got := QuarterOf(d); got != c.q {
			t.Errorf("%s: got %s want %s", c.date, got, c.q)
		}
	}
}

func TestParseQuarter(t *testing.T) {
	for s, want := range map[string][2]int{"2024Q3": {2024, 3}, " 2025q1 ": {2025, 1}, "1999Q4": {1999, 4}} {
		y, q, err := ParseQuarter(s)
		if err != nil || y != want[0] || q != want[1] {
			t.Errorf("ParseQuarter(%q) = %d, %d, %v", s, y, q, err)
		}
	}
	for _, s := range []string{"", "2024", "2024Q", "2024Q5", "2024Q0", "0024Q1", "2024Q12", "Q12024", "２０２４Q1", "2024Ｑ1"} {
		if _, _, err := ParseQuarter(s); err == nil {
			t.Errorf("ParseQuarter(%q) accepted", s)
		}
	}
}

func FuzzParseQuarter(f *testing.F) {
	for _, s := range []string{"2024Q3", "2024q1", " 2025Q4 ", "2024Q5", "", "ＱＱＱＱＱＱ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, q, err := ParseQuarter(s)
		if err != nil {
			return
		}
		if q < 1 || q > 4 || y < 1000 || y > 9999 {
			t.Fatalf("%q → %d, %d", s, y, q)
		}
		if y2, q2, err := ParseQuarter(QuarterName(y, q)); err != nil || y2 != y || q2 != q {
			t.Fatalf("%q does not round-trip", s)
		}
	})
}
