package extract

import (
	"strings"
	"testing"
)

func TestBytesErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"x.txt", "只有一段说明文字，没有编号的任务。\n", "x.txt: no tasks found"},
		{"x.txt", "", "x.txt: no text"},
		{"x.doc", "…", `x.doc: unsupported file type ".doc"`},
		{"x", "…", "x: no file extension"},
	} {
		_, err := Bytes(c.name, []byte(c.data), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s %q: err = %v, want %q…", c.name, c.data, err, c.want)
		}
	}
	if _, err := File("testdata/does-not-exist.txt", Options{}); err == nil || !strings.Contains(err.Error(), "does-not-exist.txt") {
		t.Errorf("missing file: %v", err)
	}
}

func TestYearOption(t *testing.T) {
	n, err := File("../testdata/styles/haichuan-2025-7.txt", Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if n.Year != 2026 || n.Tasks[1].Deadline.Date != "2026-07-20" {
		t.Errorf("year %d, deadline %+v", n.Year, n.Tasks[1].Deadline)
	}
}
