package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// Part is one file of a zip package: Data, with Pad bytes of blank space
// inserted at PadAt.
type Part struct {
	Name       string
	Data       []byte
	Pad, PadAt int
}

// Zip packs parts into a zip archive, deflated.
func Zip(parts ...Part) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if p.Pad > 0 {
			writePadded(zw, p)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate})
		if err != nil {
			panic(err)
		}
		if _, err := w.Write(p.Data); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// writePadded writes a part whose padding is hundreds of MB without
// holding or compressing it: a MB of blank space is deflated once and its
// deflate blocks (which refer to nothing before them) repeated, between
// the blocks of what comes before and after it. Deflating 300 MB took
// 3 s of each test that made a zip bomb.
func writePadded(zw *zip.Writer, p Part) {
	const mb = 1 << 20
	before, after := p.Data[:p.PadAt], p.Data[p.PadAt:]
	crc := crc32.NewIEEE()
	crc.Write(before)
	var body bytes.Buffer
	body.Write(deflated(before, false))
	n := p.Pad / mb
	if n > 0 {
		chunk := padding(mb)
		block := deflated(chunk, false)
		for range n {
			body.Write(block)
			crc.Write(chunk)
		}
	}
	rest := append(padding(p.Pad-n*mb), after...)
	crc.Write(rest)
	body.Write(deflated(rest, true))
	w, err := zw.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(body.Len()), UncompressedSize64: uint64(len(p.Data) + p.Pad)})
	if err == nil {
		_, err = w.Write(body.Bytes())
	}
	if err != nil {
		panic(err)
	}
}

// deflated is data deflated on its own, ending byte-aligned (a sync
// flush), or ending the stream (final).
func deflated(data []byte, final bool) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.DefaultCompression)
	w.Write(data)
	if final {
		w.Close()
	} else {
		w.Flush()
	}
	return b.Bytes()
}

// contentTypes and rootRels are the package parts Word writes beside the
// document; main names the main document part.
func contentTypes(main string) Part {
	return Part{Name: "[Content_Types].xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/` + main + `" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)}

}

func rootRels(main string) Part {
	return Part{Name: "_rels/.rels", Data: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + main + `"/></Relationships>`)}

}

// DOCX packs a body (the inside of w:body) and optional numbering
// definitions (the inside of w:numbering) into a Word file.
func DOCX(body, numbering string) []byte {
	return Zip(docxParts("word/document.xml", []byte(DocumentXML(body)), numbering)...)
}

func docxParts(main string, document []byte, numbering string) []Part {
	parts := []Part{contentTypes(main), rootRels(main), {Name: main, Data: document}}
	if numbering != "" {
		parts = append(parts, Part{Name: "word/numbering.xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + wordNS + `>` + numbering + `</w:numbering>`)})
	}
	return parts
}

// DocumentXML wraps a body into document.xml.
func DocumentXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`
}

// Para is a paragraph of plain text.
func Para(text string) string {
	return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// noticeBody is a short notice with two tasks, as paragraphs.
func noticeBody() string {
	return Para("关于印发测试工作计划的通知") +
		Para("一、重点任务") +
		Para("1. 推进道路建设。（责任单位：市交通局，完成时间：2024年6月底前）") +
		Para("2. 完善制度。（责任单位：市发改委，完成时间：2024年12月底前）")
}

// NoticeDOCX is a small valid notice, the base of the damaged variants.
func NoticeDOCX() []byte { return DOCX(noticeBody(), "") }

// NestedTablesDOCX nests depth tables, each level a one-cell table whose
// cell holds a paragraph and the next level.
func NestedTablesDOCX(depth int) []byte {
	var b strings.Builder
	b.WriteString(noticeBody())
	for i := 0; i < depth; i++ {
		b.WriteString(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>层</w:t></w:r></w:p>`)
	}
	for i := 0; i < depth; i++ {
		b.WriteString(`<w:p/></w:tc></w:tr></w:tbl>`)
	}
	return DOCX(b.String(), "")
}

// WideSpanDOCX is a table of one row of cells cells, each spanning span grid
// columns.
func WideSpanDOCX(cells, span int) []byte {
	var b strings.Builder
	b.WriteString(noticeBody())
	b.WriteString(`<w:tbl><w:tr>`)
	cell := fmt.Sprintf(`<w:tc><w:tcPr><w:gridSpan w:val="%d"/></w:tcPr></w:tc>`, span)
	for i := 0; i < cells; i++ {
		b.WriteString(cell)
	}
	b.WriteString(`</w:tr></w:tbl>`)
	return DOCX(b.String(), "")
}

// LongLabelDOCX numbers paras paragraphs with a level whose lvlText is
// "%1" repeated repeat times.
func LongLabelDOCX(repeat, paras int) []byte {
	numbering := `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="` +
		strings.Repeat("%1", repeat) + `"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
	var b strings.Builder
	b.WriteString(noticeBody())
	p := `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>任务</w:t></w:r></w:p>`
	for i := 0; i < paras; i++ {
		b.WriteString(p)
	}
	return DOCX(b.String(), numbering)
}

// DeepXMLDOCX nests depth unknown elements inside one paragraph.
func DeepXMLDOCX(depth int) []byte {
	return DOCX(noticeBody()+`<w:p>`+strings.Repeat(`<w:r>`, depth)+strings.Repeat(`</w:r>`, depth)+`</w:p>`, "")
}

// ManyElementsDOCX puts n empty runs into one paragraph.
func ManyElementsDOCX(n int) []byte {
	return DOCX(noticeBody()+`<w:p>`+strings.Repeat(`<w:r/>`, n)+`</w:p>`, "")
}

// BadZipEndDOCX is the notice with the directory offset of its zip end
// record moved past the directory's start, so that archive/zip computes a
// negative start for the archive and reads entries at negative offsets.
func BadZipEndDOCX() []byte {
	data := NoticeDOCX()
	i := bytes.LastIndex(data, []byte("PK\x05\x06"))
	out := append([]byte(nil), data...)
	// directory offset (at 16)
	off := binary.LittleEndian.Uint32(out[i+16:])
	binary.LittleEndian.PutUint32(out[i+16:], 2*off)
	return out
}

// GBKDOCX is the notice with document.xml encoded as GBK and declared so.
func GBKDOCX() []byte {
	xml := strings.Replace(DocumentXML(noticeBody()), `encoding="UTF-8"`, `encoding="GBK"`, 1)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(xml)
	if err != nil {
		panic(err)
	}
	return Zip(docxParts("word/document.xml", []byte(gbk), "")...)
}

// UTF16DOCX is the notice with document.xml as UTF-16LE with a byte-order
// mark, declared so.
func UTF16DOCX() []byte {
	xml := strings.Replace(DocumentXML(noticeBody()), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	u := utf16.Encode([]rune(xml))
	b := make([]byte, 2+2*len(u))
	b[0], b[1] = 0xFF, 0xFE
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2+2*i:], c)
	}
	return Zip(docxParts("word/document.xml", b, "")...)
}

// OtherMainPartDOCX is the notice with its main part named
// word/document2.xml, as _rels/.rels says (some converters do this).
func OtherMainPartDOCX() []byte {
	return Zip(docxParts("word/document2.xml", []byte(DocumentXML(noticeBody())), "")...)
}
