package pdf

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// fullWidthPara is one paragraph of the full-width test notice: its text
// is head + as many filler characters as make its last line fill the
// width (when full is set) + tail.
type fullWidthPara struct {
	head, tail string
	full       bool
	indent     bool
}

// writeFullWidthPDF lays the paragraphs out with fpdf (CJK font, first-line
// indent where asked, no space between paragraphs) and returns the file
// and the text of each paragraph as written.
func writeFullWidthPDF(t *testing.T, paras []fullWidthPara) ([]byte, []string) {
	t.Helper()
	font, err := os.ReadFile("../../templates/fonts/wqy-microhei.ttf")
	if err != nil {
		t.Fatal(err)
	}
	const left, right, top, size, pitch = 80.0, 515.0, 100.0, 16.0, 28.0
	p := fpdf.New("P", "pt", "A4", "")
	p.AddUTF8FontFromBytes("wqy", "", font)
	p.SetAutoPageBreak(false, 0)
	p.AddPage()
	p.SetFont("wqy", "", size)
	filler := []rune(strings.Repeat("统筹推进重点项目建设加快形成工作合力", 10))
	var texts []string
	y := top
	for _, para := range paras {
		x := left
		if para.indent {
			x = left + 2*size
		}
		text := para.head + para.tail
		if para.full {
			for k := 0; ; k++ {
				if k == len(filler) {
					t.Fatalf("cannot fill the last line of %q", para.head)
				}
				text = para.head + string(filler[:k]) + para.tail
				lines := fpdfWrap(p, text, right-x, right-left)
				lastX := left
				if len(lines) == 1 {
					lastX = x
				}
				if lastX+p.GetStringWidth(lines[len(lines)-1])+size > right {
					break
				}
			}
		}
		texts = append(texts, text)
		for _, line := range fpdfWrap(p, text, right-x, right-left) {
			p.Text(x, y, line)
			x = left
			y += pitch
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), texts
}

// TestPDFFullWidthLineThenItem: a labelled line or a heading right after a
// line that fills the whole width is still a paragraph of its own, while
// a label inside an open bracket, a number after "第", or a decimal number
// after a sentence end goes on with the line before.
func TestPDFFullWidthLineThenItem(t *testing.T) {
	data, texts := writeFullWidthPDF(t, fullWidthSample)
	d, err := Reader{}.Read("fullwidth.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], texts[6],
		texts[7] + texts[8],
		texts[9] + texts[10],
		texts[11] + texts[12],
	}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got  %q\n want %q", got, want)
	}

}

// fullWidthSample is a notice whose lines fill the text width: a line
// that ends flush right runs on into the next.
var fullWidthSample = []fullWidthPara{
	{head: "一、重点任务"},
	{head: "1.实施城区老旧小区改造提升工程，完善配套设施，", tail: "。", full: true, indent: true},
	{head: "牵头单位：市住建局"},
	{head: "责任单位：市财政局、市自然资源和规划局、", tail: "各县区人民政府", full: true},
	{head: "二、保障措施"},
	{head: "（一）加强组织领导。建立工作专班，", tail: "，确保任务落地", full: true, indent: true},
	{head: "完成时限：10月底前"},
	{head: "（二）强化督促检查。组织开展", tail: "第", full: true, indent: true},
	{head: "2.阶段专项督查，通报督查结果。"},
	{head: "（三）完善考核机制。对照年度目标，（牵头单位：市考核办，", tail: "；", full: true, indent: true},
	{head: "责任单位：市委组织部）"},
	{head: "（四）加大资金投入。统筹安排专项资金", tail: "。", full: true, indent: true},
	{head: "1.5亿元用于重点项目建设。"},
}
