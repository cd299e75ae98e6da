package ocr

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestRepair(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1. 两市 政府签订 协议。(责任单位;市发改委,完成时间:5月底前)", "1.两市政府签订协议。（责任单位：市发改委，完成时间：5月底前）"},
		{"东海县丶灌云县", "东海县、灌云县"},
		{"连政办发【2024]22号", "连政办发〔2024〕22号"},
		{"【责任单位】市教育局", "【责任单位】市教育局"},
		{"印发 2024 年 计划.", "印发2024年计划。"},
		{"上午 10:30 开会", "上午10:30开会"},
		{"Wuxi Lianyungang Park (WLP)", "Wuxi Lianyungang Park (WLP)"},
		{"具体如下;", "具体如下；"},
		{"（责任单位，无锡连云港工业园区，完成时间: 12 月底前)", "（责任单位：无锡连云港工业园区，完成时间：12月底前）"},
		{"（责任单位东海县、灌云县，完成时间：4月确前）", "（责任单位：东海县、灌云县，完成时间：4月底前）"},
		{"海州区《连云港高新区）", "海州区（连云港高新区）"},
		{"《无锡连云港南北结对帮扶合作2024年重点工作计划》", "《无锡连云港南北结对帮扶合作2024年重点工作计划》"},
		{"10月中旬前", "10月中旬前"},
		{"连政办发2024]j 22号", "连政办发〔2024〕22号"},
		{"苏办发〔2022〕13号", "苏办发〔2022〕13号"},
		{"六）深化人力资源领域帮扶合作。", "（六）深化人力资源领域帮扶合作。"},
	} {
		if got := repair(c.in); got != c.want {
			t.Errorf("repair(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// words builds one line of word boxes 40 px high from left to right.
func words(page, block, line, left, top int, texts ...string) []Word {
	var ws []Word
	for _, s := range texts {
		w := 40 * len([]rune(s))
		ws = append(ws, Word{Page: page, Block: block, Par: 1, Line: line, Left: left, Top: top, Width: w, Height: 40, Conf: 90, Text: s})
		left += w
	}
	return ws
}

// Word boxes go through the layout shared with the PDF reader: lines that
// reach the right margin run on, an indented line and a short line's
// successor start paragraphs; a low-confidence speck (a seal's ring) goes;
// the page number at the bottom goes.
func TestParagraphs(t *testing.T) {
	var ws []Word
	ws = append(ws, words(1, 1, 1, 540, 100, "关于", "印发", "计划", "的", "通知")...) // centred title
	ws = append(ws, words(1, 2, 1, 280, 200, "一、", "总体", "要求")...)
	ws = append(ws, words(1, 2, 2, 360, 260, "1.", "推进", "各项", "工作", "落实", "到位", "确保", "取得", "实效", "各单位")...)
	ws = append(ws, words(1, 2, 3, 280, 320, "要", "按时", "完成")...)
	ws = append(ws, Word{Page: 1, Block: 2, Par: 1, Line: 3, Left: 700, Top: 320, Width: 60, Height: 40, Conf: 12, Text: "@"})
	ws = append(ws, words(1, 3, 1, 280, 380, "（责任单位：", "市发改委）")...)
	ws = append(ws, words(1, 4, 1, 600, 1500, "—", "1", "—")...)
	d := buildDocument("png", []pageWords{{width: 1400, height: 2000, words: ws}})
	if !d.OCR || d.Pages != 1 || d.Format != "png" {
		t.Errorf("document %+v", d)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Text)
	}
	want := []string{"关于印发计划的通知", "一、总体要求", "1.推进各项工作落实到位确保取得实效各单位要按时完成", "（责任单位：市发改委）"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t344\t392\t289\t43\t93.115631\t(此\n" +
		"5\t1\t1\t1\t1\t2\t416\t370\t44\t87\t92.07\t \n"
	tt, err := ParseTSV([]byte(tsv))
	if err != nil {
		t.Fatal(err)
	}
	if len(tt.Pages) != 1 || tt.Pages[0] != (PageBox{1, 1654, 2339}) {
		t.Errorf("pages %+v", tt.Pages)
	}
	ws := tt.Words
	if len(ws) != 1 || ws[0].Text != "(此" || ws[0].Left != 344 || ws[0].Right() != 633 || ws[0].Conf < 93 {
		t.Errorf("words %+v", ws)
	}
	if _, err := ParseTSV([]byte("5\t1\tx\t1\t1\t1\t1\t1\t1\t1\t90\tA\n")); err == nil || !strings.Contains(err.Error(), "line 1: column block_num") {
		t.Errorf("bad number: %v", err)
	}
}

// Without tesseract the error says what to install.
func TestNoTesseract(t *testing.T) {
	lookPath = func(string) (string, error) { return "", errors.New("not found") }
	toolsOnce, toolsErr, langs = sync.Once{}, nil, ""
	defer func() { lookPath, toolsOnce, toolsErr = execLookPath, sync.Once{}, nil }()
	_, err := Reader{}.Read("scan.jpg", []byte("\xff\xd8\xff\xe0"))
	want := "scan.jpg: scanned; reading scans needs tesseract: install tesseract-ocr and tesseract-ocr-chi-sim"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

func FuzzTSV(f *testing.F) {
	f.Add([]byte("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n5\t1\t1\t1\t1\t1\t344\t392\t289\t43\t93.1\t(此\n"))
	f.Add([]byte("5\t1\t1\t1\t1\t1\t1\t1\t1\t1\t90\tA\n5\t1\t1\t1\t2\t1\t1\t100\t1\t1\t90\tB\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tt, err := ParseTSV(data)
		if err != nil {
			return
		}
		buildDocument("png", splitPages(tt))
	})
}

// A short last line whose word boxes came out taller than the body's
// (a tall bracket, specks) still ends its paragraph; the page number read
// as "二二", close under the text, goes.
func TestTallLastLine(t *testing.T) {
	var ws []Word
	// lines from x 280 to 1200 (the first indented by two characters)
	body := []string{"推进", "各项", "工作", "落实", "到位", "确保", "取得", "实效", "各单位"}
	ws = append(ws, words(1, 1, 1, 360, 100, append([]string{"1."}, body...)...)...)
	for i := 2; i <= 4; i++ {
		ws = append(ws, words(1, 1, i, 280, 100+60*(i-1), append([]string{"要求各方"}, body...)...)...)
	}
	ws = append(ws, words(1, 1, 5, 280, 340, "各方确保取得实效落实（责任单位：市发改委，完成")...)
	tall := words(1, 1, 6, 280, 380, "时间：5月底前）")
	tall[0].Height = 62
	ws = append(ws, tall...)
	ws = append(ws, words(1, 2, 1, 700, 470, "二二")...)
	d := buildDocument("png", []pageWords{{width: 1480, height: 2000, words: ws}})
	if len(d.Blocks) != 1 || !strings.HasSuffix(d.Blocks[0].Text, "（责任单位：市发改委，完成时间：5月底前）") {
		var got []string
		for _, b := range d.Blocks {
			got = append(got, b.Text)
		}
		t.Errorf("got %q, want one paragraph ending in the clause", got)
	}
}
