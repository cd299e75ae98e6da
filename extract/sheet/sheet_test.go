package sheet

import (
	"errors"
	"testing"
)

func TestIsDateFormat(t *testing.T) {
	for _, c := range []struct {
		id   int
		code string
		want bool
	}{
		{14, "", true}, {22, "", false}, {0, "", false}, {57, "", true}, {10, "", false},
		{176, `yyyy"年"m"月"d"日"`, true}, {177, "m/d/yy", true}, {178, "yyyy-mm-dd", true},
		{179, `[$-804]yyyy年m月d日;@`, true}, {180, "h:mm:ss", false}, {181, "0.00%", false},
		{182, `#,##0.00"元"`, false}, {183, `"第"0"项"`, false}, {184, "yyyy-mm-dd hh:mm", false},
		{185, `[Red]0.0`, false}, {186, "@", false},
	} {
		if got := IsDateFormat(c.id, c.code); got != c.want {
			t.Errorf("IsDateFormat(%d, %q) = %v", c.id, c.code, got)
		}
	}
}

func TestExcelDate(t *testing.T) {
	for _, c := range []struct {
		serial float64
		is1904 bool
		want   string
	}{
		{45838, false, "2025年6月30日"}, {1, false, "1900年1月1日"}, {59, false, "1900年2月28日"},
		{61, false, "1900年3月1日"}, {44377.75, false, "2021年6月30日"}, {0, true, ""},
		{44377 - 1462, true, "2021年6月30日"}, {-5, false, ""}, {1e12, false, ""},
	} {
		d, ok := ExcelDate(c.serial, c.is1904)
		got := ""
		if ok {
			got = DateText(d)
		}
		if got != c.want {
			t.Errorf("ExcelDate(%v, %v) = %q, want %q", c.serial, c.is1904, got, c.want)
		}
	}
}

func TestHeaderRow(t *testing.T) {
	for _, c := range []struct {
		row  []string
		want bool
	}{
		{[]string{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"}, true},
		{[]string{"", "工作内容", "责任部门"}, true},
		{[]string{"任务", "时间节点"}, true},
		{[]string{"序号", "重点任务"}, false},
		{[]string{"各单位要明确工作任务，落实责任单位。", "牵头单位"}, false},
		{[]string{"2025年重点工作任务分解表", "2025年重点工作任务分解表"}, false},
	} {
		if _, _, got := headerRow(c.row); got != c.want {
			t.Errorf("headerRow(%q) = %v", c.row, got)
		}
	}
}

func TestMergesClippedAndBounded(t *testing.T) {
	s := Sheet{Rows: [][]string{{"a", "b"}, {"c"}}, Merges: []Merge{{0, 0, 1 << 20, 1 << 14}, {5, 5, 6, 6}}}
	rows, n, err := expand(s, 100)
	if err != nil || n != 4 || rows[1][1] != "a" || rows[0][1] != "a" {
		t.Errorf("rows %q n %d err %v", rows, n, err)
	}
	big := Sheet{Rows: [][]string{make([]string, 2000), make([]string, 2000)}}
	if _, _, err := expand(big, 3000); !errors.Is(err, ErrTooManyCells) {
		t.Errorf("err = %v", err)
	}
}

func TestParagraphsAroundTable(t *testing.T) {
	doc, err := Document("xlsx", []Sheet{{Rows: [][]string{
		{"标题行", "标题行"},
		{"第一段\n第二段"},
		{"序号", "工作任务", "责任单位"},
		{"1", "任务甲", "市发改委"},
		{},
		{"2", "任务乙", "市财政局"},
		{},
		{"落款", "", "日期"},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		if b.Table != nil {
			got = append(got, "table")
			if len(b.Table.Rows) != 3 || b.Table.Rows[1][2].Text != "市发改委" || b.Table.Rows[1][2].Line != 4 || b.Table.Rows[2][1].Text != "任务乙" {
				t.Errorf("table %+v", b.Table.Rows)
			}
			continue
		}
		got = append(got, b.Text)
	}
	if want := "标题行|第一段|第二段|table|落款 日期"; join(got) != want {
		t.Errorf("got %q, want %q", join(got), want)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "|"
		}
		out += x
	}
	return out
}
