// Package workbook opens XLSX workbooks with excelize under the budgets of
// internal/limits: the notices read as workbooks, the return sheets units
// fill in (duban import) and the ledgers a clerk edits (run, render). A
// zip bomb, a file over the size limit or a sheet of millions of cells is
// an error naming the limit before excelize unpacks or reads it.
package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

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
		if err := checkSheets(z); err != nil {
			return nil, err
		}
	} // else excelize says what is wrong with the archive
	return excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: limits.ZipTotalBytes, UnzipXMLSizeLimit: limits.ZipEntryBytes})
}

// checkSheets refuses a workbook one of whose sheets holds more than
// limits.SheetCells cell elements, counted as its part unpacks, before
// excelize unpacks and holds every part (0.2–0.8 s and 60 MB for the 1.2
// million cells of a 2.7 MB workbook).
func checkSheets(z *zip.Reader) error {
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	read := func(p string) []byte {
		f := files[p]
		if f == nil || f.UncompressedSize64 > 4<<20 { // the small parts naming the sheets
			return nil
		}
		r, err := f.Open()
		if err != nil {
			return nil
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		return b
	}
	for p, name := range sheetParts(read) {
		f := files[p]
		if f == nil {
			continue
		}
		r, err := f.Open()
		if err != nil {
			continue // excelize says what is wrong with it
		}
		n, _ := countCellTags(r)
		r.Close()
		if n > limits.SheetCells {
			return fmt.Errorf("sheet %q: %d cells: %w", name, n, ErrTooManyCells)
		}
	}
	return nil
}

// ErrTooManyCells is a sheet or workbook over limits.SheetCells.
var ErrTooManyCells = limits.Over("cells of a workbook (merged cells counted in every place they cover)", limits.SheetCells)

// CheckCells fails with ErrTooManyCells when the sheet holds more than
// budget cells (a row as wide as its last cell). A sheet whose part holds
// more cell elements than budget is refused by counting them in its bytes
// (CellTags: milliseconds where streaming the 1.2 million cells of a 2.7 MB
// workbook up to the budget took 1.4 s); otherwise its rows are walked as
// excelize streams them, up to the budget (a few rows each reaching column
// XFD are 16,384 cells a row).
func CheckCells(f *excelize.File, sheet string, budget int) error {
	if n := CellTags(f, sheet); n > budget {
		return fmt.Errorf("%d cells: %w", n, ErrTooManyCells)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	n, r := 0, 0
	for rows.Next() {
		r++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		if n += len(cols); n > budget {
			return fmt.Errorf("%d cells in the first %d rows: %w", n, r, ErrTooManyCells)
		}
	}
	return rows.Error()
}

// CellTags counts the cell elements (<c …>) of the sheet's part, a
// millisecond a MB: no fewer cells than that are read from it, as a row
// is at least as wide as the cells it holds. It is 0 when the part is not
// found (excelize then says what is wrong with the sheet).
func CellTags(f *excelize.File, sheet string) int {
	return cellTags(sheetPart(f, sheet))
}

// cellTags counts the cell elements (<c …>, <x:c …>) of a worksheet's
// bytes.
func cellTags(data []byte) int {
	n := 0
	for i := bytes.IndexByte(data, '<'); i >= 0; {
		j := i + 1
		for j < len(data) && nameByte(data[j]) {
			j++
		}
		name := data[i+1 : j]
		if c := bytes.LastIndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		if len(name) == 1 && name[0] == 'c' && j < len(data) {
			switch data[j] {
			case ' ', '>', '/', '\t', '\n', '\r':
				n++
			}
		}
		k := bytes.IndexByte(data[j:], '<')
		if k < 0 {
			break
		}
		i = j + k
	}
	return n
}

// countCellTags counts the cell elements of a worksheet read from r, a
// MB at a time (a tag cut by the end of one is counted with the next).
func countCellTags(r io.Reader) (int, error) {
	buf := make([]byte, 0, 1<<20+64)
	n := 0
	for {
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		eof := err == io.EOF
		if err != nil && !eof {
			return n, err
		}
		cut := len(buf)
		if i := bytes.LastIndexByte(buf, '<'); !eof && i >= 0 && len(buf)-i < 64 {
			cut = i
		}
		n += cellTags(buf[:cut])
		buf = append(buf[:0], buf[cut:]...)
		if eof {
			return n, nil
		}
	}
}

func nameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == ':' || b == '_' || b == '-' || b == '.'
}

// sheetPart returns the bytes of the worksheet part of the sheet named
// name, as excelize holds them unpacked (OpenBytes keeps every part under
// limits.ZipEntryBytes, so none is in a temporary file); nil when it is
// not found.
func sheetPart(f *excelize.File, name string) []byte {
	for p, n := range sheetParts(func(p string) []byte { return pkgPart(f, p) }) {
		if strings.EqualFold(n, name) {
			return pkgPart(f, p)
		}
	}
	return nil
}

// sheetParts maps the worksheet parts of a package to their sheets'
// names: the package's relationships name the workbook part, the
// workbook's each sheet's id and its relationships the part. read returns
// a part's bytes (nil when missing).
func sheetParts(read func(string) []byte) map[string]string {
	wb := "xl/workbook.xml"
	for _, r := range rels(read("_rels/.rels")) {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wb = target("", r.Target)
		}
	}
	var book struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.Unmarshal(read(wb), &book) != nil {
		return nil
	}
	ids := map[string]string{}
	for _, s := range book.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				ids[a.Value] = s.Name
			}
		}
	}
	dir := path.Dir(wb)
	out := map[string]string{}
	for _, r := range rels(read(path.Join(dir, "_rels", path.Base(wb)+".rels"))) {
		if name, ok := ids[r.ID]; ok {
			out[target(dir, r.Target)] = name
		}
	}
	return out
}

// relationship is one entry of a package's .rels part.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// rels reads a relationships part.
func rels(data []byte) []relationship {
	var r struct {
		Rel []relationship `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &r) != nil {
		return nil
	}
	return r.Rel
}

// target resolves a relationship's target against the folder dir (a
// leading "/" is the package's root).
func target(dir, t string) string {
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(path.Clean(t), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+path.Join(dir, t)), "/")
}

// pkgPart is the unpacked part at p, nil if excelize holds none.
func pkgPart(f *excelize.File, p string) []byte {
	if v, ok := f.Pkg.Load(p); ok {
		if b, ok := v.([]byte); ok {
			return b
		}
	}
	return nil
}
