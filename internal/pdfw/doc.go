// Package pdfw writes PDF files as it goes: each page's drawing is
// compressed and written to the io.Writer as soon as the page ends, so a
// document of any length holds only its current page in memory. Text is
// set in one embedded TrueType font (Type0/CIDFontType2, Identity-H, the
// CID being the glyph id) of which only the glyphs drawn are embedded,
// with a ToUnicode map so that text extraction gives the text back.
//
// Coordinates are millimetres from the top-left corner of the page; font
// sizes are points. A page has two content streams: its body, written
// when the page ends, and a small footer, drawn by the Close callback once
// the total number of pages is known ("第 3 页 共 12 页").
//
//	doc, _ := pdfw.New(w, font, pdfw.Options{Size: "A4", Landscape: true})
//	p := doc.NewPage()
//	p.Text(20, 30, 12, "任务清单")
//	doc.EndPage()
//	err := doc.Close(func(p *pdfw.Page, n, total int) { … })
package pdfw

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Options are a document's paper and metadata.
type Options struct {
	Size      string // A1–A6, Letter, Legal, Tabloid (default A4)
	Landscape bool
	Producer  string
	Created   time.Time // CreationDate and ModDate (zero: none)
}

// ptPerMM converts millimetres to points.
const ptPerMM = 72 / 25.4

// pageSizes are portrait sizes in points.
var pageSizes = map[string][2]float64{
	"a1": {1683.78, 2383.94}, "a2": {1190.55, 1683.78}, "a3": {841.89, 1190.55},
	"a4": {595.28, 841.89}, "a5": {420.94, 595.28}, "a6": {297.64, 420.94},
	"letter": {612, 792}, "legal": {612, 1008}, "tabloid": {792, 1224},
}

// PageSize gives the width and height in mm of a paper size ("" is A4).
func PageSize(size string, landscape bool) (w, h float64, err error) {
	if size == "" {
		size = "A4"
	}
	s, ok := pageSizes[strings.ToLower(size)]
	if !ok {
		return 0, 0, fmt.Errorf("unknown page size %q", size)
	}
	if landscape {
		s[0], s[1] = s[1], s[0]
	}
	return s[0] / ptPerMM, s[1] / ptPerMM, nil
}

// Doc is a PDF being written.
type Doc struct {
	out    *bufio.Writer
	dst    io.Writer
	n      int64 // bytes written
	err    error
	font   *Font
	opt    Options
	wPt    float64
	hPt    float64
	offs   []int64         // per object number (index 0 unused)
	bodies []int           // object number of each page's body stream
	used   map[uint16]rune // glyphs drawn, with the text each stands for
	seen   []uint64        // bitset of used's keys, checked per glyph
	page   *Page
	zbuf   bytes.Buffer
	closed bool
}

// New starts a document on w in font.
func New(w io.Writer, font *Font, opt Options) (*Doc, error) {
	if font == nil {
		return nil, errors.New("pdfw: no font")
	}
	wmm, hmm, err := PageSize(opt.Size, opt.Landscape)
	if err != nil {
		return nil, err
	}
	d := &Doc{dst: w, font: font, opt: opt, wPt: wmm * ptPerMM, hPt: hmm * ptPerMM,
		offs: []int64{0}, used: map[uint16]rune{}, seen: make([]uint64, 1024)}
	d.out = bufio.NewWriterSize(countWriter{d}, 32<<10)
	d.printf("%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n")
	return d, d.err
}

// countWriter counts what reaches the destination.
type countWriter struct{ d *Doc }

func (c countWriter) Write(b []byte) (int, error) {
	n, err := c.d.dst.Write(b)
	c.d.n += int64(n)
	return n, err
}

func (d *Doc) printf(format string, a ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.out, format, a...)
	}
}

func (d *Doc) write(b []byte) {
	if d.err == nil {
		_, d.err = d.out.Write(b)
	}
}

// offset is the position of the next byte in the file.
func (d *Doc) offset() int64 { return d.n + int64(d.out.Buffered()) }

// alloc reserves an object number.
func (d *Doc) alloc() int {
	d.offs = append(d.offs, -1)
	return len(d.offs) - 1
}

// begin starts object num at the current offset.
func (d *Doc) begin(num int) {
	d.offs[num] = d.offset()
	d.printf("%d 0 obj\n", num)
}

// stream writes object num as a stream of data (already deflated when
// deflated is set) with extra dictionary entries.
func (d *Doc) stream(num int, data []byte, deflated bool, extra string) {
	d.begin(num)
	filter := ""
	if deflated {
		filter = "/Filter /FlateDecode "
	}
	d.printf("<< %s/Length %d%s >>\nstream\n", filter, len(data), extra)
	d.write(data)
	d.printf("\nendstream\nendobj\n")
}

// deflated writes object num as the compressed stream of raw.
func (d *Doc) deflated(num int, raw []byte, extra string) {
	d.zbuf.Reset()
	if err := deflate(&d.zbuf, raw); err != nil && d.err == nil {
		d.err = err
	}
	d.stream(num, d.zbuf.Bytes(), true, extra)
}

// Err is the first error of the document (a failed write, a page drawn
// out of turn).
func (d *Doc) Err() error { return d.err }

// Pages is the number of pages ended so far.
func (d *Doc) Pages() int { return len(d.bodies) }

// NewPage starts a page (ending the current one, if any).
func (d *Doc) NewPage() *Page {
	if d.page != nil {
		d.EndPage()
	}
	d.page = newPage(d)
	return d.page
}

// EndPage writes the current page's body.
func (d *Doc) EndPage() {
	p := d.page
	if p == nil {
		return
	}
	d.page = nil
	p.finish()
	num := d.alloc()
	d.bodies = append(d.bodies, num)
	d.deflated(num, p.buf, "")
	p.release()
}

// Close ends the current page, draws every page's footer with footer (nil:
// none) once the total is known, writes the page tree, the font and the
// cross-reference table, and flushes. The document is never usable after.
func (d *Doc) Close(footer func(p *Page, n, total int)) error {
	if d.closed {
		return errors.New("pdfw: closed twice")
	}
	d.closed = true
	d.EndPage()
	if len(d.bodies) == 0 {
		d.NewPage()
		d.EndPage()
	}
	total := len(d.bodies)
	fontRef := d.alloc()
	root := d.alloc()
	kids := make([]int, total)
	for i, body := range d.bodies {
		p := newPage(d)
		if footer != nil {
			footer(p, i+1, total)
		}
		p.finish()
		foot := d.alloc()
		d.deflated(foot, p.buf, "")
		p.release()
		kids[i] = d.alloc()
		d.begin(kids[i])
		d.printf("<< /Type /Page /Parent %d 0 R /Contents [%d 0 R %d 0 R] >>\nendobj\n", root, body, foot)
	}
	d.begin(root)
	var b strings.Builder
	for _, k := range kids {
		b.WriteString(strconv.Itoa(k))
		b.WriteString(" 0 R ")
	}
	d.printf("<< /Type /Pages /Count %d /MediaBox [0 0 %s %s] /Resources << /Font << /F1 %d 0 R >> /ProcSet [/PDF /Text] >>\n/Kids [ %s] >>\nendobj\n",
		total, num(d.wPt), num(d.hPt), fontRef, b.String())
	if err := d.writeFont(fontRef); err != nil && d.err == nil {
		d.err = err
	}
	info := d.alloc()
	d.begin(info)
	d.printf("<< /Producer %s", pdfString(d.opt.Producer))
	if !d.opt.Created.IsZero() {
		t := pdfDate(d.opt.Created)
		d.printf(" /CreationDate %s /ModDate %s", pdfString(t), pdfString(t))
	}
	d.printf(" >>\nendobj\n")
	catalog := d.alloc()
	d.begin(catalog)
	d.printf("<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", root)
	xref := d.offset()
	d.printf("xref\n0 %d\n0000000000 65535 f \n", len(d.offs))
	for _, o := range d.offs[1:] {
		d.printf("%010d 00000 n \n", o)
	}
	id := md5.Sum([]byte(fmt.Sprintf("%d %d %s", xref, total, pdfDate(d.opt.Created))))
	d.printf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(d.offs), catalog, info, id, id, xref)
	if d.err == nil {
		d.err = d.out.Flush()
	}
	return d.err
}

// pdfDate is D:YYYYMMDDHHmmSS with the zone.
func pdfDate(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return fmt.Sprintf("%s%s%02d'%02d'", s, sign, off/3600, off/60%60)
}

// pdfString writes s as a PDF text string: literal when it is printable
// ASCII, else UTF-16BE with a byte-order mark, in hex.
func pdfString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, r := range s {
		for _, u := range utf16Units(r) {
			fmt.Fprintf(&b, "%04X", u)
		}
	}
	b.WriteString(">")
	return b.String()
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
}

// num formats a length in points with at most two decimals.
func num(v float64) string {
	return string(appendNum(nil, v))
}

func appendNum(b []byte, v float64) []byte {
	b = strconv.AppendFloat(b, v, 'f', 2, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if len(b) == 2 && b[0] == '-' && b[1] == '0' {
		b = b[:1]
		b[0] = '0'
	}
	return b
}
