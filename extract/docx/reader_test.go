package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/duban/duban/extract/document"
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

func blockTexts(doc *document.Document) []string {
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
	doc, err := Reader{}.Read("n.docx", makeDOCX(t, body, testNumbering, styles))
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
	doc, err := Reader{}.Read("n.docx", makeDOCX(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if got := blockTexts(doc); strings.Join(got, "|") != "牵头单位：甲|完成时限： 6月底前" {
		t.Errorf("paragraph blocks = %q", got)
	}
	var tab *document.Table
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

// A text box is written twice (mc:Choice and mc:Fallback); its text is
// read once.
func TestDOCXTextBoxFallback(t *testing.T) {
	box := `<w:txbxContent>` + p("", "海川区人民政府办公室文件") + `</w:txbxContent>`
	body := `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
		`<mc:Choice Requires="wps"><w:drawing>` + box + `</w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict>` + box + `</w:pict></mc:Fallback>` +
		`</mc:AlternateContent></w:r></w:p>` + p("", "正文")
	doc, err := Reader{}.Read("n.docx", makeDOCX(t, body, "", ""))
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
		if _, err := (Reader{}).Read("bad.docx", data); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.HasPrefix(err.Error(), "bad.docx: ") {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
}

// A part that inflates beyond the limit is refused, whatever its header
// claims.
func TestDOCXZipBomb(t *testing.T) {
	old := maxPart
	maxPart = 1 << 16
	defer func() { maxPart = old }()
	body := strings.Repeat(p("", strings.Repeat("任务", 50)), 1000) // ≈ 400 kB of XML, compresses well
	_, err := Reader{}.Read("bomb.docx", makeDOCX(t, body, "", ""))
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
	if _, err := (Reader{}).Read("bomb.docx", data); err == nil {
		t.Fatal("lying zip header: no error")
	}
}
