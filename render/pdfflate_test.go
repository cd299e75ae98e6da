package render

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/duban/duban/templates"
)

// fpdfPages writes a few pages of text and lines with fpdf itself, its own
// page compression on or off.
func fpdfPages(t *testing.T, compress bool) []byte {
	t.Helper()
	text := "第一项任务：市教育局牵头，2024年12月底前完成。"
	need := map[rune]bool{}
	for _, r := range text + "0123456789" {
		need[r] = true
	}
	font, err := fonts.cutFor(templates.Font(), need)
	if err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(compress)
	p.AddUTF8FontFromBytes("doc", "", font)
	p.SetFont("doc", "", 10)
	now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(now)
	p.SetModificationDate(now)
	for page := range 5 {
		p.AddPage()
		for i := range 40 * (page + 1) % 90 {
			p.Text(20, 20+float64(i%60)*4, strings.Repeat(text, 1+i%3)[:len(text)])
			p.Line(10, 10+float64(i), 200, 10+float64(i))
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The pages compressed by deflatePages give the very file fpdf writes when
// it compresses them itself.
func TestDeflatePagesAsFpdf(t *testing.T) {
	want := fpdfPages(t, true)
	plain := fpdfPages(t, false)
	if bytes.Equal(want, plain) {
		t.Fatal("fpdf wrote the same file with and without compression")
	}
	got, err := deflatePages(plain)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("deflatePages: %d bytes, fpdf compressing: %d bytes; they differ", len(got), len(want))
	}
	// Written whole (as fpdf does) or in parts, the writer gives the same.
	for _, parts := range [][][]byte{{plain}, {plain[:100], plain[100:1000], plain[1000:]}} {
		var w deflateWriter
		for _, p := range parts {
			if n, err := w.Write(p); n != len(p) || err != nil {
				t.Fatalf("Write: %d, %v", n, err)
			}
		}
		if got, err := w.result(); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%d parts: %d bytes, %v", len(parts), len(got), err)
		}
	}
}

// A document's pages are compressed streams that decompress to drawing
// operators.
func TestDocPagesCompressed(t *testing.T) {
	d := newPDFDoc(pageSetup{}, templates.Font())
	d.Now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	d.Title("压缩测试", 16)
	for range 80 {
		d.Text("每一页的内容都压缩后写入。", 10, "L")
	}
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if d.Pages() < 2 {
		t.Fatalf("%d pages, want several", d.Pages())
	}
	if n := bytes.Count(b, []byte("/Filter /FlateDecode /Length")); n != d.Pages() {
		t.Errorf("%d compressed page streams, want %d", n, d.Pages())
	}
	_, offs, _, err := fpdfXref(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range offs[1:] {
		if !bytes.HasPrefix(b[o:], []byte(itoa(i+1)+" 0 obj\n")) {
			t.Fatalf("xref: object %d is not at offset %d", i+1, o)
		}
	}
	i := bytes.Index(b, []byte("/Filter /FlateDecode /Length"))
	s := bytes.Index(b[i:], []byte("stream\n")) + i + len("stream\n")
	z, err := zlib.NewReader(bytes.NewReader(b[s:]))
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(" Tj")) {
		t.Errorf("first page stream holds no text: %.200q", page)
	}
}

func TestDeflatePagesRefusesOthers(t *testing.T) {
	for _, b := range []string{"", "%PDF-1.3\n", "%PDF-1.3\nxref\n0 1\nstartxref\n9\n%%EOF\n", "startxref\n99999\n%%EOF"} {
		if _, err := deflatePages([]byte(b)); err == nil {
			t.Errorf("%q: no error", b)
		}
	}
}
