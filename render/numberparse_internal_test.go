package render

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
)

func TestNumberPath(t *testing.T) {
	for _, c := range []struct {
		cell, id string
		path     []string
	}{
		{"五（一）2", "五.（一）.2", []string{"五", "（一）", "2"}},
		{"五(一)2", "五.（一）.2", []string{"五", "（一）", "2"}},
		{"一、3", "一.3", []string{"一", "3"}},
		{"一3", "一.3", []string{"一", "3"}},
		{"一.3", "一.3", []string{"一", "3"}},
		{"二（二）第2项", "二.（二）#2", []string{"二", "（二）"}},
		{"二.（二）#2", "二.（二）#2", []string{"二", "（二）"}},
		{"1（1）①", "1.（1）.①", []string{"1", "（1）", "①"}},
		{"１２", "12", []string{"12"}},
		{" 七 ", "七", []string{"七"}},
		// not numbers: kept as typed
		{"补1", "补1", []string{"补1"}},
		{"新增", "新增", []string{"新增"}},
		{"一、", "一、", []string{"一、"}},
		{"第2项", "第2项", []string{"第2项"}},
		{"", "", []string{}},
	} {
		id, path := numberPath(c.cell)
		if id != c.id || !reflect.DeepEqual(path, c.path) {
			t.Errorf("numberPath(%q) = %q %q, want %q %q", c.cell, id, path, c.id, c.path)
		}
	}
}

// TestNumberPathRoundTrip reads back every number the documents print for
// the gold records' tasks: the id comes back.
func TestNumberPathRoundTrip(t *testing.T) {
	for _, f := range []string{"../testdata/lianyungang-2024-22.gold.json", "../testdata/styles/dongling-2025-19.gold.json",
		"../testdata/styles/qinghe-2025-12.gold.json", "../testdata/styles/binjiang-2025-31.gold.json"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var n duban.Notice
		if err := json.Unmarshal(b, &n); err != nil {
			t.Fatal(err)
		}
		for _, task := range n.Tasks {
			if id, _ := numberPath(task.Number()); id != task.ID {
				t.Errorf("%s: %q reads back as %q, want %q", f, task.Number(), id, task.ID)
			}
		}
	}
}

func FuzzNumberPath(f *testing.F) {
	for _, s := range []string{"四（一）3", "二（二）第2项", "一、1", "1（1）①", "补1", "(一)", "一..1", "#2", "第第"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		id, path := numberPath(cell)
		// a number read as markers reads back the same from its printed form
		if _, _, ok := parseNumber(strings.TrimSpace(cell)); ok {
			again, _ := numberPath(duban.Task{ID: id, Path: path}.Number())
			if again != id {
				t.Fatalf("%q: id %q prints as %q, which reads back as %q", cell, id, duban.Task{ID: id, Path: path}.Number(), again)
			}
		}
	})
}
