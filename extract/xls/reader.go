// Package xls reads notices that arrive as Excel 97–2003 workbooks (.xls,
// BIFF8). The Go .xls libraries lose text when a long shared-string table
// is split over CONTINUE records (any Chinese table over about 8 KB), so
// the workbook stream is read here: on the compound file of
// github.com/richardlehane/mscfb, the records BOF, BOUNDSHEET, SST (with
// its CONTINUE records), XF, FORMAT, DATEMODE and the cell records
// LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA (cached values), BOOLERR and
// MERGECELLS. Finding the task table is package sheet's, shared with the
// .xlsx reader.
package xls

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/sheet"
)

// Reader reads XLS notices.
type Reader struct{}

// Read finds the workbook stream in the compound file and reads its
// visible worksheets.
func (Reader) Read(name string, data []byte) (*document.Document, error) {
	stream, err := workbookStream(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sheets, err := parseWorkbook(stream)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	doc, err := sheet.Document("xls", sheets)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return doc, nil
}

// errNotXLS is the error of a file that is no Excel 97–2003 workbook.
var errNotXLS = errors.New("not an Excel 97–2003 workbook (no Workbook stream in a compound file)")

// errBIFF5 is the error of a workbook from Excel 5.0/95 (BIFF5), which
// duban does not read.
var errBIFF5 = errors.New("an Excel 5.0/95 workbook; re-save it as .xlsx")

// workbookStream returns the bytes of the compound file's Workbook
// stream. An Excel 5.0/95 "Book" stream is an error that says what to do.
func workbookStream(data []byte) (_ []byte, err error) {
	if !bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}) {
		return nil, errNotXLS
	}
	defer func() {
		// The compound-file library is not ours; a damaged file must
		// still be an error, never a crash.
		if r := recover(); r != nil {
			err = fmt.Errorf("damaged compound file: %v", r)
		}
	}()
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("damaged compound file: %w", err)
	}
	oldBook := false
	for entry, err := cf.Next(); err == nil; entry, err = cf.Next() {
		switch entry.Name {
		case "Workbook", "WORKBOOK", "workbook":
			// A stream cannot be longer than the file holding it.
			return io.ReadAll(io.LimitReader(entry, int64(len(data))))
		case "Book":
			oldBook = true
		}
	}
	if oldBook {
		return nil, errBIFF5
	}
	return nil, errNotXLS
}
