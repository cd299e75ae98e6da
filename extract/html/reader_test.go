package html

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func read(t *testing.T, page string) []string {
	t.Helper()
	doc, err := Reader{}.Read("t.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range doc.Blocks {
		if b.Table != nil {
			var rows []string
			for _, r := range b.Table.Rows {
				rows = append(rows, strings.Join(cellTexts(r), "|"))
			}
			out = append(out, "T:"+strings.Join(rows, "/"))
			continue
		}
		out = append(out, b.Text)
	}
	return out
}

func TestCharsets(t *testing.T) {
	// 𠀀 (U+20000) is a four-byte GB18030 character: GBK decoding loses it.
	body := "<p>关于𠀀的通知</p>"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	for name, page := range map[string]string{
		"meta gb2312":    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>` + gb,
		"meta gbk":       `<meta charset="GBK">` + gb,
		"no label":       gb,
		"utf-8 bom":      "\xef\xbb\xbf" + body,
		"utf-8 no label": body,
	} {
		if got := read(t, page); len(got) != 1 || got[0] != "关于𠀀的通知" {
			t.Errorf("%s: %q", name, got)
		}
	}
}

func TestParagraphsAndSpaces(t *testing.T) {
	got := read(t, "<div>一、总体\n要求<br>1. 两市\n签订协议。<p>　　Word 2024 版</p><p>责任单位：市发改委 市财政局</p><script>x()</script><p style='display: none'>隐藏</p></div>")
	want := []string{"一、总体要求", "1. 两市签订协议。", "Word 2024 版", "责任单位：市发改委 市财政局"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTableSpans(t *testing.T) {
	got := read(t, `<table><tr><th>序号</th><th>任务</th><th colspan=2>单位</th></tr>
<tr><td>1</td><td rowspan=2>甲</td><td>A</td><td>B</td></tr>
<tr><td>2</td><td>C</td><td>D</td></tr>
<tr><td></td><td></td></tr></table>`)
	want := "T:序号|任务|单位|单位/1|甲|A|B/2|甲|C|D"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A layout table (one column, or tables inside) is read as paragraphs.
func TestLayoutTable(t *testing.T) {
	got := read(t, `<table><tr><td><p>标题</p><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table></td></tr></table>`)
	if strings.Join(got, "\n") != "标题\nT:甲|乙/丙|丁" {
		t.Errorf("got %q", got)
	}
}

func TestCellBound(t *testing.T) {
	page := `<table><tr><td>a</td><td colspan=1000 rowspan=65534>b</td></tr>` + strings.Repeat("<tr><td>x</td><td>y</td></tr>", 400) + `</table>`
	_, err := Reader{}.Read("big.html", []byte(page))
	if !errors.Is(err, errTooManyCells) || !strings.HasPrefix(err.Error(), "big.html: ") {
		t.Errorf("err = %v", err)
	}
}

// Nesting deeper than maxDepth is read flat; deeper than the HTML
// parser's 512 open elements is an error naming the file.
func TestDeepNesting(t *testing.T) {
	page := strings.Repeat("<div><span>", 200) + "深处<p>的文字" + strings.Repeat("</span></div>", 200)
	got := read(t, page)
	if len(got) != 1 || got[0] != "深处的文字" {
		t.Errorf("got %q", got)
	}
	page = strings.Repeat("<div>", 5000) + "文字"
	if _, err := (Reader{}).Read("deep.html", []byte(page)); err == nil || !strings.HasPrefix(err.Error(), "deep.html: ") {
		t.Errorf("err = %v", err)
	}
}

func TestDisclosureAndAttachments(t *testing.T) {
	page := `<base href="http://www.example.gov.cn/zwgk/">
<ul class="info"><li>发文字号：某政发〔2024〕3号</li><li><span>成文日期：</span><span>2024年3月1日</span></li></ul>
<div id="zoom"><p>某市人民政府关于做好某某工作的通知，各有关单位认真贯彻落实，按时报送工作进展情况。</p>
<p>附件：<a href="files/a.docx">1.任务分解表</a> <a href="/b.PDF?x=1"></a> <a href="page.html">别处</a></p></div>`
	doc, err := Reader{}.Read("t.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Blocks[0].Text != "发文字号：某政发〔2024〕3号" || doc.Blocks[1].Text != "成文日期：2024年3月1日" {
		t.Errorf("fields %q %q", doc.Blocks[0].Text, doc.Blocks[1].Text)
	}
	if len(doc.Attachments) != 2 ||
		doc.Attachments[0].Name != "1.任务分解表" || doc.Attachments[0].URL != "http://www.example.gov.cn/zwgk/files/a.docx" ||
		doc.Attachments[1].Name != "b.PDF" || doc.Attachments[1].URL != "http://www.example.gov.cn/b.PDF?x=1" {
		t.Errorf("attachments %+v", doc.Attachments)
	}
}

func TestEmptyPage(t *testing.T) {
	_, err := Reader{}.Read("empty.html", []byte("<html><script>x</script></html>"))
	if err == nil || !strings.Contains(err.Error(), "empty.html: no text") {
		t.Errorf("err = %v", err)
	}
}

// A <meta> naming Big5 is followed; one naming gb2312 over UTF-8 bytes is
// not (the bytes show the site's template lies).
func TestDeclaredCharsets(t *testing.T) {
	big5 := "<meta charset=big5><p>\xc3\xf6\xa9\xf3</p>" // 關於
	if got := read(t, big5); len(got) != 1 || got[0] != "關於" {
		t.Errorf("big5: %q", got)
	}
	if got := read(t, "<meta charset=gb2312><p>关于</p>"); len(got) != 1 || got[0] != "关于" {
		t.Errorf("mislabelled UTF-8: %q", got)
	}
}

// A page of no known content system: the body is the element whose
// paragraphs hold the most Chinese text, not the menu or the footer.
func TestReadabilityFallback(t *testing.T) {
	page := `<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li><a href="/b">办事服务</a></li></ul></div>
<div class="main"><div class="left"><p>相关链接</p><p>政策解读</p></div>
<div class="mainbox"><p>关于开展安全生产大检查的通知</p><p>各乡镇人民政府，县各有关部门：</p>
<p>为切实做好安全生产工作，经县政府同意，决定在全县范围内开展安全生产大检查，现将有关事项通知如下。</p>
<p>一、检查范围。全县所有生产经营单位。</p></div></div>
<div class="footer"><p>主办单位：某县人民政府办公室　联系电话：0000-0000000</p></div>`
	got := read(t, page)
	want := "关于开展安全生产大检查的通知|各乡镇人民政府，县各有关部门：|为切实做好安全生产工作，经县政府同意，决定在全县范围内开展安全生产大检查，现将有关事项通知如下。|一、检查范围。全县所有生产经营单位。"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q", got)
	}
}
