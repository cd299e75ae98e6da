package doc

import (
	"os"
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
	bs, err := buildBlocks(chars(text), nil, nil)
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

// A cell merged vertically holds its text in its first row only; the rows
// it also covers get the text too, as the DOCX and HTML readers give it.
// merged-cells.doc is LibreOffice's Word 97 save of merged-cells.html
// (牵头单位 spans rows 1–2, 完成时限 rows 2–3).
func TestVerticallyMergedCells(t *testing.T) {
	data, err := os.ReadFile("testdata/merged-cells.doc")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Reader{}.Read("merged-cells.doc", data)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			continue
		}
		for _, r := range b.Table.Rows {
			var cs []string
			for _, c := range r {
				cs = append(cs, c.Text)
			}
			rows = append(rows, strings.Join(cs, "|"))
		}
	}
	want := []string{
		"序号|工作任务|牵头单位|完成时限",
		"1|开展甲项工作|市发改委|6月底前",
		"2|开展乙项工作|市发改委|9月底前",
		"3|开展丙项工作|市财政局|9月底前",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func TestDefTableMerges(t *testing.T) {
	// two cells: boundaries 0, 100, 200; the second cell continues a merge
	op := []byte{0, 0, 2, 0, 0, 100, 0, 200, 0}
	tc := make([]byte, 40)
	tc[20] = vmergeCont << 5
	op = append(op, tc...)
	if got := defTableMerges(op); len(got) != 2 || got[0] != 0 || got[1] != vmergeCont {
		t.Errorf("defTableMerges = %v", got)
	}
	for _, bad := range [][]byte{nil, {1, 0}, {0, 0, 200}, op[:12]} {
		defTableMerges(bad) // no panic
	}
}

// Word's automatic numbering, which a .doc does not store as text, is
// counted from the list tables: auto-numbering.doc is LibreOffice's
// Word 97 save of auto-numbering.html (a list with a nested one), and
// LibreOffice shows it as numbered here.
func TestAutoNumbering(t *testing.T) {
	data, err := os.ReadFile("testdata/auto-numbering.doc")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Reader{}.Read("auto-numbering.doc", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, strings.TrimSpace(b.Text))
	}
	want := []string{"关于推进重点工作的通知", "1.总体要求", "2.重点任务",
		"1.开展甲项工作（责任单位：市发改委，完成时间：6月底前）", "2.开展乙项工作（责任单位：市财政局，完成时间：9月底前）", "3.保障措施"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
