package xls

import (
	"os"
	"strings"
	"testing"
)

// FuzzXLS feeds the reader damaged workbooks, whole files and bare
// workbook streams: a document or an error naming the file, never a panic.
func FuzzXLS(f *testing.F) {
	if data, err := os.ReadFile("testdata/qinghe-2025-12.xls"); err == nil {
		f.Add(data)
	}
	f.Add(testStream())
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := parseWorkbook(data); err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
		doc, err := Reader{}.Read("f.xls", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.xls: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("no blocks and no error")
		}
	})
}

func BenchmarkXLS(b *testing.B) {
	data, err := os.ReadFile("testdata/qinghe-2025-12.xls")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := (Reader{}).Read("qinghe-2025-12.xls", data); err != nil {
			b.Fatal(err)
		}
	}
}
