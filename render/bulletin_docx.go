package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/atomicfile"
)

// The 通报 as an editable Word document (offices edit before sending): a
// minimal WordprocessingML package whose varying text goes through
// xml.EscapeText. A4 landscape, the same parts as the PDF; the chart is
// left to the PDF and the workbook.

const (
	bDocxTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	bDocxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	bDocxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	bDocxTail  = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
	bDocxWidth = 14002 // text width in twips
)

type docxWriter struct{ b strings.Builder }

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (w *docxWriter) run(text, font string, size int, bold bool) {
	fmt.Fprintf(&w.b, `<w:r><w:rPr><w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s"/>`, xmlText(font))
	if bold {
		w.b.WriteString(`<w:b/>`)
	}
	fmt.Fprintf(&w.b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, size, size, xmlText(text))
}

func (w *docxWriter) para(text, align, font string, size int, bold bool, indent int) {
	fmt.Fprintf(&w.b, `<w:p><w:pPr><w:jc w:val="%s"/>`, align)
	if indent > 0 {
		fmt.Fprintf(&w.b, `<w:ind w:firstLine="%d"/>`, indent)
	}
	w.b.WriteString(`<w:spacing w:before="60" w:after="60"/></w:pPr>`)
	if text != "" {
		w.run(text, font, size, bold)
	}
	w.b.WriteString(`</w:p>`)
}

// table writes a bordered table whose columns share width in proportion
// to weights; the header row repeats on every page.
func (w *docxWriter) table(header []string, rows [][]string, weights []float64, share float64) {
	sum := 0.0
	for i := range header {
		sum += weightAt(weights, i)
	}
	widths := make([]int, len(header))
	for i := range header {
		widths[i] = int(share * bDocxWidth * weightAt(weights, i) / sum)
	}
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&w.b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	w.b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, x := range widths {
		fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, x)
	}
	w.b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, head bool) {
		w.b.WriteString(`<w:tr>`)
		if head {
			w.b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		for i, c := range cells {
			align := "center"
			if !head && i < len(header) && bulletinTextColumn(header[i]) {
				align = "left"
			}
			fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="%s"/></w:pPr>`, widths[min(i, len(widths)-1)], align)
			font := "仿宋_GB2312"
			if head {
				font = "黑体"
			}
			w.run(c, font, 21, false)
			w.b.WriteString(`</w:p></w:tc>`)
		}
		w.b.WriteString(`</w:tr>`)
	}
	row(header, true)
	for _, r := range rows {
		row(r, false)
	}
	w.b.WriteString(`</w:tbl>`)
}

func weightAt(ws []float64, i int) float64 {
	if i < len(ws) && ws[i] > 0 {
		return ws[i]
	}
	return 1
}

// docx is the bulletin as a DOCX package.
func (b *bulletin) docx() ([]byte, error) {
	var w docxWriter
	const body, head = "仿宋_GB2312", "黑体"
	w.b.WriteString(bDocxHead)
	w.para(b.title, "center", "方正小标宋简体", 40, false, 0)
	w.para(b.subtitle, "center", "楷体_GB2312", 30, false, 0)
	for _, s := range b.sources {
		w.para("来源文件："+s, "left", body, 24, false, 0)
	}
	part := 0
	heading := func(name string) {
		part++
		w.para(chineseNumeral(part)+"、"+name, "left", head, 30, false, 640)
	}
	heading(bPartOverview)
	w.para(b.overview(), "both", body, 30, false, 640)
	if b.total.due > 0 {
		w.table(bulletinTotalsHeader(), b.totalsRows(), nil, 1)
		heading(bPartUnits)
		w.table(bulletinUnitsHeader(), b.unitRows(), []float64{0.8, 3.2, 0.9, 1, 1.2, 1, 1, 1, 1, 1.1}, 1)
		for _, p := range []struct {
			name  string
			items []bItem
		}{{bPartOverdue, b.overdue}, {bPartBehind, b.behind}} {
			heading(p.name)
			if len(p.items) == 0 {
				w.para("无。", "left", body, 30, false, 640)
				continue
			}
			w.table(bulletinItemsHeader, itemRows(p.items), []float64{0.6, 1.8, 1.1, 4.2, 1.3, 1.1, 3, 3}, 1)
		}
	}
	heading(bPartCompare)
	w.para(b.comparison(), "both", body, 30, false, 640)
	if b.total.due > 0 {
		w.table(bulletinCompareHeader, b.compareRows(), []float64{2, 1, 1, 1.4}, 0.5)
	}
	w.para("", "left", body, 30, false, 0)
	w.para(chineseDate(b.asOf), "right", body, 30, false, 0)
	w.b.WriteString(bDocxTail)

	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, f := range [][2]string{{"[Content_Types].xml", bDocxTypes}, {"_rels/.rels", bDocxRels}, {"word/document.xml", w.b.String()}} {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write([]byte(f[1])); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeDOCX saves the DOCX to path through a temporary file.
func (b *bulletin) writeDOCX(path string) error {
	data, err := b.docx()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return atomicfile.WriteFile(path, data)
}
