package xlsxout

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Rows writes what was set: values and styles, blank styled cells for
// empty strings, merged spans styled across, row heights within Excel's
// limit, formulas; WriteFile saves a workbook that reopens.
func TestRows(t *testing.T) {
	f := excelize.NewFile()
	st, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewRows(f, "Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	w.Span(1, 1, 3, "标题", st)
	if err := w.Write(1, 30); err != nil {
		t.Fatal(err)
	}
	w.Set(2, "=1+1", 0)
	w.Set(1, 7, st)
	w.Set(3, "", st)
	if err := w.Write(2, 2000); err != nil {
		t.Fatal(err)
	}
	w.Formula(1, "A2*2", 0)
	if err := w.Write(3, 0); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "x.xlsx")
	if err := WriteFile(f, p); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	get := func(cell string) string {
		v, err := g.GetCellValue("Sheet1", cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if get("A1") != "标题" || get("A2") != "7" || get("B2") != "=1+1" || get("C2") != "" {
		t.Errorf("values %q %q %q %q", get("A1"), get("A2"), get("B2"), get("C2"))
	}
	if ft, _ := g.GetCellFormula("Sheet1", "A3"); ft != "A2*2" {
		t.Errorf("formula %q", ft)
	}
	if typ, _ := g.GetCellType("Sheet1", "C2"); typ != excelize.CellTypeUnset {
		t.Errorf("C2 holds a value of type %v, want a blank cell", typ)
	}
	for _, c := range []string{"A1", "B1", "C1", "C2"} {
		if s, _ := g.GetCellStyle("Sheet1", c); s != st {
			t.Errorf("%s style %d, want %d", c, s, st)
		}
	}
	if m, _ := g.GetMergeCells("Sheet1"); len(m) != 1 || m[0].GetStartAxis() != "A1" || m[0].GetEndAxis() != "C1" {
		t.Errorf("merges %v", m)
	}
	if h, _ := g.GetRowHeight("Sheet1", 1); h != 30 {
		t.Errorf("row 1 height %v", h)
	}
	if h, _ := g.GetRowHeight("Sheet1", 2); h != excelize.MaxRowHeight {
		t.Errorf("row 2 height %v, want Excel's limit", h)
	}
}
