package xlsx_test

// Tests that read workbooks through the structure parser to records.

import (
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
