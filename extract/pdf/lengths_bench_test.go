package pdf

import (
	"os"
	"testing"
)

// BenchmarkFixLengths is the cost of checking every stream's /Length of
// the sample (a share of BenchmarkExtractPDF).
func BenchmarkFixLengths(b *testing.B) {
	data, err := os.ReadFile("../../testdata/lianyungang-2024-22.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, w := fixLengths(data); w != nil {
			b.Fatal(w)
		}
	}
}
