package hostile

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// PDF writes a PDF whose objects 1…len(objs) are objs (the text between
// "N 0 obj" and "endobj"), with a cross-reference table and a trailer naming
// object root as the catalog.
func PDF(objs []string, root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
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
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, root, xref)
	return b.Bytes()
}

// Stream writes a stream object's text.
func Stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// onePage is the catalog, page tree and page (objects 1–3) of a one-page
// PDF whose page has resources res and content object 4.
func onePage(res string) []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + res + " /Contents 4 0 R >>",
	}
}

// SmallPDF is a one-page PDF with a cross-reference table, a small base
// for the damaged variants (as fuzz seeds).
func SmallPDF() []byte {
	objs := onePage("<< /Font << /F1 5 0 R >> >>")
	objs = append(objs,
		Stream("", "BT /F1 12 Tf 72 700 Td (1. Task one.) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	return PDF(objs, 1)
}

// ManyFontsPDF is one page whose resources name n fonts, every one of them
// used by the content.
func ManyFontsPDF(n int) []byte {
	var res, content strings.Builder
	res.WriteString("<< /Font <<")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&res, " /F%d 5 0 R", i)
		fmt.Fprintf(&content, "/F%d 12 Tf (a) Tj\n", i)
	}
	res.WriteString(" >> >>")
	objs := onePage(res.String())
	objs = append(objs,
		Stream("", "BT 72 700 Td\n"+content.String()+"ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	return PDF(objs, 1)
}

// SelfFormPDF is one page drawing a form XObject that draws itself n
// times: n^depth forms run, as deep as the reader nests them.
func SelfFormPDF(n int) []byte {
	objs := onePage("<< /XObject << /X1 5 0 R >> >>")
	do := strings.Repeat("/X1 Do ", n)
	objs = append(objs, Stream("", "/X1 Do"),
		Stream("/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /X1 5 0 R >> >>", do))
	return PDF(objs, 1)
}

// IdleOpsPDF is one page showing one character, then n operators that
// draw nothing (setting the line width).
func IdleOpsPDF(n int) []byte {
	objs := onePage("<< /Font << /F1 5 0 R >> >>")
	objs = append(objs,
		Stream("", "BT /F1 12 Tf 72 700 Td (a) Tj ET\n"+strings.Repeat("1 w\n", n)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	return PDF(objs, 1)
}

// ManyOpsPDF is one page whose content holds n text-showing operators.
func ManyOpsPDF(n int) []byte {
	objs := onePage("<< /Font << /F1 5 0 R >> >>")
	objs = append(objs,
		Stream("", "BT /F1 12 Tf 72 700 Td\n"+strings.Repeat("(a) Tj\n", n)+"ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	return PDF(objs, 1)
}

var (
	xrefHeadRE  = regexp.MustCompile(`xref\r?\n0 (\d+)\r?\n`)
	startxrefRE = regexp.MustCompile(`startxref\r?\n(\d+)\r?\n%%EOF\s*$`)
	trailerRE   = regexp.MustCompile(`trailer\s*<<`)
)

// XrefStart renumbers the first subsection of a PDF's cross-reference
// table to start at start ("xref\n0 80\n" becomes "xref\n<start> 80\n").
func XrefStart(pdf []byte, start uint64) []byte {
	m := xrefHeadRE.FindSubmatchIndex(pdf)
	if m == nil {
		panic("hostile: no xref table")
	}
	out := append([]byte(nil), pdf[:m[0]]...)
	out = fmt.Appendf(out, "xref\n%d %s\n", start, pdf[m[2]:m[3]])
	tail := pdf[m[1]:]
	// the table moved nothing before it; startxref still points at "xref"
	return append(out, tail...)
}

// startxref returns the offset the last startxref gives.
func startxref(pdf []byte) int {
	m := startxrefRE.FindSubmatch(pdf)
	if m == nil {
		panic("hostile: no startxref")
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// setStartxref replaces the value of the last startxref.
func setStartxref(pdf []byte, v int) []byte {
	m := startxrefRE.FindSubmatchIndex(pdf)
	out := append([]byte(nil), pdf[:m[2]]...)
	out = strconv.AppendInt(out, int64(v), 10)
	return append(out, pdf[m[3]:]...)
}

// addToTrailer inserts entries after the "<<" of the last trailer.
func addToTrailer(pdf []byte, entries string) []byte {
	ms := trailerRE.FindAllIndex(pdf, -1)
	if ms == nil {
		panic("hostile: no trailer")
	}
	at := ms[len(ms)-1][1]
	out := append([]byte(nil), pdf[:at]...)
	out = append(out, entries...)
	return append(out, pdf[at:]...)
}

// PrevSelf gives the PDF's cross-reference section a /Prev pointing to
// itself.
func PrevSelf(pdf []byte) []byte {
	return addToTrailer(pdf, fmt.Sprintf("/Prev %d ", startxref(pdf)))
}

// PrevPair appends an empty incremental update whose section and the
// original one name each other as /Prev.
func PrevPair(pdf []byte) []byte {
	first := startxref(pdf)
	// the original trailer gets a /Prev to the new section, which starts
	// where the file (with the longer trailer) ends
	placeholder := "/Prev 0000000000 "
	out := addToTrailer(pdf, placeholder)
	second := len(out)
	out = bytes.Replace(out, []byte(placeholder), fmt.Appendf(nil, "/Prev %010d ", second), 1)
	size := regexp.MustCompile(`/Size (\d+)`).FindSubmatch(pdf)
	root := regexp.MustCompile(`/Root (\d+ \d+) R`).FindSubmatch(pdf)
	return fmt.Appendf(out, "xref\n0 0\ntrailer\n<</Size %s/Root %s R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n", size[1], root[1], first, second)
}

// StartxrefPast points startxref by bytes past the end of the file.
func StartxrefPast(pdf []byte, by int) []byte {
	return setStartxref(pdf, len(pdf)+by)
}

// XrefStreamPDF is a small one-page notice whose cross-reference is a
// stream; size and index (when not empty) replace its /Size and /Index.
func XrefStreamPDF(size string, index string) []byte {
	objs := onePage("<< /Font << /F1 5 0 R >> >>")
	objs = append(objs,
		Stream("", "BT /F1 12 Tf 72 700 Td (1. Task one.) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	n := len(objs) + 2 // objects 0…5 and the xref stream 6
	var rows []byte
	row := func(typ byte, off uint32) {
		rows = append(rows, typ)
		rows = binary.BigEndian.AppendUint32(rows, off)
		rows = append(rows, 0, 0)
	}
	row(0, 0)
	for _, o := range offs {
		row(1, uint32(o))
	}
	row(1, uint32(xref))
	if size == "" {
		size = strconv.Itoa(n)
	}
	dict := fmt.Sprintf("/Type /XRef /Size %s /W [1 4 2] /Root 1 0 R", size)
	if index != "" {
		dict += " /Index " + index
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< %s /Length %d >>\nstream\n", n-1, dict, len(rows))
	b.Write(rows)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// objRE finds "N 0 obj" at a line start.
func objAt(pdf []byte, num int) int {
	re := regexp.MustCompile(fmt.Sprintf(`(?m)^%d 0 obj\b`, num))
	loc := re.FindIndex(pdf)
	if loc == nil {
		panic(fmt.Sprintf("hostile: object %d not found", num))
	}
	return loc[0]
}

// streamData returns the start and end of the data of the stream object
// num (between "stream\n" and "endstream").
func streamData(pdf []byte, num int) (int, int) {
	at := objAt(pdf, num)
	s := bytes.Index(pdf[at:], []byte("stream\n")) + at + len("stream\n")
	e := bytes.Index(pdf[s:], []byte("endstream")) + s
	return s, e
}

// FlipToUnicode flips one bit in the middle of the compressed data of the
// ToUnicode stream of the font that draws most of the text.
func FlipToUnicode(pdf []byte) []byte {
	num := largestToUnicode(pdf)
	s, e := streamData(pdf, num)
	out := append([]byte(nil), pdf...)
	out[s+(e-s)/2] ^= 0x10
	return out
}

// largestToUnicode returns the object number of the longest ToUnicode
// stream.
func largestToUnicode(pdf []byte) int {
	best, bestLen := 0, 0
	for _, m := range regexp.MustCompile(`/ToUnicode (\d+) 0 R`).FindAllSubmatch(pdf, -1) {
		num, _ := strconv.Atoi(string(m[1]))
		s, e := streamData(pdf, num)
		if e-s > bestLen {
			best, bestLen = num, e-s
		}
	}
	return best
}

// ZeroLengthPage1 sets the /Length of page 1's content stream to 0 (the
// data stays, as a tool that rewrote the dictionary wrongly leaves it).
func ZeroLengthPage1(pdf []byte) []byte {
	kids := regexp.MustCompile(`/Kids\s*\[\s*(\d+) 0 R`).FindSubmatch(pdf)
	page, _ := strconv.Atoi(string(kids[1]))
	at := objAt(pdf, page)
	contents := regexp.MustCompile(`/Contents (\d+) 0 R`).FindSubmatch(pdf[at:])
	cnum, _ := strconv.Atoi(string(contents[1]))
	at = objAt(pdf, cnum)
	length := regexp.MustCompile(`/Length (\d+)( 0 R)?`).FindSubmatchIndex(pdf[at:])
	out := append([]byte(nil), pdf...)
	if length[4] < 0 { // a direct length: overwrite in place, padded
		for i := at + length[2]; i < at+length[3]; i++ {
			out[i] = ' '
		}
		out[at+length[2]] = '0'
		return out
	}
	lnum, _ := strconv.Atoi(string(pdf[at+length[2] : at+length[3]]))
	lat := objAt(out, lnum)
	v := regexp.MustCompile(`obj\s*(\d+)`).FindSubmatchIndex(out[lat:])
	for i := lat + v[2]; i < lat+v[3]; i++ {
		out[i] = ' '
	}
	out[lat+v[2]] = '0'
	return out
}

// Deflate compresses data with zlib (for PDF streams).
func Deflate(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}
