package xlsx

import (
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// FuzzXLSX feeds the reader damaged workbooks: a document or an error
// naming the file, never a panic.
func FuzzXLSX(f *testing.F) {
	if data, err := os.ReadFile("testdata/qinghe-2025-12.xlsx"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	// the budgets of issue 16 at a small size: a ledger and 13 rows
	// reaching column XFD (212,992 cells); a sheet of 65 MB (66 KB
	// zipped) is the corpus file zipbomb-65MB
	f.Add(hostile.LedgerXLSX())
	f.Add(hostile.WideRowsXLSX(13))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Reader{}.Read("f.xlsx", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.xlsx: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("no blocks and no error")
		}
	})
}

func BenchmarkXLSX(b *testing.B) {
	data, err := os.ReadFile("testdata/qinghe-2025-12.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := (Reader{}).Read("qinghe-2025-12.xlsx", data); err != nil {
			b.Fatal(err)
		}
	}
}
