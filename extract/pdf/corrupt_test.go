package pdf

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/hostile"
)

// readBounded reads data with the PDF reader in a goroutine and fails the
// test if it panics or takes longer than limit.
func readBounded(t *testing.T, name string, data []byte, limit time.Duration) (*document.Document, error) {
	t.Helper()
	type result struct {
		d   *document.Document
		err error
		p   any
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			r.p = recover()
			done <- r
		}()
		r.d, r.err = Reader{}.Read(name, data)
	}()
	select {
	case r := <-done:
		if r.p != nil {
			t.Fatalf("%s: panic: %v", name, r.p)
		}
		if r.err == nil && r.d == nil {
			t.Fatalf("%s: neither document nor error", name)
		}
		return r.d, r.err
	case <-time.After(limit):
		t.Fatalf("%s: read did not finish within %v", name, limit)
	}
	return nil, nil
}

// corruptVariants returns damaged copies of data: truncations at 10, 50
// and 90 %, then n copies with 1 to 16 random bytes replaced (fixed seed).
func corruptVariants(data []byte, n int, seed int64) map[string][]byte {
	out := map[string][]byte{}
	for _, pct := range []int{10, 50, 90} {
		out[fmt.Sprintf("truncated-%d%%", pct)] = data[:len(data)*pct/100]
	}
	rng := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		v := append([]byte(nil), data...)
		flips := 1 + rng.Intn(16)
		for k := 0; k < flips; k++ {
			v[rng.Intn(len(v))] = byte(rng.Intn(256))
		}
		out[fmt.Sprintf("flipped-%03d", i)] = v
	}
	return out
}

// TestPDFCorrupted reads damaged copies of the sample and of the fpdf
// notice: never a panic, never a hang, always a document or an error that
// names the file.
func TestPDFCorrupted(t *testing.T) {
	sample, err := os.ReadFile(samplePDF)
	if err != nil {
		t.Fatal(err)
	}
	sets := []struct {
		name string
		data []byte
		n    int
	}{
		{"sample", sample, 160},
		{"fpdf", fpdfNotice(t), 60},
	}
	docs, errs := 0, 0
	for _, set := range sets {
		for v, data := range corruptVariants(set.data, set.n, 20241122) {
			name := set.name + "-" + v + ".pdf"
			d, err := readBounded(t, name, data, 10*time.Second)
			if err != nil {
				errs++
				if !strings.HasPrefix(err.Error(), name+": ") {
					t.Errorf("error does not name the file: %v", err)
				}
				continue
			}
			docs++
			if d.Format != "pdf" || d.Pages < 1 {
				t.Errorf("%s: document %+v", name, d)
			}
		}
	}
	t.Logf("%d variants read, %d refused", docs, errs)
	if docs == 0 || errs == 0 {
		t.Errorf("expected both outcomes among the variants (%d read, %d refused)", docs, errs)
	}
}

// FuzzPDF feeds arbitrary bytes to the PDF reader: it must return a
// document or an error, never panic or hang. The seeds are small PDFs
// exercising fonts, CMaps, forms, rotation and tables.
func FuzzPDF(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	// the hostile cross-reference chains and resources of issues 16 and 17
	small := hostile.SmallPDF()
	for _, s := range [][]byte{
		hostile.XrefStart(small, 4294967295), hostile.PrevSelf(small), hostile.PrevPair(small),
		hostile.StartxrefPast(small, 100<<20), hostile.XrefStreamPDF("2147483648", ""),
		hostile.XrefStreamPDF("", "[4294967290 7]"), hostile.ManyFontsPDF(5), hostile.ZeroLengthPage1(small),
		hostile.ManyFontsPDF(4097), // one font over the budget (134 KB)
	} {
		f.Add(s)
	}
	// a PDF with a scanned page among typeset ones; OCR is played by a
	// stand-in, so that no input starts tesseract
	f.Add(mixedPDF())
	var asked []int
	old := recognisePages
	f.Cleanup(func() { recognisePages = old })
	recognisePages = fakeOCR(&asked, nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		asked = asked[:0]
		d, err := readBounded(t, "fuzz.pdf", data, 20*time.Second)
		if err == nil && d.Format != "pdf" {
			t.Errorf("format %q", d.Format)
		}
	})
}

// fuzzSeeds are the small PDFs the fuzz corpus starts from (also
// written to testdata/fuzz/FuzzPDF by TestPDFWriteFuzzSeeds).
func fuzzSeeds() [][]byte {
	tj := func(s string) string { return "<" + utf16Hex(s) + ">" }
	return [][]byte{
		pagesPDF(0, "", cjk(72, 700, 16, "完成时间：")+latin(152, 700, 16, "10")+cjk(170, 700, 16, "月底前")),
		pagesPDF(90, "", "BT /F1 16 Tf 0 1 -1 0 300 100 Tm "+tj("第二行")+" Tj ET"),
		pagesPDF(0, streamObj("/Type /XObject /Subtype /Form /BBox [0 0 595 842]", cjk(0, 600, 16, "表单"), false),
			"q 1 0 0 1 100 0 cm /X1 Do Q BT /F2 12 Tf 50 Tz 4 Ts 30 TL 72 700 Td (ab) Tj (cd) ' 1 2 (ef) \" ET"),
		pagesPDF(0, "", "60 500 100 50 re S 160 500 100 50 re S 60 550 100 50 re S 160 550 100 50 re S "+
			cjk(64, 560, 12, "序号")+cjk(164, 560, 12, "任务")+latin(64, 510, 12, "1")+cjk(164, 510, 12, "推进")),
		pagesPDF(0, "", "/Artifact BMC "+cjk(72, 800, 10, "页眉")+" EMC "+cjk(72, 700, 16, "正文"), cjk(72, 700, 16, "第二页")+cjk(280, 60, 12, "-2-")),
	}
}

// TestPDFWriteFuzzSeeds writes the fuzz seeds as corpus files when
// PDF_WRITE_SEEDS is set, and otherwise checks that they read.
func TestPDFWriteFuzzSeeds(t *testing.T) {
	for i, s := range fuzzSeeds() {
		if _, err := (Reader{}).Read("seed.pdf", s); err != nil {
			t.Errorf("seed %d: %v", i, err)
		}
		if os.Getenv("PDF_WRITE_SEEDS") == "" {
			continue
		}
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s)
		path := fmt.Sprintf("testdata/fuzz/FuzzPDF/seed-%d", i)
		if err := os.MkdirAll("testdata/fuzz/FuzzPDF", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+".tmp", []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPDFRepairedXref reads the sample with its cross-reference table
// made useless — every offset shifted, or table and trailer cut off — and
// expects the same document as from the intact file.
func TestPDFRepairedXref(t *testing.T) {
	data, err := os.ReadFile(samplePDF)
	if err != nil {
		t.Fatal(err)
	}
	want := blockTexts(readPDFFile(t, samplePDF))
	nl := bytes.IndexByte(data, '\n') + 1
	shifted := append(append(append([]byte{}, data[:nl]...), "%inserted by a mail gateway\n"...), data[nl:]...)
	x := bytes.LastIndex(data, []byte("\nxref"))
	cut := append(append([]byte{}, data[:x+1]...), "%%EOF\n"...)
	for name, v := range map[string][]byte{"shifted": shifted, "no xref": cut} {
		d, err := readBounded(t, name+".pdf", v, 10*time.Second)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := blockTexts(d); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d blocks differ from the intact file's %d", name, len(got), len(want))
		}
	}
}
