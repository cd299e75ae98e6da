package doc

import (
	"os"
	"strings"
	"testing"
)

// FuzzDOC reads arbitrary bytes with the reader's own code unguarded
// (only the compound-file library's panics are caught).
func FuzzDOC(f *testing.F) {
	for _, p := range []string{"testdata/lianyungang-2024-22.doc", "testdata/poi-61490.doc", "testdata/merged-cells.doc", "testdata/auto-numbering.doc"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := read("f.doc", data)
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f.doc: ") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}
