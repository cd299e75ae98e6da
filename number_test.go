package duban

import "testing"

func TestTaskNumber(t *testing.T) {
	for _, c := range []struct {
		id   string
		path []string
		want string
	}{
		{"四.（一）.3", []string{"四", "（一）", "3"}, "四（一）3"},
		{"四.（一）.10", []string{"四", "（一）", "10"}, "四（一）10"},
		{"二.（二）", []string{"二", "（二）"}, "二（二）"},
		{"二.（二）#2", []string{"二", "（二）"}, "二（二）第2项"},
		{"二.（二）#12", []string{"二", "（二）"}, "二（二）第12项"},
		{"一.1", []string{"一", "1"}, "一、1"},
		{"十一.12", []string{"十一", "12"}, "十一、12"},
		{"一", []string{"一"}, "一"},
		{"3", []string{"3"}, "3"},
		{"3#2", []string{"3"}, "3第2项"},
		{"1.（1）.①", []string{"1", "（1）", "①"}, "1（1）①"},
		{"（一）.1", []string{"（一）", "1"}, "（一）1"},
		{"1.1", []string{"1", "1"}, "1-1"},
		{"一.（一）.1.（1）", []string{"一", "（一）", "1", "（1）"}, "一（一）1（1）"},
		// no path: numbered from the id
		{"补1", nil, "补1"},
		{"四.（一）.3-2", nil, "四（一）3-2"},
		{"二.（二）#2-2", nil, "二（二）第2项-2"},
		{"一.1", []string{}, "一、1"},
		{"", nil, ""},
		// an id that does not follow its path: the path counts
		{"x", []string{"二", "3"}, "二、3"},
	} {
		task := Task{ID: c.id, Path: c.path}
		if got := task.Number(); got != c.want {
			t.Errorf("id %q path %q: Number() = %q, want %q", c.id, c.path, got, c.want)
		}
	}
}
