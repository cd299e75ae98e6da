package pdfw

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban/extract/pdf"
	"github.com/duban/duban/templates"
)

var (
	fontOnce sync.Once
	wqy      *Font
	wqyErr   error
)

func testFont(t testing.TB) *Font {
	t.Helper()
	fontOnce.Do(func() { wqy, wqyErr = ParseFont(templates.Font()) })
	if wqyErr != nil {
		t.Fatal(wqyErr)
	}
	return wqy
}

func tool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
}

// run runs a poppler/qpdf tool and fails on an error or on anything it
// says on stderr.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	tool(t, name)
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, errb.String())
	}
	if errb.Len() > 0 {
		t.Errorf("%s %v said: %s", name, args, errb.String())
	}
	return out.String()
}

// pages of the test document: CJK, ASCII and CJK punctuation.
var testLines = [][]string{
	{"关于印发《连云港市2024年重点工作任务分解》的通知", "各县区人民政府，市各委办局：", "（一）加快推进“十四五”规划实施。"},
	{"ASCII text: 1,234.5 (ok) [a] {b} <c> \\ / % #", "市发改委牵头，市财政局、市商务局配合；2024年12月底前完成。"},
	{"全角标点：，。、；：？！“”‘’（）【】《》……——·", "第三页最后一行。"},
}

func writeTestDoc(t testing.TB, w *bytes.Buffer) {
	if err := testDoc(testFont(t), w); err != nil {
		t.Fatal(err)
	}
}

func testDoc(font *Font, w io.Writer) error {
	doc, err := New(w, font, Options{Size: "A4", Landscape: true, Producer: "duban", Created: time.Date(2024, 6, 1, 8, 0, 0, 0, time.UTC)})
	if err != nil {
		return err
	}
	for _, lines := range testLines {
		p := doc.NewPage()
		p.SetStrokeColor(90, 90, 90)
		p.SetLineWidth(0.2)
		p.SetFillColor(217, 226, 243)
		p.Rect(10, 10, 100, 8, true, true)
		p.Line(10, 100, 200, 100)
		for i, line := range lines {
			p.SetTextColor(0, 0, 0)
			if i == 1 {
				p.SetTextColor(192, 0, 0)
			}
			p.Text(12, 20+float64(i)*10, 12, line)
		}
		doc.EndPage()
	}
	return doc.Close(func(p *Page, n, total int) {
		p.SetTextColor(64, 64, 64)
		p.Text(12, p.Height()-6, 8, "第 "+strconv.Itoa(n)+" 页 共 "+strconv.Itoa(total)+" 页")
	})
}

func TestWriterText(t *testing.T) {
	var buf bytes.Buffer
	writeTestDoc(t, &buf)
	path := filepath.Join(t.TempDir(), "t.pdf")
	if d := os.Getenv("DUBAN_KEEP"); d != "" {
		path = filepath.Join(d, "pdfw.pdf")
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(pages) != len(testLines) {
		t.Fatalf("%d pages of text, want %d", len(pages), len(testLines))
	}
	for i, lines := range testLines {
		want := strings.Join(lines, "\n") + "\n第 " + strconv.Itoa(i+1) + " 页 共 3 页\n"
		if pages[i] != want {
			t.Errorf("page %d:\n got %q\nwant %q", i+1, pages[i], want)
		}
	}
	info := strings.Join(strings.Fields(run(t, "pdfinfo", path)), " ")
	for _, want := range []string{"Pages: 3", "Page size: 841.89 x 595.28 pts (A4)", "Producer: duban", "CreationDate: Sat Jun 1 08:00:00 2024 UTC"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	fonts := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], "CID TrueType") || !strings.Contains(lines[2], "Identity-H") ||
		!strings.Contains(lines[2], " yes yes yes ") || !strings.Contains(lines[2], "+") {
		t.Errorf("pdffonts:\n%s", fonts)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// TestWriterRendersCJK rasterises lines of 一 and of 田: a subset that
// lost its outlines draws nothing, and one drawing empty boxes (.notdef)
// draws the same ink for both; the real glyphs differ several times over.
func TestWriterRendersCJK(t *testing.T) {
	tool(t, "pdftoppm")
	var buf bytes.Buffer
	doc, err := New(&buf, testFont(t), Options{Size: "A5"})
	if err != nil {
		t.Fatal(err)
	}
	p := doc.NewPage()
	p.Text(10, 20, 24, strings.Repeat("一", 10))
	p.Text(10, 40, 24, strings.Repeat("田", 10))
	if err := doc.Close(nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "t.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	// 72 dpi: 1 mm is 2.835 px; each band is 12 mm above its baseline.
	ink := func(top float64) int {
		name := filepath.Join(dir, "b"+strconv.Itoa(int(top)))
		y := strconv.Itoa(int(top * 2.835))
		run(t, "pdftoppm", "-r", "72", "-gray", "-singlefile", "-x", "28", "-y", y, "-W", "240", "-H", "34", path, name)
		img, err := os.ReadFile(name + ".pgm")
		if err != nil {
			t.Fatal(err)
		}
		dark := 0
		for _, v := range img[len(img)-240*34:] {
			if v < 128 {
				dark++
			}
		}
		return dark
	}
	one, field := ink(9), ink(29)
	if one < 50 || field < 3*one {
		t.Errorf("dark pixels: 一 %d, 田 %d; want ink, and 田 several times 一", one, field)
	}
}

func TestWriterPageSizes(t *testing.T) {
	for _, c := range []struct {
		size      string
		landscape bool
		w, h      float64
	}{{"", false, 210, 297}, {"a3", true, 420, 297}, {"Letter", false, 215.9, 279.4}} {
		w, h, err := PageSize(c.size, c.landscape)
		if err != nil || w-c.w > 0.01 || c.w-w > 0.01 || h-c.h > 0.01 || c.h-h > 0.01 {
			t.Errorf("PageSize(%q, %v) = %v %v %v", c.size, c.landscape, w, h, err)
		}
	}
	if _, _, err := PageSize("B9", false); err == nil {
		t.Error("unknown size accepted")
	}
}

// A character the font lacks is drawn as □, and read back as □.
func TestWriterMissingGlyph(t *testing.T) {
	if _, ok := testFont(t).Glyph('\uE000'); ok {
		t.Fatal("test premise: the font has U+E000")
	}
	var buf bytes.Buffer
	doc, err := New(&buf, testFont(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := doc.NewPage()
	p.Text(10, 10, 10, "a\U0001F600b\uE000c")
	if err := doc.Close(nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	if got := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"); got != "a□b□c\n\f" {
		t.Errorf("text %q", got)
	}
}

// failAfter fails every write after n bytes.
type failAfter struct{ n int }

func (f *failAfter) Write(b []byte) (int, error) {
	if len(b) > f.n {
		k := f.n
		f.n = 0
		return k, errors.New("disk full")
	}
	f.n -= len(b)
	return len(b), nil
}

func TestWriterFailingWriter(t *testing.T) {
	var full bytes.Buffer
	writeTestDoc(t, &full)
	for _, n := range []int{0, 10, full.Len() / 2, full.Len() - 10} {
		err := testDoc(testFont(t), &failAfter{n: n})
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("failing after %d bytes: err = %v", n, err)
		}
	}
}

// The same document is the same bytes.
func TestWriterReproducible(t *testing.T) {
	var a, b bytes.Buffer
	writeTestDoc(t, &a)
	writeTestDoc(t, &b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of one document differ")
	}
}

func TestParseFontRefuses(t *testing.T) {
	full := templates.Font()
	for name, b := range map[string][]byte{
		"empty": nil, "short": full[:11], "otf": append([]byte("OTTO"), full[4:100]...),
		"truncated directory": full[:40], "truncated tables": full[:100000],
	} {
		if _, err := ParseFont(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Our own PDF reader (extract/pdf) reads the document back line by line
// (it drops the page footers as page furniture, as it should).
func TestWriterOwnReader(t *testing.T) {
	var buf bytes.Buffer
	writeTestDoc(t, &buf)
	doc, err := pdf.Reader{}.Read("t.pdf", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, strings.Split(b.Text, "\n")...)
	}
	var want []string
	for _, lines := range testLines {
		want = append(want, lines...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("read back:\n%q\nwant\n%q", got, want)
	}
}

// FuzzParseFont patches the real font at a place and parses, subsets and
// writes with what it reads: a broken font is an error, never a panic or
// a hang.
func FuzzParseFont(f *testing.F) {
	full := templates.Font()
	f.Add(uint32(0), []byte{0, 1, 0, 0})
	f.Add(uint32(4), []byte{0xFF, 0xFF})
	f.Add(uint32(12+16*5+8), []byte{0x7F, 0xFF, 0xFF, 0xFF}) // cmap offset
	f.Add(uint32(43000+4), []byte{0, 3, 0, 1, 0, 0, 0, 12})
	f.Add(uint32(3588356+50), []byte{0, 0})       // head: short loca
	f.Add(uint32(3588412+34), []byte{0xFF, 0xFF}) // hhea: numberOfHMetrics
	f.Add(uint32(3982908+4), []byte{0xFF, 0xFF})  // maxp: numGlyphs
	f.Fuzz(func(t *testing.T, at uint32, patch []byte) {
		if len(patch) > 64 {
			return
		}
		b := append([]byte(nil), full...)
		copy(b[int(at)%len(b):], patch)
		font, err := ParseFont(b)
		if err != nil {
			return
		}
		var out bytes.Buffer
		doc, err := New(&out, font, Options{})
		if err != nil {
			t.Fatal(err)
		}
		p := doc.NewPage()
		p.Text(10, 10, 12, "任务ABC，。□\u00e9")
		if err := doc.Close(nil); err != nil {
			t.Fatal(err)
		}
	})
}
