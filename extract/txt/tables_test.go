package txt

import (
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/extract/document"
)

func TestTXTTables(t *testing.T) {
	read := func(s string) *document.Document {
		t.Helper()
		doc, err := Reader{}.Read("t.txt", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	cellTexts := func(tb *document.Table) [][]string {
		var out [][]string
		for _, r := range tb.Rows {
			var row []string
			for _, c := range r {
				row = append(row, c.Text)
			}
			out = append(out, row)
		}
		return out
	}

	doc := read("标题\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t\"建设“口袋公园”\"\t县住建局\t\t年底前\n2\t开展清洁行动\t县农业农村局\t各乡镇\t每季度\n说明文字\n")
	if len(doc.Blocks) != 3 || doc.Blocks[1].Table == nil {
		t.Fatalf("blocks = %+v, want text, table, text", doc.Blocks)
	}
	want := [][]string{
		{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"},
		{"1", "建设“口袋公园”", "县住建局", "", "年底前"},
		{"2", "开展清洁行动", "县农业农村局", "各乡镇", "每季度"},
	}
	if got := cellTexts(doc.Blocks[1].Table); !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
	if b := doc.Blocks[1]; b.Line != 2 || b.Table.Rows[2][1].Line != 4 {
		t.Errorf("table line %d, row 2 line %d; want 2, 4", b.Line, b.Table.Rows[2][1].Line)
	}

	// Tabs that indent text, or a run without a task-table header, stay text.
	for _, s := range []string{
		"\t一、总体要求\n\t（一）加强领导。\n",
		"姓名\t电话\t邮箱\n张三\t123\ta@b.c\n",
		"序号\t重点任务\t牵头单位\t完成时限\n", // a header alone
	} {
		for _, b := range read(s).Blocks {
			if b.Table != nil {
				t.Errorf("%q: table found", s)
			}
		}
	}
}

func TestSplitTSV(t *testing.T) {
	tests := []struct {
		in       string
		cells    []string
		complete bool
	}{
		{"1\t任务\t县局", []string{"1", "任务", "县局"}, true},
		{"1\t\t县局\t", []string{"1", "", "县局", ""}, true},
		{"1\t\"市财政局\n市商务局\"\t年底前", []string{"1", "市财政局\n市商务局", "年底前"}, true},
		{"1\t\"市财政局", []string{"1", "市财政局"}, false},
		{"1\t\"a\"\"b\"\tc", []string{"1", "a\"b", "c"}, true},
		{"1\t\"a\tb\"\tc", []string{"1", "a\tb", "c"}, true},
		{"\"一网通办\"改革\t县局", []string{"一网通办改革", "县局"}, true},
	}
	for _, tt := range tests {
		cells, complete := splitTSV(tt.in)
		if !reflect.DeepEqual(cells, tt.cells) || complete != tt.complete {
			t.Errorf("splitTSV(%q) = %q, %v; want %q, %v", tt.in, cells, complete, tt.cells, tt.complete)
		}
	}
}

// A quoted cell over several lines is one cell; a stray quote takes at
// most maxTSVLines lines.
func TestTXTTablesQuotedLines(t *testing.T) {
	doc, err := Reader{}.Read("t.txt", []byte("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t\"新改建户厕\n2000座\"\t县农业农村局\t\"县卫健局\n各乡镇人民政府\"\t10月底前\n2\t开展清洁行动\t县农业农村局\t\t每季度\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Table == nil {
		t.Fatalf("blocks = %+v, want one table", doc.Blocks)
	}
	rows := doc.Blocks[0].Table.Rows
	if len(rows) != 3 || rows[1][1].Text != "新改建户厕\n2000座" || rows[1][3].Text != "县卫健局\n各乡镇人民政府" || rows[2][0].Text != "2" || rows[2][0].Line != 5 {
		t.Errorf("rows = %+v", rows)
	}

	var b strings.Builder
	b.WriteString("序号\t重点任务\t牵头单位\t完成时限\n1\t\"任务\t县局\t年底前\n")
	for range 30 {
		b.WriteString("正文段落。\n")
	}
	doc, _ = Reader{}.Read("t.txt", []byte(b.String()))
	if n := len(doc.Blocks); n < 30-maxTSVLines {
		t.Errorf("a stray quote took %d lines of text", 31-n)
	}
}
