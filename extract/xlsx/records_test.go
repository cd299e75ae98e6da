package xlsx_test

// Tests that read workbooks through the structure parser to records.

import (
	"os"
	"testing"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/internal/gold"
)

// TestGoldenXLSX: the qinghe notice pasted into a workbook (text in column
// A, then the task table) gives exactly qinghe's gold records.
func TestGoldenXLSX(t *testing.T) {
	got, err := extract.File("testdata/qinghe-2025-12.xlsx", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold.Check(t, got, "../../testdata/styles/qinghe-2025-12.gold.json")
	if got.Source.Format != "xlsx" {
		t.Errorf("source = %+v", got.Source)
	}
}

// BenchmarkExtractXLSX extracts the 60-task ledger from its XLSX bytes.
func BenchmarkExtractXLSX(b *testing.B) {
	data, err := os.ReadFile("testdata/ledger-continue.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if n, err := extract.Bytes("ledger-continue.xlsx", data, extract.Options{}); err != nil || len(n.Tasks) != 60 {
			b.Fatalf("err %v", err)
		}
	}
}
