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
