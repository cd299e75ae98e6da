package gen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	docTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
)

// zipTime is the fixed time of every DOCX member, so output is deterministic.
var zipTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// DOCX writes the notice as a minimal WordprocessingML document: one
// paragraph per paragraph, task tables as real tables.
func (n *Notice) DOCX() ([]byte, error) {
	var body strings.Builder
	body.WriteString(docHead)
	for _, p := range n.Paras(true) {
		if p.Table != nil {
			writeTable(&body, p.Table)
			continue
		}
		writePara(&body, p.Text)
	}
	body.WriteString(docTail)
	return zipFiles([][2]string{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/document.xml", body.String()},
	})
}

func writePara(b *strings.Builder, text string) {
	b.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
	_ = xml.EscapeText(b, []byte(text))
	b.WriteString(`</w:t></w:r></w:p>`)
}

func writeTable(b *strings.Builder, rows [][]string) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>`)
	for range rows[0] {
		b.WriteString(`<w:gridCol w:w="1800"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, row := range rows {
		b.WriteString(`<w:tr>`)
		for _, cell := range row {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>`)
			writePara(b, cell)
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// zipFiles writes name/content pairs into a zip archive.
func zipFiles(files [][2]string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, fmt.Errorf("docx: %s: %w", f[0], err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			return nil, fmt.Errorf("docx: %s: %w", f[0], err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return buf.Bytes(), nil
}
