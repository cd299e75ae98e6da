package pdf

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/duban/duban/extract/document"
)

const (
	samplePDF = "../../testdata/lianyungang-2024-22.pdf"
	sampleTXT = "../../seeds/lianyungang-2024-22.txt"
)

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func readPDFFile(t testing.TB, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Reader{}.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPDFSampleMatchesTXT compares the reconstructed paragraphs of the
// sample PDF with the same notice as text: the whole body equal up to
// whitespace, every paragraph of the text found whole in one PDF block,
// no page number or header left, pages and lines in order.
func TestPDFSampleMatchesTXT(t *testing.T) {
	d := readPDFFile(t, samplePDF)
	raw, err := os.ReadFile(sampleTXT)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != "pdf" || d.Pages != 13 {
		t.Errorf("format %q, %d pages", d.Format, d.Pages)
	}
	var body strings.Builder
	blocks := blockTexts(d)
	for _, b := range blocks {
		body.WriteString(squeeze(b))
	}
	want := squeeze(string(raw))
	if got := body.String(); got != want {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("body differs from the TXT at byte %d:\n got  …%s\n want …%s", i, clip(got[i:]), clip(want[i:]))
	}
	// Paragraph boundaries: every block starts where a TXT paragraph
	// starts, and a TXT paragraph start that is no block start is a piece
	// of a paragraph the TXT split at an old page break (the paragraph
	// before it does not end a sentence).
	starts := map[int]bool{}
	off := 0
	for _, b := range blocks {
		starts[off] = true
		off += len(squeeze(b))
	}
	off = 0
	prev := ""
	for _, p := range strings.Split(string(raw), "\n") {
		p = squeeze(p)
		if p == "" {
			continue
		}
		if !starts[off] && strings.ContainsAny(lastRune(prev), "。；！？）)〕") {
			t.Errorf("TXT paragraph %q joined to the one before", clip(p))
		}
		delete(starts, off)
		off += len(p)
		prev = p
	}
	for o := range starts {
		t.Errorf("block starts inside a TXT paragraph: %q", clip(want[o:]))
	}
	pageNum := regexp.MustCompile(`[—-]\s*\d+\s*[—-]`)
	line, page := 0, 1
	for _, b := range d.Blocks {
		if isPDFPageNumber(b.Text) || pageNum.MatchString(b.Text) {
			t.Errorf("page number left: %q", b.Text)
		}
		if b.Line <= line || b.Page < page || b.Page > d.Pages {
			t.Errorf("block %q: line %d page %d after line %d page %d", clip(b.Text), b.Line, b.Page, line, page)
		}
		line, page = b.Line, b.Page
	}
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		r = r[:40]
	}
	return string(r)
}

// BenchmarkReadPDF reads and reconstructs the sample PDF.
func BenchmarkReadPDF(b *testing.B) {
	data, err := os.ReadFile(samplePDF)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Reader{}).Read(samplePDF, data); err != nil {
			b.Fatal(err)
		}
	}
}
