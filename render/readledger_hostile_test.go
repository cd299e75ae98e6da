package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// TestReadLedgerBudgets: an edited ledger is opened under the zip and cell
// budgets of internal/limits (issue 16), as notices and return sheets are:
// a zip bomb is refused by its declared size; 13 rows reaching column XFD
// are refused as not a ledger (the cell budget of a ledger's sheets is
// internal/workbook's TestBudgets).
func TestReadLedgerBudgets(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct {
		data  []byte
		limit string
	}{
		"bomb.xlsx": {hostile.ZipBombXLSX(300), "bytes decompressed from one part over the limit of 67108864"},
		"wide.xlsx": {hostile.WideRowsXLSX(13), "not a duban ledger"},
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadLedger(p); err == nil || !strings.HasPrefix(err.Error(), p+": ") || !strings.Contains(err.Error(), c.limit) {
			t.Errorf("%s: %v, want %q", name, err, c.limit)
		}
	}
}
