package pdf

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestPDFLabelledLineAtPageFootIsKept: a labelled line that a regular
// layout puts at the foot of several pages at the same height (a
// "完成时限" line closing each page) is body text, not a running footer,
// while a real running footer is still dropped.
func TestPDFLabelledLineAtPageFootIsKept(t *testing.T) {
	font, err := os.ReadFile("../../templates/fonts/wqy-microhei.ttf")
	if err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "pt", "A4", "")
	p.AddUTF8FontFromBytes("wqy", "", font)
	p.SetAutoPageBreak(false, 0)
	var want []string
	for page := 1; page <= 3; page++ {
		p.AddPage()
		p.SetFont("wqy", "", 16)
		lines := []string{
			fmt.Sprintf("%d.完成第%d项重点工作。", page, page),
			"牵头单位：市发改委",
			fmt.Sprintf("完成时限：%d月底前", page+3),
		}
		y := 650.0
		for _, l := range lines {
			p.Text(80, y, l)
			y += 28
		}
		want = append(want, lines...)
		p.SetFont("wqy", "", 10)
		p.Text(250, 800, "青岚市人民政府办公室印发")
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	d, err := Reader{}.Read("foot.pdf", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got  %q\n want %q", got, want)
	}
}
