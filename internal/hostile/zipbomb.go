package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// padding is n bytes of blank space between elements: it deflates about a
// thousandfold, so that a package of a few hundred KB unpacks to hundreds
// of MB (a zip bomb), and an XML reader skips it as insignificant space.
func padding(n int) []byte { return bytes.Repeat([]byte(" "), n) }

// ZipBombDOCX is the small notice with mb MB of blank space after its
// paragraphs in word/document.xml.
func ZipBombDOCX(mb int) []byte {
	doc := DocumentXML(noticeBody())
	parts := docxParts("word/document.xml", []byte(doc), "")
	for i := range parts {
		if parts[i].Name == "word/document.xml" {
			parts[i].Pad, parts[i].PadAt = mb<<20, strings.LastIndex(doc, "</w:body>")
		}
	}
	return Zip(parts...)
}

// xlsxParts are the parts of a one-sheet workbook whose sheet is sheetXML
// with pad bytes of blank space before its </sheetData>.
func xlsxParts(sheetXML []byte, pad int) []Part {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	return []Part{
		{Name: "[Content_Types].xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)},
		{Name: "_rels/.rels", Data: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{Name: "xl/workbook.xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ` + ns + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{Name: "xl/_rels/workbook.xml.rels", Data: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)},
		{Name: "xl/worksheets/sheet1.xml", Data: sheetXML, Pad: pad, PadAt: bytes.LastIndex(sheetXML, []byte("</sheetData>"))},
	}
}

// sheetXML is a worksheet holding rows (inline strings, "" for no cell).
func sheetXML(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, r+1)
		for c, v := range row {
			fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, column(c), r+1, v)
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Bytes()
}

// column is the letters of a 0-based column number (0 → A, 26 → AA).
func column(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}

// ledgerRows is a small task ledger: a header and two tasks.
func ledgerRows() [][]string {
	return [][]string{
		{"序号", "重点任务", "责任单位", "完成时限"},
		{"1", "推进道路建设。", "市交通局", "2024年6月底前"},
		{"2", "完善制度。", "市发改委", "2024年12月底前"},
	}
}

// LedgerXLSX is a small valid task ledger workbook.
func LedgerXLSX() []byte { return Zip(xlsxParts(sheetXML(ledgerRows()), 0)...) }

// ZipBombXLSX is the ledger workbook with mb MB of blank space in its
// sheet.
func ZipBombXLSX(mb int) []byte { return Zip(xlsxParts(sheetXML(ledgerRows()), mb<<20)...) }

// ManyCellsXLSX is the ledger workbook with rows more rows of width cells
// each ("x").
func ManyCellsXLSX(rows, width int) []byte {
	rs := ledgerRows()
	row := make([]string, width)
	for i := range row {
		row[i] = "x"
	}
	for i := 0; i < rows; i++ {
		rs = append(rs, row)
	}
	return Zip(xlsxParts(sheetXML(rs), 0)...)
}

// ofdParts are the parts of an OFD whose pages all take their content from
// the one part Doc_0/Pages/Page_0/Content.xml (content, with pad bytes of
// blank space after its text objects).
func ofdParts(pages int, content []byte, pad int) []Part {
	var list strings.Builder
	for i := 0; i < pages; i++ {
		fmt.Fprintf(&list, `<ofd:Page ID="%d" BaseLoc="Pages/Page_0/Content.xml"/>`, i+1)
	}
	const ns = `xmlns:ofd="http://www.ofdspec.org/2016"`
	return []Part{
		{Name: "OFD.xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ` + ns + ` Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`)},
		{Name: "Doc_0/Document.xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document ` + ns + `><ofd:CommonData><ofd:MaxUnitID>10</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>` + list.String() + `</ofd:Pages></ofd:Document>`)},
		{Name: "Doc_0/Pages/Page_0/Content.xml", Data: content, Pad: pad, PadAt: bytes.LastIndex(content, []byte("</ofd:Layer>"))},
	}
}

// ofdContent is one page's content: the lines of text, one text object
// each, 5 mm apart.
func ofdContent(lines []string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">`)
	for i, l := range lines {
		y := 20 + 6*i
		n := len([]rune(l))
		fmt.Fprintf(&b, `<ofd:TextObject ID="%d" Boundary="20 %d 170 6" Font="3" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g %d 4">%s</ofd:TextCode></ofd:TextObject>`, i+3, y, max(n-1, 1), l)
	}
	b.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
	return b.Bytes()
}

// noticeLines is the small notice as lines of text.
func noticeLines() []string {
	return []string{"关于印发测试工作计划的通知", "一、重点任务",
		"1. 推进道路建设。（责任单位：市交通局，完成时间：2024年6月底前）",
		"2. 完善制度。（责任单位：市发改委，完成时间：2024年12月底前）"}
}

// NoticeOFD is the small notice as a one-page OFD.
func NoticeOFD() []byte { return Zip(ofdParts(1, ofdContent(noticeLines()), 0)...) }

// ZipBombOFD is the notice as pages pages that all show one content part
// padded with mb MB of blank space: a package of a few KB per MB that
// unpacks to pages × mb MB when each page reads the part anew.
func ZipBombOFD(pages, mb int) []byte {
	return Zip(ofdParts(pages, ofdContent(noticeLines()), mb<<20)...)
}

// WideRowsXLSX is the ledger workbook with rows more rows, each holding
// one cell in the last column (XFD): every row is 16,384 cells wide once
// read, so a file of a few KB holds rows × 16,384 cells.
func WideRowsXLSX(rows int) []byte {
	sheet := sheetXML(ledgerRows())
	var b bytes.Buffer
	for r := 0; r < rows; r++ {
		n := len(ledgerRows()) + r + 1
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, n, n)
	}
	at := bytes.LastIndex(sheet, []byte("</sheetData>"))
	out := append(append(append([]byte(nil), sheet[:at]...), b.Bytes()...), sheet[at:]...)
	return Zip(xlsxParts(out, 0)...)
}

// DenseOFD is the notice as pages pages that all show one content part
// holding its lines and then text objects of twelve characters each, a
// grid of them repeated over the page, until the part holds size bytes:
// a package of a few hundred KB whose parts are all markup (not blank
// space) and whose every element the reader keeps.
func DenseOFD(pages, size int) []byte {
	b := bytes.NewBuffer(ofdContent(noticeLines()))
	tail := []byte(`</ofd:Layer></ofd:Content></ofd:Page>`)
	b.Truncate(b.Len() - len(tail))
	for i := 0; b.Len()+len(tail) < size; i++ {
		fmt.Fprintf(b, `<ofd:TextObject ID="%d" Boundary="%d %d 170 6" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 11 4">推进道路建设完善制度工作</ofd:TextCode></ofd:TextObject>`, i+100, 20+i%4*40, 60+i/4%40*6)
	}
	b.Write(tail)
	return Zip(ofdParts(pages, b.Bytes(), 0)...)
}

// ManyElementsOFD is the notice as pages pages that all show one content
// part holding its lines and then n empty elements (<ofd:X/>, which the
// reader parses and does not draw).
func ManyElementsOFD(pages, n int) []byte {
	b := bytes.NewBuffer(ofdContent(noticeLines()))
	tail := []byte(`</ofd:Layer></ofd:Content></ofd:Page>`)
	b.Truncate(b.Len() - len(tail))
	b.Write(bytes.Repeat([]byte(`<ofd:X/>`), n))
	b.Write(tail)
	return Zip(ofdParts(pages, b.Bytes(), 0)...)
}

// BareCellsXLSX is the ledger workbook with rows more rows of width cells
// ("x") written without their row and cell references, as a writer may:
// the same cells as ManyCellsXLSX in a package a hundred times smaller.
func BareCellsXLSX(rows, width int) []byte {
	sheet := sheetXML(ledgerRows())
	row := "<row>" + strings.Repeat(`<c t="inlineStr"><is><t>x</t></is></c>`, width) + "</row>"
	at := bytes.LastIndex(sheet, []byte("</sheetData>"))
	out := append(append(append([]byte(nil), sheet[:at]...), strings.Repeat(row, rows)...), sheet[at:]...)
	return Zip(xlsxParts(out, 0)...)
}
