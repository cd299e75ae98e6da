package txt

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestTXTEncodings(t *testing.T) {
	const text = "滨建发〔2025〕31号\n\n二〇二五年二月十八日\n（一）出台细则。\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.ReplaceAll(text, "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"utf8":         text,
		"utf8 bom":     "\uFEFF" + text,
		"crlf":         strings.ReplaceAll(text, "\n", "\r\n"),
		"cr":           strings.ReplaceAll(text, "\n", "\r"),
		"gbk crlf":     gbk,
		"utf16le bom":  utf16,
		"no final eol": strings.TrimSuffix(text, "\n"),
	}
	for name, data := range cases {
		doc, err := Reader{}.Read("n.txt", []byte(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var got []string
		var lines []int
		for _, b := range doc.Blocks {
			got = append(got, b.Text)
			lines = append(lines, b.Line)
		}
		if strings.Join(got, "|") != "滨建发〔2025〕31号|二〇二五年二月十八日|（一）出台细则。" {
			t.Errorf("%s: blocks %q", name, got)
		}
		if len(lines) != 3 || lines[0] != 1 || lines[1] != 3 || lines[2] != 4 {
			t.Errorf("%s: lines %v", name, lines)
		}
	}
}

func TestTXTPagesAndBadInput(t *testing.T) {
	doc, err := Reader{}.Read("p.txt", []byte("第一页\n\f第二页\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 2 || len(doc.Blocks) != 2 || doc.Blocks[1].Page != 2 {
		t.Errorf("pages: %+v", doc)
	}
	for name, data := range map[string][]byte{
		"binary": {0x00, 0x01, 0x02, 'a', 0x00},
		"junk":   {0xFF, 0xFF, 0xFF, 0x81, 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
	} {
		if _, err := (Reader{}).Read("bad.txt", data); err == nil || !strings.HasPrefix(err.Error(), "bad.txt: ") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
