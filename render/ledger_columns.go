package render

import (
	"slices"

	"github.com/duban/duban"
)

// ledgerOptionalKeys are the ledger workbook columns hidden when no task
// of the notice fills them, as the PDF drops its empty columns: the unit
// role columns (a notice naming only 责任单位 leaves 牵头单位 and 配合单位
// empty, one naming leads and partners leaves 责任单位 empty) and the
// keywords.
var ledgerOptionalKeys = []string{"lead", "co", "responsible", "keywords"}

// ledgerUnitKeys are the unit role columns, of which one stays visible
// even in a notice without units, for a clerk to fill in.
var ledgerUnitKeys = []string{"responsible", "lead", "co"}

// emptyLedgerColumns gives the 1-based columns of x that no task of n
// fills, among ledgerOptionalKeys.
func emptyLedgerColumns(x *xlsxTemplate, n *duban.Notice) []int {
	empty := map[string]bool{}
	for _, k := range ledgerOptionalKeys {
		if x.Column(k) == 0 {
			continue
		}
		empty[k] = true
		for i := range n.Tasks {
			if ledgerValue(k, n, &n.Tasks[i]) != "" {
				empty[k] = false
				break
			}
		}
	}
	keep := ""
	for _, k := range ledgerUnitKeys {
		if x.Column(k) == 0 {
			continue
		}
		if !empty[k] {
			keep = ""
			break
		}
		if keep == "" {
			keep = k
		}
	}
	delete(empty, keep)
	var cols []int
	for _, k := range ledgerOptionalKeys {
		if empty[k] {
			cols = append(cols, x.Column(k))
		}
	}
	slices.Sort(cols)
	return cols
}

// layoutHiddenWidth is the width a hidden column has while rows are laid
// out: next to nothing (excelize reads a width of 0 as the default).
const layoutHiddenWidth = 0.001

// hideLedgerColumns hides columns of the ledger sheet. The columns stay in
// the sheet with their headers and widths, so a clerk who wants to fill
// one shows it again, and ReadLedger still finds it. Until the returned
// function runs, the hidden columns also have next to no width, so that the rows
// laid out in between (titles and section headings spanning the table,
// task rows) are sized to the width that shows; it gives them their widths
// back.
func hideLedgerColumns(x *xlsxTemplate, cols []int) (restore func() error, err error) {
	f, sh := x.File, x.Sheet
	saved := make([]float64, len(cols))
	for i, c := range cols {
		name := colName(c)
		if saved[i], err = f.GetColWidth(sh, name); err != nil {
			return nil, err
		}
		if err := f.SetColVisible(sh, name, false); err != nil {
			return nil, err
		}
		if err := f.SetColWidth(sh, name, name, layoutHiddenWidth); err != nil {
			return nil, err
		}
		if c-1 < len(x.widths) {
			x.widths[c-1] = 0
		}
	}
	return func() error {
		for i, c := range cols {
			name := colName(c)
			if err := f.SetColWidth(sh, name, name, saved[i]); err != nil {
				return err
			}
			if err := f.SetColVisible(sh, name, false); err != nil {
				return err
			}
			if c-1 < len(x.widths) {
				x.widths[c-1] = saved[i]
			}
		}
		return nil
	}, nil
}
