package docx_test

// Tests that read a DOCX notice through the structure parser to records.

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/docx"
	"github.com/duban/duban/internal/hostile"
)

var (
	makeDOCX    = docx.MakeDOCX
	p           = docx.P
	numPr       = docx.NumPr
	tc          = docx.TC
	tr          = docx.TR
	levelXML    = docx.LevelXML
	abstractXML = docx.AbstractXML
	numXML      = docx.NumXML
	overrideXML = docx.OverrideXML
	styleXML    = docx.StyleXML
	numIDXML    = docx.NumIDXML
	pStyleXML   = docx.PStyleXML
	checkTexts  = docx.CheckTexts
	readDOCX    = docx.ReadDOCX
	blockTexts  = docx.BlockTexts
)

const testNumbering = docx.TestNumbering

func formatUnits(us []duban.Unit) string {
	var parts []string
	for _, u := range us {
		parts = append(parts, string(u.Role)+" "+u.Name)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "; ")
}

func formatDeadline(d *duban.Deadline) string {
	if d == nil {
		return "-"
	}
	date := string(d.Date)
	if date == "" {
		date = "-"
	}
	return d.Raw + " => " + date + " " + string(d.Kind)
}

// A notice whose outline numbers all come from Word numbering: headings
// numbered through their styles, a heading numbered through another
// instance of the same list (it goes on: 三), tasks in instances of the
// list (restarted under each subsection by the level above), a second list
// restarted by a start override, and a paragraph whose style's numbering
// is turned off.
func noticeWithWordNumbering(t *testing.T) []byte {
	numbering := abstractXML("10",
		levelXML("0", "chineseCounting", "%1、", ""),
		levelXML("1", "chineseCountingThousand", "（%2）", ""),
		levelXML("2", "decimal", "%3.", ""),
	) + numXML("1", "10", "") + numXML("2", "10", "") +
		abstractXML("20", levelXML("0", "decimal", "（%1）", "")) +
		numXML("3", "20", "") + numXML("4", "20", overrideXML("0", "1"))
	styles := styleXML("Heading1", "", numPr("1", "0")) +
		styleXML("Heading2", "Heading1", `<w:numPr><w:ilvl w:val="1"/></w:numPr>`)
	h1 := func(text string) string { return p(pStyleXML("Heading1"), text) }
	h2 := func(text string) string { return p(pStyleXML("Heading2"), text) }
	body := p("", "某江市人民政府办公室文件") +
		p("", "江政办发〔2025〕9号") +
		p("", "某江市人民政府办公室关于印发2025年优化营商环境重点任务的通知") +
		p("", "各县区人民政府，市各委办局：") +
		p("", "现将《2025年优化营商环境重点任务》印发给你们，请认真贯彻落实。") +
		p("", "某江市人民政府办公室") +
		p("", "2025年3月10日") +
		p("", "2025年优化营商环境重点任务") +
		h1("总体要求") +
		p(pStyleXML("Heading2")+numIDXML("0"), "以企业和群众满意为导向，持续优化营商环境。") +
		h1("重点任务") +
		h2("提升政务服务效能") +
		p(numPr("1", "2"), "推行企业开办一日办结。（责任单位：市政务办，完成时间：6月底前）") +
		p(numPr("1", "2"), "推进高频事项跨省通办。（责任单位：市政务办、市数据局，完成时间：9月底前）") +
		h2("优化市场环境") +
		p(numPr("2", "2"), "清理妨碍统一市场的规定。（责任单位：市市场监管局，完成时间：10月底前）") +
		p(numPr("2", "2"), "开展涉企收费专项检查。（责任单位：市发改委，完成时间：年底前）") +
		p(numPr("2", "0"), "保障措施") +
		p(numPr("3", "0"), "建立月调度机制。（责任单位：市营商办，完成时间：每月）") +
		p(numPr("3", "0"), "纳入年度考核。（责任单位：市考核办，完成时间：年底前）") +
		h1("工作要求") +
		p(numPr("4", "0"), "各地于每季度末报送进展。（责任单位：各县区，完成时间：每季度）")
	return makeDOCX(t, body, numbering, styles)
}

func TestDOCXNoticeWithWordNumbering(t *testing.T) {
	data := noticeWithWordNumbering(t)
	doc, err := docx.Reader{}.Read("n.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	var numbered []string
	for _, s := range blockTexts(doc)[8:] {
		numbered = append(numbered, strings.SplitN(s, "。", 2)[0])
	}
	checkTexts(t, numbered,
		"一、总体要求", "以企业和群众满意为导向，持续优化营商环境", "二、重点任务", "（一）提升政务服务效能",
		"1.推行企业开办一日办结", "2.推进高频事项跨省通办", "（二）优化市场环境",
		"1.清理妨碍统一市场的规定", "2.开展涉企收费专项检查", "三、保障措施",
		"（1）建立月调度机制", "（2）纳入年度考核", "四、工作要求", "（1）各地于每季度末报送进展")

	n, err := extract.Bytes("n.docx", data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range n.Tasks {
		got = append(got, tk.ID+"|"+strings.Join(tk.Path, "/")+"|"+string(tk.Section)+"|"+string(tk.Subsection)+"|"+
			tk.Text+"|"+formatUnits(tk.Units)+"|"+formatDeadline(tk.Deadline))
	}
	want := []string{
		"二.（一）.1|二/（一）/1|重点任务|提升政务服务效能|推行企业开办一日办结。|responsible 市政务办|6月底前 => 2025-06-30 month_end",
		"二.（一）.2|二/（一）/2|重点任务|提升政务服务效能|推进高频事项跨省通办。|responsible 市政务办; responsible 市数据局|9月底前 => 2025-09-30 month_end",
		"二.（二）.1|二/（二）/1|重点任务|优化市场环境|清理妨碍统一市场的规定。|responsible 市市场监管局|10月底前 => 2025-10-31 month_end",
		"二.（二）.2|二/（二）/2|重点任务|优化市场环境|开展涉企收费专项检查。|responsible 市发改委|年底前 => 2025-12-31 year_end",
		"三.（1）|三/（1）|保障措施||建立月调度机制。|responsible 市营商办|每月 => - recurring",
		"三.（2）|三/（2）|保障措施||纳入年度考核。|responsible 市考核办|年底前 => 2025-12-31 year_end",
		"四.（1）|四/（1）|工作要求||各地于每季度末报送进展。|responsible 各县区|每季度 => - recurring",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n.DocNumber != "江政办发〔2025〕9号" || n.IssueDate != "2025-03-10" || n.PlanTitle != "2025年优化营商环境重点任务" {
		t.Errorf("header = %q %q %q", n.DocNumber, n.IssueDate, n.PlanTitle)
	}
}

// A task table in the middle of a notice, under a heading, with the lead
// unit merged down two rows; items of the outline before and after it.
func TestDOCXTableInTheMiddle(t *testing.T) {
	body := p("", "临川县人民政府办公室") +
		p("", "临政办发〔2025〕4号") +
		p("", "临川县人民政府办公室关于印发2025年为民办实事项目的通知") +
		p("", "各乡镇人民政府，县各部门：") +
		p("", "临川县人民政府办公室") +
		p("", "2025年1月20日") +
		p("", "一、民生项目") +
		`<w:tbl>` +
		tr(tc("", "序号"), tc("", "项目内容"), tc("", "牵头部门"), tc("", "配合部门"), tc("", "完成时间")) +
		tr(tc("", "1"), tc("", "新建幼儿园2所，", "新增学位540个。"), tc(`<w:vMerge w:val="restart"/>`, "县教育局"), tc("", "县财政局"), tc("", "8月底前")) +
		tr(tc("", "2"), tc("", "改造农村薄弱学校5所。"), tc(`<w:vMerge/>`), tc("", ""), tc("", "年底前")) +
		`</w:tbl>` +
		p("", "二、工作要求") +
		p("", "（一）各牵头部门每季度报送进展。（责任单位：县政府办，完成时间：每季度）")
	n, err := extract.Bytes("n.docx", makeDOCX(t, body, "", ""), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ id, text, units, deadline string }
	var got []row
	for _, tk := range n.Tasks {
		got = append(got, row{tk.ID, tk.Text, formatUnits(tk.Units), formatDeadline(tk.Deadline)})
		if tk.Path[0] == "一" && tk.Section != "民生项目" {
			t.Errorf("task %s: section %q", tk.ID, tk.Section)
		}
	}
	want := []row{
		{"一.1", "新建幼儿园2所，新增学位540个。", "lead 县教育局; co 县财政局", "8月底前 => 2025-08-31 month_end"},
		{"一.2", "改造农村薄弱学校5所。", "lead 县教育局", "年底前 => 2025-12-31 year_end"},
		{"二.（一）", "各牵头部门每季度报送进展。", "responsible 县政府办", "每季度 => - recurring"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tasks: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("task %d:\n got  %+v\n want %+v", i, got[i], want[i])
		}
	}
	if n.DocNumber != "临政办发〔2025〕4号" || n.IssueDate != "2025-01-20" || n.Issuer != "临川县人民政府办公室" {
		t.Errorf("header = %q %q %q", n.DocNumber, n.IssueDate, n.Issuer)
	}
	if n.Source.Format != "docx" {
		t.Errorf("format = %q", n.Source.Format)
	}
}

// Rows that are headings (一 | 营商环境 | | |), rows continuing the row
// above (no number: a row cut by a page) and rows repeating number and
// task (merged cells, one unit per row).
func TestDOCXTableRowShapes(t *testing.T) {
	restart, cont := `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	body := `<w:tbl>` +
		tr(tc("", "序号"), tc("", "重点任务"), tc("", "牵头单位"), tc("", "配合单位"), tc("", "完成时限")) +
		tr(tc("", "一"), tc("", "营商环境"), tc("", ""), tc("", ""), tc("", "")) +
		tr(tc("", "1"), tc("", "推行企业开办"), tc("", "市市场"), tc("", "市税务局"), tc("", "6月")) +
		tr(tc("", ""), tc("", "一日办结。"), tc("", "监管局"), tc("", ""), tc("", "底前")) +
		tr(tc("", "二"), tc("", "政务服务"), tc("", ""), tc("", ""), tc("", "")) +
		tr(tc(restart, "1"), tc(restart, "建设政务服务平台。"), tc("", "市政务办"), tc(restart, "市财政局"), tc(restart, "年底前")) +
		tr(tc(cont), tc(cont), tc("", "市数据局"), tc(cont), tc(cont)) +
		`</w:tbl>`
	n, err := extract.Bytes("t.docx", makeDOCX(t, body, "", ""), extract.Options{Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range n.Tasks {
		got = append(got, tk.ID+"|"+string(tk.Section)+"|"+tk.Text+"|"+formatUnits(tk.Units)+"|"+formatDeadline(tk.Deadline))
	}
	want := []string{
		"一.1|营商环境|推行企业开办一日办结。|lead 市市场监管局; co 市税务局|6月底前 => 2025-06-30 month_end",
		"二.1|政务服务|建设政务服务平台。|lead 市政务办; lead 市数据局; co 市财政局|年底前 => 2025-12-31 year_end",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Two text columns: the task reads "任务：措施"; a 牵头领导 column names a
// person, not a unit; 进度安排 is the deadline.
func TestDOCXTwoTextColumns(t *testing.T) {
	body := `<w:tbl>` +
		tr(tc("", "序号"), tc("", "工作任务"), tc("", "具体措施"), tc("", "牵头领导"), tc("", "责任单位"), tc("", "进度安排")) +
		tr(tc("", "1"), tc("", "优化审批"), tc("", "压减审批时限50%。"), tc("", "张三"), tc("", "市政务办"), tc("", "6月底前")) +
		`</w:tbl>`
	n, err := extract.Bytes("t.docx", makeDOCX(t, body, "", ""), extract.Options{Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Tasks) != 1 || n.Tasks[0].Text != "优化审批：压减审批时限50%。" || formatUnits(n.Tasks[0].Units) != "responsible 市政务办" || n.Tasks[0].Deadline == nil {
		t.Errorf("tasks = %+v", n.Tasks)
	}
}

// A header over two rows: 责任单位 merged over 牵头 | 配合, the other
// header cells merged down.
func TestDOCXTwoRowHeader(t *testing.T) {
	restart, cont := `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	body := p("", "2025年重点任务") + `<w:tbl>` +
		tr(tc(restart, "序号"), tc(restart, "工作任务"), tc(`<w:gridSpan w:val="2"/>`, "责任单位"), tc(restart, "完成时限")) +
		tr(tc(cont), tc(cont), tc("", "牵头"), tc("", "配合"), tc(cont)) +
		tr(tc("", "1"), tc("", "建成数据平台。"), tc("", "市数据局"), tc("", "市财政局"), tc("", "9月底前")) +
		`</w:tbl>`
	n, err := extract.Bytes("t.docx", makeDOCX(t, body, "", ""), extract.Options{Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Tasks) != 1 {
		t.Fatalf("tasks: %+v", n.Tasks)
	}
	tk := n.Tasks[0]
	want := []duban.Unit{{Name: "市数据局", Role: duban.RoleLead}, {Name: "市财政局", Role: duban.RoleCo}}
	if tk.ID != "1" || tk.Text != "建成数据平台。" || !reflect.DeepEqual(tk.Units, want) || tk.Deadline == nil || tk.Deadline.Date != "2025-09-30" {
		t.Errorf("task = %+v", tk)
	}
}

// FuzzDOCX feeds arbitrary bytes to the DOCX reader: it must return a
// document or an error naming the file, never panic. Input that is not a
// zip archive is wrapped into one as word/document.xml, so that the fuzzer
// reaches the XML, numbering and table code rather than stopping at zip
// checksums. Seeds: testdata/fuzz/FuzzDOCX (whole files and bare XML).
func FuzzDOCX(f *testing.F) {
	f.Add(makeDOCX(f, p(numPr("3", "0"), "标题")+`<w:tbl>`+tr(tc(`<w:gridSpan w:val="2"/>`, "a"), tc(`<w:vMerge/>`, "b"))+`</w:tbl>`, testNumbering, ""))
	// the hostile files of issues 16 and 17, small
	for _, s := range [][]byte{
		hostile.NestedTablesDOCX(40), hostile.WideSpanDOCX(100, 64), hostile.LongLabelDOCX(100, 3),
		hostile.DeepXMLDOCX(300), hostile.BadZipEndDOCX(), hostile.GBKDOCX(), hostile.UTF16DOCX(),
		hostile.OtherMainPartDOCX(),
		// over the bounds at a small size: depth 33, a label of 66
		// characters (a part of 65 MB, 66 KB zipped, is the corpus file
		// zipbomb-65MB: generating it took a second per fuzz worker;
		// cells over limits.TableCells take 0.3 s an input, a tenth of
		// the fuzzer's execs, and are TestDOCXBudgets')
		hostile.NestedTablesDOCX(33), hostile.LongLabelDOCX(33, 3),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) {
			data = storedDOCX(t, data)
		}
		doc, err := readDOCX("f.docx", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.docx: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if doc.Format != "docx" {
			t.Fatalf("format %q", doc.Format)
		}
		// the parser must cope with whatever the reader gives
		if _, err := extract.Parse("f.docx", doc, extract.Options{}); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
	})
}

// storedDOCX wraps document XML into a zip archive, uncompressed, with the
// numbering definitions of testNumbering.
func storedDOCX(t *testing.T, documentXML []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string][]byte{
		"word/document.xml":  documentXML,
		"word/numbering.xml": []byte(`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + testNumbering + `</w:numbering>`),
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
