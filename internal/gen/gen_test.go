package gen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/duban/duban/templates"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func font(testing.TB) []byte { return templates.Font() }

func TestDeterministic(t *testing.T) {
	c := sampleCorpus(t)
	f := font(t)
	a, err := c.Files(7, 6, nil, f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Files(7, 6, nil, f)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("file %d differs between two runs with the same seed", i)
		}
	}
	other, err := c.Files(8, 6, nil, f)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for i := range a {
		if bytes.Equal(a[i].Data, other[i].Data) {
			same++
		}
	}
	if same == len(a) {
		t.Error("seed 8 gives the same files as seed 7")
	}
}

func TestVariety(t *testing.T) {
	c := sampleCorpus(t)
	styles, depths, encodings, deadlines := map[Style]bool{}, map[int]bool{}, map[string]bool{}, map[string]bool{}
	docs := map[string]bool{}
	for i := range 200 {
		n := c.New(1, i)
		styles[n.Style], depths[n.Depth], encodings[n.Encoding] = true, true, true
		if docs[n.DocNumber] {
			t.Errorf("notice %d repeats 文号 %s", i, n.DocNumber)
		}
		docs[n.DocNumber] = true
		if n.Tasks() < 4 {
			t.Errorf("notice %d has %d tasks", i, n.Tasks())
		}
		for _, s := range n.Sections {
			for _, sub := range s.Subs {
				for _, tk := range sub.Tasks {
					if len(tk.Lead)+len(tk.Units) == 0 {
						t.Errorf("notice %d: task without unit", i)
					}
					deadlines[strings.TrimLeft(tk.Deadline, "0123456789 年月日")] = true
				}
			}
		}
	}
	if len(styles) != int(numStyles) || len(depths) != 2 || len(encodings) != 3 {
		t.Errorf("too little variety: styles %v depths %v encodings %v", styles, depths, encodings)
	}
	for _, want := range []string{"底前", "三季度末", "上半年", "每季度", "长期坚持", "中旬", ""} {
		if !deadlines[want] {
			t.Errorf("deadline form %q never generated (have %v)", want, deadlines)
		}
	}
}

func TestFormats(t *testing.T) {
	c := sampleCorpus(t)
	f := font(t)
	for i := range 12 {
		n := c.New(3, i)
		first := n.Paras(false)[len(n.Paras(false))-2].Text // a task line or labelled line
		// TXT decodes back to the same paragraphs.
		b, err := n.TXT()
		if err != nil {
			t.Fatal(err)
		}
		if n.Encoding == "gb18030" {
			if b, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte("\r\n")) {
				t.Errorf("notice %d: GB18030 text without CRLF", i)
			}
		}
		txt := strings.ReplaceAll(string(b), " ", "")
		if !strings.Contains(txt, strings.ReplaceAll(first, " ", "")) || !strings.Contains(txt, n.DocNumber) {
			t.Errorf("notice %d: TXT lacks %q or its 文号", i, first)
		}
		// DOCX is a zip whose document is well-formed XML holding the text.
		d, err := n.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(d), int64(len(d)))
		if err != nil {
			t.Fatalf("notice %d: DOCX is not a zip: %v", i, err)
		}
		var doc []byte
		for _, zf := range zr.File {
			if zf.Name == "word/document.xml" {
				rc, _ := zf.Open()
				doc, _ = io.ReadAll(rc)
				rc.Close()
			}
		}
		var text strings.Builder
		dec := xml.NewDecoder(bytes.NewReader(doc))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("notice %d: document.xml: %v", i, err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				text.Write(cd)
			}
		}
		if !strings.Contains(text.String(), n.Sections[0].Subs[0].Tasks[0].Text) {
			t.Errorf("notice %d: DOCX lacks its first task", i)
		}
		if n.Style == StyleTable && !bytes.Contains(doc, []byte("<w:tbl>")) {
			t.Errorf("notice %d: table notice without a table", i)
		}
		// PDF is a whole PDF file.
		p, err := n.PDF(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(p, []byte("%PDF-")) || !bytes.Contains(p[len(p)-32:], []byte("%%EOF")) {
			t.Errorf("notice %d: not a whole PDF", i)
		}
	}
	if _, err := c.New(3, 0).PDF(nil); err == nil {
		t.Error("PDF without a font: no error")
	}
}
