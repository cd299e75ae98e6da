package pdf

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/extract/layout"
)

// mixedPDF has a typeset page, a page holding only an image (a scan), and
// another typeset page.
func mixedPDF() []byte {
	img := streamObj("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\xff", false)
	return pagesPDF(0, img,
		cjk(90, 700, 16, "第一页的文字。"),
		"q 595 0 0 842 0 0 cm /X1 Do Q\n",
		cjk(90, 700, 16, "第三页的文字。"))
}

// fakeOCR stands in for tesseract: each page it is asked for reads as
// "扫描页N".
func fakeOCR(asked *[]int, err error) func([]byte, []int) (map[int]*layout.Page, error) {
	return func(_ []byte, nums []int) (map[int]*layout.Page, error) {
		*asked = append(*asked, nums...)
		if err != nil {
			return nil, err
		}
		out := map[int]*layout.Page{}
		for _, n := range nums {
			var gs []layout.Glyph
			for i, r := range []rune("扫描页" + string(rune('0'+n))) {
				gs = append(gs, layout.Glyph{X: 90 + 16*float64(i), Y: 700, AX: 16, Size: 16, Text: string(r)})
			}
			out[n] = layout.LayoutPage(gs, nil, [4]float64{0, 0, 595, 842}, n)
		}
		return out, nil
	}
}

// Only the page that holds an image and no text goes to OCR; its text
// takes its place among the others, and the Document says it holds OCR
// text.
func TestMixedPages(t *testing.T) {
	var asked []int
	old := recognisePages
	defer func() { recognisePages = old }()
	recognisePages = fakeOCR(&asked, nil)
	d, err := Reader{}.Read("mixed.pdf", mixedPDF())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(asked, []int{2}) {
		t.Errorf("OCR asked for pages %v, want [2]", asked)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Text)
	}
	if want := []string{"第一页的文字。", "扫描页2", "第三页的文字。"}; !reflect.DeepEqual(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
	if !d.OCR {
		t.Error("Document.OCR false")
	}
}

// Without tesseract, the typeset pages are read and a warning names the
// scanned page and what is missing.
func TestMixedPagesNoOCR(t *testing.T) {
	var asked []int
	old := recognisePages
	defer func() { recognisePages = old }()
	recognisePages = fakeOCR(&asked, errors.New("install tesseract-ocr"))
	d, err := Reader{}.Read("mixed.pdf", mixedPDF())
	if err != nil {
		t.Fatal(err)
	}
	if d.OCR || len(d.Blocks) != 2 {
		t.Errorf("OCR %v, %d blocks", d.OCR, len(d.Blocks))
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "mixed.pdf: page 2 is only an image") || !strings.Contains(d.Warnings[0], "install tesseract-ocr") {
		t.Errorf("warnings %q", d.Warnings)
	}
}
