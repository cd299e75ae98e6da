// Package workbook opens XLSX workbooks with excelize under the budgets of
// internal/limits: the notices read as workbooks, the return sheets units
// fill in (duban import) and the ledgers a clerk edits (run, render). A
// zip bomb, a file over the size limit or a sheet of millions of cells is
// an error naming the limit before excelize unpacks or reads it.
package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/limits"
)

// Open reads the workbook at path (at most limits.FileBytes) and opens it
// as OpenBytes does. Errors do not name the file: callers add it.
func Open(path string) (*excelize.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limits.FileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limits.FileBytes {
		return nil, fmt.Errorf("more than %d bytes: %w", limits.FileBytes, limits.Over("file bytes", limits.FileBytes))
	}
	return OpenBytes(data)
}

// OpenBytes opens a workbook from its bytes, refusing one whose parts
// unpack to more than the zip budgets (limits.ZipEntryBytes a part,
// limits.ZipTotalBytes in all) by the sizes its directory declares:
// archive/zip fails a part that unpacks to more than declared.
func OpenBytes(data []byte) (*excelize.File, error) {
	if z, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		var total uint64
		for _, f := range z.File {
			if f.UncompressedSize64 > limits.ZipEntryBytes {
				return nil, fmt.Errorf("%s: %d bytes decompressed: %w", f.Name, f.UncompressedSize64, limits.Over("bytes decompressed from one part", limits.ZipEntryBytes))
			}
			if total += f.UncompressedSize64; total > limits.ZipTotalBytes {
				return nil, fmt.Errorf("%d bytes decompressed: %w", total, limits.Over("bytes decompressed from the file", limits.ZipTotalBytes))
			}
		}
	} // else excelize says what is wrong with the archive
	return excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: limits.ZipTotalBytes, UnzipXMLSizeLimit: limits.ZipEntryBytes})
}

// ErrTooManyCells is a sheet or workbook over limits.SheetCells.
var ErrTooManyCells = limits.Over("cells of a workbook (merged cells counted in every place they cover)", limits.SheetCells)

// CheckCells walks a sheet's rows as excelize streams them and fails with
// ErrTooManyCells as soon as they hold more than budget cells (a row is as
// wide as its last cell). Reading 1.2 million cells with GetRows took 19 s
// and 5 GB; this stops at the budget.
func CheckCells(f *excelize.File, sheet string, budget int) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		if n += len(cols); n > budget {
			return ErrTooManyCells
		}
	}
	return rows.Error()
}
