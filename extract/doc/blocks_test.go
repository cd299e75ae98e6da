package doc

import (
	"strings"
	"testing"
)

func chars(s string) []char {
	var cs []char
	for i, r := range s {
		cs = append(cs, char{r: r, fc: uint32(i)})
	}
	return cs
}

// Without paragraph properties a table is found by its cell marks: a
// cell mark right after a cell mark with nothing between ends the row.
// Field codes are dropped and their results kept.
func TestBlocksWithoutProperties(t *testing.T) {
	text := "标题\r\x13 PAGE \x142\x15页\r序号\x07任务\x07\x071\x07做事\x07\x07落款\r"
	bs, err := buildBlocks(chars(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range bs {
		if b.Table == nil {
			got = append(got, b.Text)
			continue
		}
		for _, r := range b.Table.Rows {
			var cs []string
			for _, c := range r {
				cs = append(cs, c.Text)
			}
			got = append(got, "["+strings.Join(cs, "|")+"]")
		}
	}
	want := "标题 2页 [序号|任务] [1|做事] 落款"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}
