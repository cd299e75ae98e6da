package pdf

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/extract/document"
)

// blockTexts lists a document's paragraphs, tables written as rows of
// cells joined by " | ".
func blockTexts(d *document.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			out = append(out, b.Text)
			continue
		}
		for _, r := range b.Table.Rows {
			var cells []string
			for _, c := range r {
				cells = append(cells, c.Text)
			}
			out = append(out, strings.Join(cells, " | "))
		}
	}
	return out
}

// wrapCJK lays text out as one paragraph of CJK glyphs between left and
// right, the first line indented by indent, starting at baseline *y; it
// moves *y below the paragraph.
func wrapCJK(left, right, indent float64, y *float64, size, pitch float64, text string) string {
	var b strings.Builder
	rs := []rune(text)
	x := left + indent
	for len(rs) > 0 {
		n := int((right - x) / size)
		if n > len(rs) {
			n = len(rs)
		}
		b.WriteString(cjk(x, *y, size, string(rs[:n])))
		rs = rs[n:]
		x = left
		*y -= pitch
	}
	return b.String()
}

func readMini(t *testing.T, data []byte) *document.Document {
	t.Helper()
	d, err := Reader{}.Read("t.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPDFTextOperators checks glyph placement under the text operators.
func TestPDFTextOperators(t *testing.T) {
	tj := func(s string) string { return "<" + utf16Hex(s) + ">" }
	cases := []struct {
		name, content, form string
		want                []string
	}{
		{"font switch on one baseline",
			cjk(72, 700, 16, "完成时间：") + latin(152, 700, 16, "10") + cjk(170, 700, 16, "月底前"),
			"", []string{"完成时间：10月底前"}},
		{"justified CJK spaced by TJ",
			"BT /F1 16 Tf 72 700 Td [" + tj("园") + " -300 " + tj("区") + " -300 " + tj("共") + " -300 " + tj("建") + " -300 " + tj("推") + " -300 " + tj("进") + "] TJ ET",
			"", []string{"园区共建推进"}},
		{"character spacing Tc",
			"BT /F1 16 Tf 16 Tc 72 700 Td " + tj("通知") + " Tj ET", "", []string{"通知"}},
		{"latin words placed apart",
			latin(72, 700, 12, "Hello") + latin(72+5*6+4, 700, 12, "World"), "", []string{"Hello World"}},
		{"space glyphs and Tw",
			"BT /F2 12 Tf 10 Tw 72 700 Td (a b) Tj ET", "", []string{"a b"}},
		{"horizontal scaling Tz",
			"BT /F2 12 Tf 50 Tz 72 700 Td (ab) Tj 12 0 Td (cd) Tj ET", "", []string{"ab cd"}},
		{"text rise stays on the line",
			"BT /F2 12 Tf 72 700 Td (m) Tj 7 Tf 4 Ts (2) Tj ET", "", []string{"m2"}},
		{"quote operators move to the next line",
			"BT /F1 16 Tf 30 TL 72 700 Td " + tj("第一行") + " Tj " + tj("第二行") + " ' 1 0 " + tj("第三行") + " \" ET",
			"", []string{"第一行", "第二行", "第三行"}},
		{"Tm and T*",
			"BT /F1 16 Tf 30 TL 1 0 0 1 72 700 Tm " + tj("甲") + " Tj T* " + tj("乙") + " Tj ET", "", []string{"甲", "乙"}},
		{"form xobject with matrix under cm",
			"q 1 0 0 1 100 0 cm /X1 Do Q",
			streamObj("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 100]", cjk(0, 600, 16, "表单里的字"), false),
			[]string{"表单里的字"}},
		{"artifacts dropped",
			"/Artifact BMC " + cjk(72, 800, 10, "页眉文字") + " EMC " + cjk(72, 700, 16, "正文"), "", []string{"正文"}},
		{"slanted watermark and text off the page dropped",
			"BT /F1 40 Tf 0.87 0.5 -0.5 0.87 100 300 Tm " + tj("内部资料") + " Tj ET " + cjk(72, 700, 16, "正文") + cjk(700, 500, 16, "页外"),
			"", []string{"正文"}},
		{"fake bold drawn twice",
			cjk(72, 700, 16, "加粗") + cjk(72.3, 700, 16, "加粗"), "", []string{"加粗"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readMini(t, pagesPDF(0, c.form, c.content))
			if got := blockTexts(d); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestPDFRotated reads text on a page shown turned by /Rotate, drawn
// with a rotated text matrix so that it reads upright on screen.
func TestPDFRotated(t *testing.T) {
	content := "BT /F1 16 Tf 0 1 -1 0 300 100 Tm <" + utf16Hex("第二行文字") + "> Tj ET\n" +
		"BT /F1 16 Tf 0 1 -1 0 270 100 Tm <" + utf16Hex("第一行文字") + "> Tj ET\n"
	d := readMini(t, pagesPDF(90, "", content))
	want := []string{"第一行文字", "第二行文字"}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPDFParagraphs checks paragraph breaks from line geometry.
func TestPDFParagraphs(t *testing.T) {
	const left, right, size, pitch = 72.0, 520.0, 16.0, 28.0
	long1 := strings.Repeat("推进产业园区合作共建", 6) + "。"
	long2 := strings.Repeat("落实结对县区重点帮扶", 4) + "。"
	t.Run("first-line indent", func(t *testing.T) {
		y := 700.0
		c := wrapCJK(left, right, 2*size, &y, size, pitch, long1) + wrapCJK(left, right, 2*size, &y, size, pitch, long2)
		want := []string{long1, long2}
		if got := blockTexts(readMini(t, pagesPDF(0, "", c))); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("no indent, gap between paragraphs", func(t *testing.T) {
		y := 700.0
		c := wrapCJK(left, right, 0, &y, size, pitch, long1)
		y -= 20
		c += wrapCJK(left, right, 0, &y, size, pitch, strings.TrimSuffix(long2, "。"))
		want := []string{long1, strings.TrimSuffix(long2, "。")}
		if got := blockTexts(readMini(t, pagesPDF(0, "", c))); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("outline item after a full line", func(t *testing.T) {
		// 28 characters fill the line exactly; the next line opens item 二.
		first := strings.Repeat("统", 27) + "。"
		y := 700.0
		c := wrapCJK(left, right, 0, &y, size, pitch, first) + wrapCJK(left, right, 0, &y, size, pitch, "二、推进产业园区合作共建")
		want := []string{first, "二、推进产业园区合作共建"}
		if got := blockTexts(readMini(t, pagesPDF(0, "", c))); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("wrapped centred title", func(t *testing.T) {
		c := cjk(72, 760, 22, "市政府办公室关于印发南北结对帮扶合作计划") + cjk(220, 726, 22, "工作计划的通知") +
			cjk(72, 680, 16, "各县、区人民政府：")
		y := 650.0
		c += wrapCJK(left, right, 2*size, &y, size, pitch, long1)
		want := []string{"市政府办公室关于印发南北结对帮扶合作计划工作计划的通知", "各县、区人民政府：", long1}
		if got := blockTexts(readMini(t, pagesPDF(0, "", c))); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

// TestPDFPageArtefacts checks that page numbers and running headers go and
// that a paragraph broken by the page break is whole again.
func TestPDFPageArtefacts(t *testing.T) {
	const left, right, size, pitch = 72.0, 520.0, 16.0, 28.0
	text := strings.Repeat("加强两地文化交流合作推动两地市属文艺院团交流合作", 8) + "。"
	rs := []rune(text)
	footers := []string{"— %d —", "-%d-", "第 %d 页 共 3 页"}
	var pages []string
	per := 28 * 3 // three full lines per page
	for p := 0; p < 3; p++ {
		part := rs[min(p*per, len(rs)):min((p+1)*per, len(rs))]
		y := 700.0
		var c strings.Builder
		c.WriteString(cjk(200, 800, 10, "连云港市人民政府办公室文件"))
		c.WriteString(wrapCJK(left, right, 0, &y, size, pitch, string(part)))
		c.WriteString(cjk(280, 60, 12, fmt.Sprintf(footers[p], p+1)))
		pages = append(pages, c.String())
	}
	d := readMini(t, pagesPDF(0, "", pages...))
	want := []string{text}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if d.Pages != 3 || len(d.Blocks) != 1 || d.Blocks[0].Page != 1 || d.Blocks[0].Line != 1 {
		t.Errorf("pages %d, blocks %+v", d.Pages, d.Blocks)
	}
}

func TestPDFPageNumberPatterns(t *testing.T) {
	for _, s := range []string{"— 3 —", "-3-", "- 12 -", "3", "第3页", "第 3 页 共 9 页", "共9页 第3页", "第3页/共9页", "第 3 页，共 9 页", "3/9", "Page 3", "第三页"} {
		if !isPDFPageNumber(s) {
			t.Errorf("%q not taken for a page number", s)
		}
	}
	for _, s := range []string{"2024年5月11日", "一、总体要求", "3. 推进工作", "（三）", "第3条"} {
		if isPDFPageNumber(s) {
			t.Errorf("%q taken for a page number", s)
		}
	}
}

// TestPDFRuledTable reads a table drawn with cell rectangles, one cell
// wrapping over two lines and one merged over two columns.
func TestPDFRuledTable(t *testing.T) {
	var c strings.Builder
	xs := []float64{60, 100, 300, 420}
	ys := []float64{600, 570, 520, 490}
	for r := 0; r+1 < len(ys); r++ {
		for k := 0; k+1 < len(xs); k++ {
			if r == 2 && k == 2 {
				continue // merged into the cell on its left
			}
			w := xs[k+1] - xs[k]
			if r == 2 && k == 1 {
				w = xs[3] - xs[1]
			}
			fmt.Fprintf(&c, "%g %g %g %g re S\n", xs[k], ys[r+1], w, ys[r]-ys[r+1])
		}
	}
	c.WriteString(cjk(64, 580, 12, "序号") + cjk(104, 580, 12, "重点任务") + cjk(304, 580, 12, "牵头单位"))
	// The task wraps (its first line fills the cell); the unit cell holds
	// two paragraphs (its first line stops short).
	c.WriteString(latin(64, 550, 12, "1") + cjk(104, 550, 12, "推行高效办成一件事年内新增重点") + cjk(104, 532, 12, "事项") + latin(128, 532, 12, "10") + cjk(140, 532, 12, "个") +
		cjk(304, 550, 12, "市政务办") + cjk(304, 532, 12, "市发改委"))
	c.WriteString(latin(64, 500, 12, "2") + cjk(104, 500, 12, "合并的单元格"))
	c.WriteString(cjk(72, 300, 16, "表格下面的正文。"))
	d := readMini(t, pagesPDF(0, "", c.String()))
	if len(d.Blocks) != 2 || d.Blocks[0].Table == nil {
		t.Fatalf("blocks = %q", blockTexts(d))
	}
	want := []string{
		"序号 | 重点任务 | 牵头单位",
		"1 | 推行高效办成一件事年内新增重点事项10个 | 市政务办\n市发改委",
		"2 | 合并的单元格 | 合并的单元格",
		"表格下面的正文。",
	}
	if got := blockTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	tb := d.Blocks[0].Table
	if tb.Rows[1][1].Line != tb.Rows[0][0].Line+1 || d.Blocks[1].Line != tb.Rows[2][0].Line+1 {
		t.Errorf("lines not numbered row by row: %+v, next block %d", tb.Rows, d.Blocks[1].Line)
	}
}

// TestPDFErrors checks the errors for files that cannot give text.
func TestPDFErrors(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"no text layer", pagesPDF(0, "", "0 0 m 100 100 l S 10 10 50 50 re f"), "x.pdf: no text layer (scanned?)"},
		{"not a pdf", []byte("hello, world"), "x.pdf: not a readable PDF"},
		{"hex string open at the end", pagesPDF(0, "", cjk(72, 700, 16, "正文")+"BT /F1 16 Tf 72 600 Td <4E00 4E"), "x.pdf: page 1: malformed content stream"},
		{"content too deep in forms", pagesPDF(0, streamObj("/Type /XObject /Subtype /Form /BBox [0 0 9 9]", "/X1 Do /X1 Do /X1 Do", false), "/X1 Do"), "x.pdf: page 1: form XObjects run on one page over the limit of 2000"},
		{"empty", nil, "x.pdf: not a readable PDF"},
		{"no pages", miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"), "x.pdf: no pages"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Reader{}.Read("x.pdf", c.data)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v, %v; want error %q", d, err, c.want)
			}
		})
	}
}
