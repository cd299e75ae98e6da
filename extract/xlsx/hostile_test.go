package xlsx

import (
	"strings"
	"testing"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/hostile"
)

// TestXLSXBudgets: workbooks that unpack to hundreds of MB or hold
// millions of cells (1.2 million cells took 19 s and 5 GB allocated; a
// 200 MB sheet 6.5 s and 1.7 GB) are errors naming the file and the limit,
// at once; their neighbours under the limits read as the plain ledger.
func TestXLSXBudgets(t *testing.T) {
	want, err := Reader{}.Read("x.xlsx", hostile.LedgerXLSX())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		data  []byte
		err   string // "" for a workbook read as the ledger
		maxMB uint64 // bytes allocated
	}{
		{"zipbomb-300MB", hostile.ZipBombXLSX(300), "x.xlsx: xl/worksheets/sheet1.xml: 314573686 bytes decompressed: bytes decompressed from one part over the limit of 67108864", 5},
		{"zipbomb-65MB", hostile.ZipBombXLSX(65), "x.xlsx: xl/worksheets/sheet1.xml: 68158326 bytes decompressed: bytes decompressed from one part over the limit of 67108864", 5},
		{"padded-4MB", hostile.ZipBombXLSX(4), "", 200},
		{"cells-240000", hostile.ManyCellsXLSX(4000, 60), `x.xlsx: sheet "Sheet1": 240012 cells: cells of a workbook (merged cells counted in every place they cover) over the limit of 200000`, 60},
		{"bare-cells-240000", hostile.BareCellsXLSX(4000, 60), `x.xlsx: sheet "Sheet1": 240012 cells: cells of a workbook (merged cells counted in every place they cover) over the limit of 200000`, 10},
		{"wide-rows-13", hostile.WideRowsXLSX(13), `x.xlsx: sheet "Sheet1": 213004 cells in the first 16 rows: cells of a workbook (merged cells counted in every place they cover) over the limit of 200000`, 200},
		{"wide-rows-9", hostile.WideRowsXLSX(9), "", 400},
	} {
		t.Run(c.name, func(t *testing.T) {
			var doc *document.Document
			var err error
			_, alloc := hostile.Cost(func() { doc, err = Reader{}.Read("x.xlsx", c.data) })
			switch {
			case c.err != "" && (err == nil || err.Error() != c.err):
				t.Errorf("error %v\nwant %s", err, c.err)
			case c.err == "" && err != nil:
				t.Errorf("%v", err)
			case c.err == "" && (len(doc.Blocks) < len(want.Blocks) || doc.Blocks[0].Table == nil ||
				!strings.Contains(doc.Blocks[0].Table.Rows[1][1].Text, "推进道路建设")):
				t.Errorf("blocks %+v", doc.Blocks[:min(2, len(doc.Blocks))])
			}
			if alloc > c.maxMB<<20 {
				t.Errorf("allocated %d MB, want under %d", alloc>>20, c.maxMB)
			}
		})
	}
}
