package workbook

import (
	"errors"
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
}
