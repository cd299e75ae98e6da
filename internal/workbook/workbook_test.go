package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/limits"
)

// TestBudgets: a file over limits.FileBytes (sparse: no disk), a zip bomb
// and a sheet over limits.SheetCells are refused naming the limit, with
// little allocated; the plain ledger opens and its cells are counted.
func TestBudgets(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.xlsx")
	f, err := os.Create(huge)
	if err == nil {
		err = f.Truncate(limits.FileBytes + 1)
		f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	_, alloc := hostile.Cost(func() { _, err = Open(huge) })
	if err == nil || !strings.Contains(err.Error(), "file bytes over the limit of 134217728") {
		t.Errorf("a file over the limit: %v", err)
	}
	if alloc > limits.FileBytes*3 {
		t.Errorf("a file over the limit: allocated %d MB", alloc>>20)
	}
	bomb := hostile.ZipBombXLSX(300)
	_, alloc = hostile.Cost(func() { _, err = OpenBytes(bomb) })
	if err == nil || err.Error() != "xl/worksheets/sheet1.xml: 314573686 bytes decompressed: bytes decompressed from one part over the limit of 67108864" || alloc > 2<<20 {
		t.Errorf("zip bomb: %v, %d KB", err, alloc>>10)
	}
	wb, err := OpenBytes(hostile.WideRowsXLSX(13))
	if err != nil {
		t.Fatal(err)
	}
	_, alloc = hostile.Cost(func() { err = CheckCells(wb, "Sheet1", limits.SheetCells) })
	if !errors.Is(err, ErrTooManyCells) || alloc > 100<<20 {
		t.Errorf("13 rows to XFD: %v, %d MB", err, alloc>>20)
	}
	if err := CheckCells(wb, "Sheet1", 13*16384+4*3); err != nil {
		t.Errorf("13 rows to XFD within a budget of their cells: %v", err)
	}
	p := filepath.Join(dir, "ledger.xlsx")
	if err := os.WriteFile(p, hostile.LedgerXLSX(), 0o644); err != nil {
		t.Fatal(err)
	}
	wb, err = Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckCells(wb, "Sheet1", 12); err != nil {
		t.Errorf("the ledger's 12 cells: %v", err)
	}
	if err := CheckCells(wb, "Sheet1", 11); !errors.Is(err, ErrTooManyCells) {
		t.Errorf("the ledger's 12 cells in a budget of 11: %v", err)
	}
	if n := CellTags(wb, "Sheet1"); n != 12 {
		t.Errorf("the ledger's cell elements: %d, want 12", n)
	}
}

// TestCellTags: a workbook with a sheet whose part holds more cell
// elements than limits.SheetCells is refused by counting them as the part
// unpacks, before excelize opens it (1.2 million cells took 1.4 s to
// stream up to the budget, after 0.2–0.8 s of unpacking), with or without
// cell references and under a namespace prefix, the count exact across
// the MB the part is read by; under the limit, CheckCells counts the
// same way against a smaller budget.
func TestCellTags(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"bare", hostile.BareCellsXLSX(4000, 60)},
		{"prefixed", prefixed(hostile.BareCellsXLSX(4000, 60))},
	} {
		var err error
		_, alloc := hostile.Cost(func() { _, err = OpenBytes(c.data) })
		if !errors.Is(err, ErrTooManyCells) || !strings.HasPrefix(err.Error(), `sheet "Sheet1": 240012 cells: `) {
			t.Errorf("%s: %v", c.name, err)
		}
		if alloc > 4<<20 {
			t.Errorf("%s: allocated %d KB counting", c.name, alloc>>10)
		}
	}
	wb, err := OpenBytes(hostile.BareCellsXLSX(100, 60))
	if err != nil {
		t.Fatal(err)
	}
	var alloc uint64
	_, alloc = hostile.Cost(func() { err = CheckCells(wb, "Sheet1", 1000) })
	if !errors.Is(err, ErrTooManyCells) || !strings.HasPrefix(err.Error(), "6012 cells: ") || alloc > 1<<20 {
		t.Errorf("6,012 cells in a budget of 1,000: %v, %d KB", err, alloc>>10)
	}
}

// prefixed rewrites a one-sheet workbook's sheet with the x: prefix for
// the spreadsheet namespace, as some writers do.
func prefixed(data []byte) []byte {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		panic(err)
	}
	var parts []hostile.Part
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		if f.Name == "xl/worksheets/sheet1.xml" {
			s := string(b)
			s = strings.ReplaceAll(s, "<", "<x:")
			s = strings.ReplaceAll(s, "<x:/", "</x:")
			s = strings.ReplaceAll(s, "<x:?", "<?")
			s = strings.Replace(s, `xmlns="`, `xmlns:x="`, 1)
			b = []byte(s)
		}
		parts = append(parts, hostile.Part{Name: f.Name, Data: b})
	}
	return hostile.Zip(parts...)
}
