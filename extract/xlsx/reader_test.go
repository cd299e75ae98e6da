package xlsx

import (
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/extract/document"
)

// render writes a document's blocks as lines, tables as "T:" rows of cells.
func render(doc *document.Document) string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Table == nil {
			out = append(out, b.Text)
			continue
		}
		var rows []string
		for _, r := range b.Table.Rows {
			var cells []string
			for _, c := range r {
				cells = append(cells, c.Text)
			}
			rows = append(rows, strings.Join(cells, "|"))
		}
		out = append(out, "T:"+strings.Join(rows, "/"))
	}
	return strings.Join(out, "\n")
}

func TestQinghe(t *testing.T) {
	data, err := os.ReadFile("testdata/qinghe-2025-12.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Reader{}.Read("qinghe-2025-12.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	got := render(doc)
	for _, want := range []string{
		"清河市人民政府办公室\n清政办发〔2025〕12号\n清河市人民政府办公室关于印发2025年优化营商环境重点任务清单的通知\n各县（区）人民政府，市各有关部门：",
		"\n2025年2月20日\n2025年优化营商环境重点任务清单\nT:序号|重点任务|牵头单位|配合单位|完成时限/1|推行“高效办成一件事”，年内新增重点事项10个。|市政务办|市各有关部门|2025年12月底前/2|",
		"/5|举办“政企面对面”活动，全年不少于4场。|市工信局|市商务局、各县（区）人民政府|每季度",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if doc.Blocks[0].Line != 1 || doc.Format != "xlsx" {
		t.Errorf("first block %+v, format %q", doc.Blocks[0], doc.Format)
	}
}

// A ledger as offices make them: a merged title over the table, a table
// starting in column B, a section row merged across, a 牵头单位 merged down
// two rows, dates as Excel dates, a hidden sheet, a second sheet of notes.
func TestMergedDatesAndSheets(t *testing.T) {
	f := excelize.NewFile()
	s := "Sheet1"
	set := func(sh, cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set(s, "B1", "2025年重点工作任务分解表")
	f.MergeCell(s, "B1", "F1")
	for i, h := range []string{"序号", "工作任务", "牵头单位", "配合单位", "完成时限"} {
		set(s, string(rune('B'+i))+"2", h)
	}
	set(s, "B3", "一、优化环境")
	f.MergeCell(s, "B3", "F3")
	set(s, "B4", 1)
	set(s, "C4", "推进甲事项")
	set(s, "D4", "市发改委")
	f.MergeCell(s, "D4", "D5")
	set(s, "E4", "市财政局")
	set(s, "F4", 45838) // 2025-06-30
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle(s, "F4", "F4", date)
	set(s, "B5", 2)
	set(s, "C5", "推进乙事项")
	set(s, "F5", 45930) // 2025-09-30
	code := `yyyy"年"m"月"d"日"`
	cn, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	f.SetCellStyle(s, "F5", "F5", cn)
	set(s, "B6", 3)
	set(s, "C6", "完成率达到")
	set(s, "D6", 0.95)
	f.NewSheet("隐藏")
	set("隐藏", "A1", "不应读到")
	f.SetSheetVisible("隐藏", false)
	f.NewSheet("说明")
	set("说明", "A1", "备注：各单位每月报送进展。")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Reader{}.Read("t.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := "2025年重点工作任务分解表\nT:序号|工作任务|牵头单位|配合单位|完成时限/一、优化环境|一、优化环境|一、优化环境|一、优化环境|一、优化环境/1|推进甲事项|市发改委|市财政局|2025年6月30日/2|推进乙事项|市发改委||2025年9月30日/3|完成率达到|0.95||\n备注：各单位每月报送进展。"
	if got := render(doc); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestNotAWorkbook(t *testing.T) {
	_, err := Reader{}.Read("bad.xlsx", []byte("PK\x03\x04 not really"))
	if err == nil || !strings.HasPrefix(err.Error(), "bad.xlsx: not a readable XLSX workbook") {
		t.Errorf("err = %v", err)
	}
	xls, err := os.ReadFile("../xls/testdata/qinghe-2025-12.xls")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (Reader{}).Read("c.xlsx", xls); err == nil || !strings.Contains(err.Error(), "c.xlsx: a compound file, not a zip") {
		t.Errorf("err = %v", err)
	}
	f := excelize.NewFile()
	buf, _ := f.WriteToBuffer()
	if _, err := (Reader{}).Read("empty.xlsx", buf.Bytes()); err == nil || err.Error() != "empty.xlsx: no text in any sheet" {
		t.Errorf("err = %v", err)
	}
}
