package extract

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
)

// makeDOCX builds a minimal DOCX: body is the inside of w:body; numbering
// and styles, when not empty, become word/numbering.xml and
// word/styles.xml.
func makeDOCX(t testing.TB, body, numbering, styles string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document `+ns+`><w:body>`+body+`</w:body></w:document>`)
	if numbering != "" {
		add("word/numbering.xml", `<?xml version="1.0"?><w:numbering `+ns+`>`+numbering+`</w:numbering>`)
	}
	if styles != "" {
		add("word/styles.xml", `<?xml version="1.0"?><w:styles `+ns+`>`+styles+`</w:styles>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// p writes a paragraph; pPr is the inside of w:pPr.
func p(pPr, text string) string {
	return `<w:p><w:pPr>` + pPr + `</w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func numPr(numID, ilvl string) string {
	return `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
}

// tc writes a table cell; props is the inside of w:tcPr.
func tc(props string, paras ...string) string {
	s := `<w:tc><w:tcPr>` + props + `</w:tcPr>`
	for _, t := range paras {
		s += p("", t)
	}
	return s + `</w:tc>`
}

func tr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

const testNumbering = `<w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>`

func blockTexts(doc *Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Table == nil {
			out = append(out, b.Text)
		}
	}
	return out
}

func TestDOCXNumbering(t *testing.T) {
	styles := `<w:style w:type="paragraph" w:styleId="H1"><w:pPr>` + numPr("3", "0") + `</w:pPr></w:style>`
	body := p(`<w:pStyle w:val="H1"/>`, "总体要求") +
		p(numPr("3", "1"), "分项") +
		p(numPr("3", "2"), "甲") +
		p(numPr("3", "2"), "乙") +
		p(`<w:pStyle w:val="H1"/>`, "重点任务") +
		p(numPr("3", "1"), "再分项") +
		p(numPr("0", "0"), "不编号")
	doc, err := DOCXReader{}.Read("n.docx", makeDOCX(t, body, testNumbering, styles))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"一、总体要求", "（一）分项", "1.甲", "2.乙", "二、重点任务", "（一）再分项", "不编号"}
	if got := blockTexts(doc); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for i, b := range doc.Blocks {
		if b.Line != i+1 {
			t.Errorf("block %d: line %d", i, b.Line)
		}
	}
}

func TestDOCXBreaksTabsAndMergedCells(t *testing.T) {
	body := `<w:p><w:r><w:t>牵头单位：甲</w:t><w:br/><w:t>完成时限：</w:t><w:tab/><w:t>6月底前</w:t></w:r></w:p>` +
		`<w:tbl>` +
		tr(tc(`<w:gridSpan w:val="2"/>`, "标题"), tc("", "C")) +
		tr(tc(`<w:vMerge w:val="restart"/>`, "上", "续行"), tc("", "b"), tc("", "c")) +
		tr(tc(`<w:vMerge/>`), tc("", "b2"), tc("", "c2")) +
		`</w:tbl>`
	doc, err := DOCXReader{}.Read("n.docx", makeDOCX(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if got := blockTexts(doc); strings.Join(got, "|") != "牵头单位：甲|完成时限： 6月底前" {
		t.Errorf("paragraph blocks = %q", got)
	}
	var tab *Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tab = b.Table
		}
	}
	if tab == nil {
		t.Fatal("no table")
	}
	var rows []string
	for _, r := range tab.Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.Text)
		}
		rows = append(rows, strings.Join(cells, ","))
	}
	want := "标题,标题,C|上\n续行,b,c|上\n续行,b2,c2"
	if strings.Join(rows, "|") != want {
		t.Errorf("rows = %q, want %q", strings.Join(rows, "|"), want)
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
	n, err := Bytes("n.docx", makeDOCX(t, body, "", ""), Options{})
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

// A text box is written twice (mc:Choice and mc:Fallback); its text is
// read once.
func TestDOCXTextBoxFallback(t *testing.T) {
	box := `<w:txbxContent>` + p("", "海川区人民政府办公室文件") + `</w:txbxContent>`
	body := `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
		`<mc:Choice Requires="wps"><w:drawing>` + box + `</w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict>` + box + `</w:pict></mc:Fallback>` +
		`</mc:AlternateContent></w:r></w:p>` + p("", "正文")
	doc, err := DOCXReader{}.Read("n.docx", makeDOCX(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(blockTexts(doc), "|"); got != "海川区人民政府办公室文件|正文" {
		t.Errorf("blocks = %q", got)
	}
}

func TestDOCXBadInput(t *testing.T) {
	good := makeDOCX(t, p("", "一、标题"), "", "")
	cases := map[string][]byte{
		"not a zip":     []byte("plain text, not a docx"),
		"empty":         nil,
		"truncated zip": good[:len(good)/2],
		"bad xml":       makeDOCX(t, `<w:p><w:r><w:t>未闭合`, "", ""),
		"no document": func() []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, _ := zw.Create("word/other.xml")
			w.Write([]byte("<x/>"))
			zw.Close()
			return buf.Bytes()
		}(),
	}
	for name, data := range cases {
		if _, err := (DOCXReader{}).Read("bad.docx", data); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.HasPrefix(err.Error(), "bad.docx: ") {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
}

// A part that inflates beyond the limit is refused, whatever its header
// claims.
func TestDOCXZipBomb(t *testing.T) {
	old := docxMaxPart
	docxMaxPart = 1 << 16
	defer func() { docxMaxPart = old }()
	body := strings.Repeat(p("", strings.Repeat("任务", 50)), 1000) // ≈ 400 kB of XML, compresses well
	_, err := DOCXReader{}.Read("bomb.docx", makeDOCX(t, body, "", ""))
	if err == nil || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("err = %v, want a size limit error", err)
	}
	// the same with a header that lies about the size
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	zw.Close()
	data := buf.Bytes()
	// rewrite the central directory's uncompressed size to a small value
	if i := bytes.LastIndex(data, []byte("PK\x01\x02")); i >= 0 {
		copy(data[i+24:i+28], []byte{0x10, 0, 0, 0})
	}
	if _, err := (DOCXReader{}).Read("bomb.docx", data); err == nil {
		t.Fatal("lying zip header: no error")
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
	n, err := Bytes("t.docx", makeDOCX(t, body, "", ""), Options{Year: 2025})
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
	n, err := Bytes("t.docx", makeDOCX(t, body, "", ""), Options{Year: 2025})
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
	n, err := Bytes("t.docx", makeDOCX(t, body, "", ""), Options{Year: 2025})
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
