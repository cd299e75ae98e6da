// Package xlsx reads notices that arrive as Excel workbooks (.xlsx): the
// task ledger (任务分解表) a 督查室 receives, often with the notice pasted
// above the table. Cells are read with excelize; finding the table and the
// text around it is package sheet's, shared with the .xls reader.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/sheet"
	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/workbook"
)

// Reader reads XLSX notices.
type Reader struct{}

// Read reads every visible sheet's cells, merged ranges and dates, and
// hands them to sheet.Document.
func (Reader) Read(name string, data []byte) (*document.Document, error) {
	if bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}) {
		// An encrypted XLSX is a compound file holding the encrypted package.
		return nil, fmt.Errorf("%s: a compound file, not a zip: a password-protected workbook (save it without a password) or an .xls named .xlsx", name)
	}
	f, err := workbook.OpenBytes(data)
	if err != nil {
		if _, over := errors.AsType[*limits.Error](err); over {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return nil, fmt.Errorf("%s: not a readable XLSX workbook: %w", name, err)
	}
	defer f.Close()
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	var visible []string
	tags := 0
	for _, sh := range f.GetSheetList() {
		if v, err := f.GetSheetVisible(sh); err == nil && !v {
			continue
		}
		visible = append(visible, sh)
		// the cells the sheets' parts hold, counted before any is read
		if tags += workbook.CellTags(f, sh); tags > sheet.MaxCells {
			return nil, fmt.Errorf("%s: %s: %d cells: %w", name, quoted(visible), tags, sheet.ErrTooManyCells)
		}
	}
	var sheets []sheet.Sheet
	cells := 0
	for _, sh := range visible {
		s, n, err := readSheet(f, sh, date1904)
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %q: %w", name, sh, err)
		}
		if cells += n; cells > sheet.MaxCells {
			return nil, fmt.Errorf("%s: %w", name, sheet.ErrTooManyCells)
		}
		sheets = append(sheets, s)
	}
	doc, err := sheet.Document("xlsx", sheets)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return doc, nil
}

// quoted names sheets: sheet "A", or sheets "A", "B".
func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) == 1 {
		return "sheet " + q[0]
	}
	return "sheets " + strings.Join(q, ", ")
}

// readSheet reads one sheet's cells as text: numbers as the sheet shows
// them, dates as 2025年6月30日.
func readSheet(f *excelize.File, name string, date1904 bool) (sheet.Sheet, int, error) {
	if err := workbook.CheckCells(f, name, sheet.MaxCells); err != nil {
		return sheet.Sheet{}, 0, err
	}
	shown, err := f.GetRows(name)
	if err != nil {
		return sheet.Sheet{}, 0, err
	}
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return sheet.Sheet{}, 0, err
	}
	n := 0
	for r, row := range shown {
		n += len(row)
		if n > sheet.MaxCells {
			return sheet.Sheet{}, 0, sheet.ErrTooManyCells
		}
		for c := range row {
			if r >= len(raw) || c >= len(raw[r]) {
				continue
			}
			serial, err := strconv.ParseFloat(raw[r][c], 64)
			if err != nil {
				continue
			}
			if isDateCell(f, name, r, c) {
				if t, ok := sheet.ExcelDate(serial, date1904); ok {
					row[c] = sheet.DateText(t)
				}
			}
		}
	}
	s := sheet.Sheet{Name: name, Rows: shown}
	merges, err := f.GetMergeCells(name)
	if err != nil {
		return sheet.Sheet{}, 0, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		s.Merges = append(s.Merges, sheet.Merge{Top: r1 - 1, Left: c1 - 1, Bottom: r2 - 1, Right: c2 - 1})
	}
	return s, n, nil
}

// isDateCell reports whether the cell at 0-based row r, column c has a
// date number format.
func isDateCell(f *excelize.File, sh string, r, c int) bool {
	ref, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return false
	}
	id, err := f.GetCellStyle(sh, ref)
	if err != nil {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	code := ""
	if st.CustomNumFmt != nil {
		code = *st.CustomNumFmt
	}
	return sheet.IsDateFormat(st.NumFmt, code)
}
