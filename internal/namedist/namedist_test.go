package namedist

import "testing"

func TestDistance(t *testing.T) {
	half := func(x, y rune) int {
		if x == '县' && y == '具' || x == '具' && y == '县' {
			return 1
		}
		return Edit
	}
	for _, c := range []struct {
		a, b  string
		limit int
		sub   func(x, y rune) int
		want  int
	}{
		{"市发改委", "市发改委", 4, Plain, 0},
		{"市发改委", "市发展改革委", 4, Plain, 4},
		{"市发改委", "市发展改革委员会", 4, Plain, 5}, // over the limit
		{"灌云具", "灌云县", 4, Plain, 2},
		{"灌云具", "灌云县", 4, half, 1},
		{"市财政局", "市教育局", 2, Plain, 3},
	} {
		if got := Distance([]rune(c.a), []rune(c.b), c.limit, c.sub); got != c.want {
			t.Errorf("Distance(%s, %s, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"市教育局", "市体育局", "市财政局"}
	if got, ok := Closest([]rune("市财政居"), names, Edit, Plain); !ok || got != "市财政局" {
		t.Errorf("Closest = %q %v, want 市财政局", got, ok)
	}
	// 市X育局 is one edit from both 市教育局 and 市体育局: no answer.
	if got, ok := Closest([]rune("市X育局"), names, Edit, Plain); ok {
		t.Errorf("Closest = %q, want none (a tie)", got)
	}
	if got, ok := Closest([]rune("市卫生健康委"), names, Edit, Plain); ok {
		t.Errorf("Closest = %q, want none (nothing near)", got)
	}
}
