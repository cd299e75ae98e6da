package pdf

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/limits"
)

// hostilePDFs are the damaged cross-reference chains of issue 16 and
// issue 17 item 1, made from the sample.
func hostilePDFs(t testing.TB) map[string][]byte {
	sample, err := os.ReadFile("../../testdata/lianyungang-2024-22.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"xref-start-4294967295": hostile.XrefStart(sample, 4294967295),
		"xref-start-2147483647": hostile.XrefStart(sample, 2147483647),
		"xref-start-100000000":  hostile.XrefStart(sample, 100_000_000),
		"xref-start-50000000":   hostile.XrefStart(sample, 50_000_000),
		"prev-self":             hostile.PrevSelf(sample),
		"prev-pair":             hostile.PrevPair(sample),
		"startxref-past-end":    hostile.StartxrefPast(sample, 100<<20),
	}
}

// TestPDFHostileXref reads the sample with its cross-reference chain
// damaged: a subsection starting at 2^32−1 made the library allocate
// 128 GiB (a fatal error no recover catches), one at 10^8 took 3 GB, a
// /Prev loop ran until the read budget was spent. Each must read as the
// sample does, in bounded time and memory.
func TestPDFHostileXref(t *testing.T) {
	sample, err := os.ReadFile("../../testdata/lianyungang-2024-22.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Reader{}.Read("sample.pdf", sample)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range hostilePDFs(t) {
		t.Run(name, func(t *testing.T) {
			var doc *document.Document
			var err error
			d, alloc := hostile.Cost(func() { doc, err = readBounded(t, name+".pdf", data, 20*time.Second) })
			if err != nil {
				t.Fatalf("%v", err)
			}
			if !reflect.DeepEqual(doc.Blocks, want.Blocks) {
				t.Errorf("the text differs from the sample's")
			}
			if d > 20*time.Second || alloc > 300<<20 {
				t.Errorf("took %v and %d MB", d, alloc>>20)
			}
		})
	}
}

// TestPDFHostileXrefStream: an xref stream whose /Size or /Index names
// object numbers of 2^31 and more is refused or rebuilt before the library
// allocates by it.
func TestPDFHostileXrefStream(t *testing.T) {
	for name, data := range map[string][]byte{
		"ok":         hostile.XrefStreamPDF("", ""),
		"size-2^31":  hostile.XrefStreamPDF("2147483648", ""),
		"index-2^32": hostile.XrefStreamPDF("", "[4294967290 7]"),
		"index-neg":  hostile.XrefStreamPDF("", "[-5 7]"),
	} {
		t.Run(name, func(t *testing.T) {
			var doc *document.Document
			var err error
			d, alloc := hostile.Cost(func() { doc, err = readBounded(t, name+".pdf", data, 20*time.Second) })
			if err != nil {
				t.Fatalf("%v", err)
			}
			if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "1. Task one." {
				t.Errorf("blocks %+v", doc.Blocks)
			}
			if d > 20*time.Second || alloc > 100<<20 {
				t.Errorf("took %v and %d MB", d, alloc>>20)
			}
		})
	}
}

// TestPDFManyFonts: a page naming 50,000 fonts took 17 s and 3.7 GB (every
// font's cache key held the text of the whole font dictionary). Over the
// resource budget it is an error naming the limit, at once; under it, it
// reads.
func TestPDFManyFonts(t *testing.T) {
	for _, n := range []int{100_000, 50_000, 4_097, 4_096} {
		data := hostile.ManyFontsPDF(n)
		var doc *document.Document
		var err error
		d, alloc := hostile.Cost(func() { doc, err = readBounded(t, "fonts.pdf", data, 20*time.Second) })
		t.Logf("%d fonts: %v, %d MB", n, d, alloc>>20)
		if n > 4096 {
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("fonts.pdf: page 1: %d Font resources: resources over the limit of 4096", n)) {
				t.Errorf("%d fonts: %v", n, err)
			}
		} else if err != nil || len(doc.Blocks) == 0 {
			t.Errorf("%d fonts: %v", n, err)
		}
		if d > 20*time.Second || alloc > 500<<20 {
			t.Errorf("%d fonts: took %v and %d MB", n, d, alloc>>20)
		}
	}
}

// TestPDFDamageWarned: damage the reader reads past is said (issue 17
// item 7). One flipped bit in a ToUnicode stream garbled 43 of 58 tasks
// without a word; a page-1 content stream with /Length 0 dropped page 1
// (文号 and title) silently: it is now read to its endstream, as
// pdftotext does, with a warning.
func TestPDFDamageWarned(t *testing.T) {
	sample, err := os.ReadFile("../../testdata/lianyungang-2024-22.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Reader{}.Read("sample.pdf", sample)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Warnings) != 0 {
		t.Fatalf("the sample has warnings: %q", want.Warnings)
	}
	flipped, err := Reader{}.Read("x.pdf", hostile.FlipToUnicode(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(flipped.Warnings) != 1 || !strings.Contains(flipped.Warnings[0], "字符映射表（ToUnicode）已损坏") {
		t.Errorf("flipped ToUnicode bit: warnings %q", flipped.Warnings)
	}
	zero, err := Reader{}.Read("x.pdf", hostile.ZeroLengthPage1(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(zero.Warnings) != 1 || !strings.Contains(zero.Warnings[0], "长度（/Length）与实际不符") {
		t.Errorf("/Length 0: warnings %q", zero.Warnings)
	}
	if !reflect.DeepEqual(zero.Blocks, want.Blocks) {
		t.Errorf("/Length 0: the text differs from the sample's")
	}
}

// TestPDFBudgetMessages: each bound of interpretation reached is an error
// naming the file, the page and the limit, as the other readers' are (it
// was "page 1: content too large (limit reached)" for all of them).
func TestPDFBudgetMessages(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"ops", hostile.IdleOpsPDF(limits.PDFOpsPerPage), "ops.pdf: page 1: content operators of one page over the limit of 4000000"},
		{"forms", hostile.SelfFormPDF(3), "forms.pdf: page 1: form XObjects run on one page over the limit of 2000"},
	} {
		var err error
		_, alloc := hostile.Cost(func() { _, err = readBounded(t, c.name+".pdf", c.data, 20*time.Second) })
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
		if alloc > 200<<20 { // the 16 MB file, its copies and the page's interpreter
			t.Errorf("%s: allocated %d MB", c.name, alloc>>20)
		}
	}
}
