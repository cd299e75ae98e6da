package html

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzHTML feeds the reader damaged pages: it must return a document or an
// error naming the file, never panic or hang.
func FuzzHTML(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.html")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil && len(data) < 20<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte(`<table><tr><td rowspan=0 colspan=1000>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`))
	f.Add([]byte("<meta charset=gb2312><p>\xb9\xd8\xd3\xda</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Reader{}.Read("f.html", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.html: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("no blocks and no error")
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/lianyungang-2024-22.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := (Reader{}).Read("lianyungang-2024-22.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzMHTML feeds the web-archive reader damaged archives.
func FuzzMHTML(f *testing.F) {
	if data, err := os.ReadFile("testdata/qinghe-2025-12.mhtml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=B9=D8</p>\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := MHTMLReader{}.Read("f.mhtml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.mhtml: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("no blocks and no error")
		}
	})
}
