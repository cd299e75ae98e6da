package remind

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"time"
)

// The parts of a minimal WordprocessingML package; the text that varies is
// written through xml.EscapeText.
const (
	docxTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	// A4 portrait, margins 3.7/3.5/2.8/2.6 cm as official documents use.
	docxTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
)

// column widths of the table in twentieths of a point (sum ≈ 8844, the
// text width).
// At 9 pt with 3 pt cell margins a date (2024-05-11), a number such as
// 四（五）1, the 督办编号 header and a status fit on one line, also where
// Word or LibreOffice substitutes a wider font for 仿宋_GB2312; 文号 and
// 任务内容 wrap.
var docxWidths = []int{440, 1000, 1150, 2064, 1300, 900, 1300, 690}

// DOCX is the reminder as an editable Word document.
func (l Letter) DOCX() ([]byte, error) {
	var b strings.Builder
	b.WriteString(docxHead)
	para(&b, Title, "center", "方正小标宋简体", 44, true, 0)
	para(&b, "", "left", "仿宋_GB2312", 32, false, 0)
	para(&b, "主送："+l.Unit, "left", "仿宋_GB2312", 32, false, 0)
	para(&b, l.Body(), "both", "仿宋_GB2312", 32, false, 640)
	table(&b, l)
	para(&b, "", "left", "仿宋_GB2312", 32, false, 0)
	para(&b, l.Office, "right", "仿宋_GB2312", 32, false, 0)
	para(&b, cn(l.AsOf), "right", "仿宋_GB2312", 32, false, 0)
	b.WriteString(docxTail)
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, f := range [][2]string{{"[Content_Types].xml", docxTypes}, {"_rels/.rels", docxRels}, {"word/document.xml", b.String()}} {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WriteDOCX writes the DOCX to path.
func (l Letter) WriteDOCX(path string) error {
	b, err := l.DOCX()
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run is a run of text in font at size half-points.
func run(b *strings.Builder, text, font string, size int, bold bool) {
	fmt.Fprintf(b, `<w:r><w:rPr><w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s"/>`, esc(font))
	if bold {
		b.WriteString(`<w:b/>`)
	}
	fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, size, size, esc(text))
}

func para(b *strings.Builder, text, align, font string, size int, bold bool, indent int) {
	fmt.Fprintf(b, `<w:p><w:pPr><w:jc w:val="%s"/>`, align)
	if indent > 0 {
		fmt.Fprintf(b, `<w:ind w:firstLine="%d"/>`, indent)
	}
	b.WriteString(`<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>`)
	if text != "" {
		run(b, text, font, size, bold)
	}
	b.WriteString(`</w:p>`)
}

func table(b *strings.Builder, l Letter) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range docxWidths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, head bool) {
		b.WriteString(`<w:tr>`)
		if head {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		for i, c := range cells {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="%s"/></w:pPr>`,
				docxWidths[i], map[bool]string{true: "center", false: "left"}[head || i != 3])
			run(b, c, map[bool]string{true: "黑体", false: "仿宋_GB2312"}[head], 18, false)
			b.WriteString(`</w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	row(Header, true)
	for i, it := range l.Items {
		row(it.Cells(i+1), false)
	}
	b.WriteString(`</w:tbl>`)
}
