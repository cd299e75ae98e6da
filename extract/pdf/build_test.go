package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// This file writes small PDFs by hand for the reader's tests and fuzz
// seeds: each object is given as text, the cross-reference table is
// computed.

// miniPDF assembles a PDF from object bodies; object i+1 is objs[i] and
// object 1 must be the catalog.
func miniPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// streamObj makes a stream object body, compressed when flate is set.
func streamObj(dict, data string, flate bool) string {
	if flate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write([]byte(data))
		w.Close()
		return fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", dict, z.Len(), z.String())
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// utf16Hex writes text as the hex of its UTF-16BE code units: for fonts
// whose codes are Unicode values (as fpdf writes them) and for ToUnicode
// destinations.
func utf16Hex(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}

// identityCMap is a ToUnicode map with one identity range over the whole
// two-byte code space, as fpdf writes it.
const identityCMap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

// cidFontObjs returns a Type0 font (object n), its descendant (n+1) and
// ToUnicode (n+2), with codes equal to Unicode values and every glyph one
// em wide except ASCII at half an em.
func cidFontObjs(n int, toUnicode string) []string {
	return []string{
		fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", n+1, n+2),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 126 500] >>",
		streamObj("", toUnicode, true),
	}
}

// pagesPDF makes a PDF with one page per content stream. Pages draw with
// the Type0 font /F1 (codes are Unicode, identity ToUnicode) and the
// simple font /F2 (WinAnsi, half an em wide); /X1 is the form xobject
// given as form (an empty one if ""). rotate sets every page's /Rotate.
func pagesPDF(rotate int, form string, contents ...string) []byte {
	n := len(contents)
	fontObj := 3 + 2*n // F1 (3 objects), F2, X1 follow the pages
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
	var kids []string
	for i := range contents {
		kids = append(kids, fmt.Sprintf("%d 0 R", 3+2*i))
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] /Rotate %d /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /X1 %d 0 R >> >> >>",
		strings.Join(kids, " "), n, rotate, fontObj, fontObj+3, fontObj+4))
	for i, c := range contents {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Contents %d 0 R >>", 4+2*i), streamObj("", c, i%2 == 0))
	}
	objs = append(objs, cidFontObjs(fontObj, identityCMap)...)
	objs = append(objs, "<< /Type /Font /Subtype /TrueType /BaseFont /Helv /FirstChar 32 /LastChar 126 /Widths ["+strings.Repeat("500 ", 95)+"] /Encoding /WinAnsiEncoding >>")
	if form == "" {
		form = streamObj("/Type /XObject /Subtype /Form /BBox [0 0 595 842]", "", false)
	}
	objs = append(objs, form)
	return miniPDF(objs...)
}

// cjk draws text with /F1 at (x, y) in size pt.
func cjk(x, y, size float64, text string) string {
	return fmt.Sprintf("BT /F1 %g Tf %g %g Td <%s> Tj ET\n", size, x, y, utf16Hex(text))
}

// latin draws text with /F2 at (x, y) in size pt.
func latin(x, y, size float64, text string) string {
	return fmt.Sprintf("BT /F2 %g Tf %g %g Td (%s) Tj ET\n", size, x, y, text)
}
